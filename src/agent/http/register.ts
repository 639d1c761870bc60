/**
 * Mounts the agent's HTTP surface (mesos-api.md §4 "Agent HTTP endpoints"; upstream routes in
 * `src/slave/slave.cpp` and `src/slave/http.cpp`): `/state`, `/flags`, `/health`, `/version`,
 * `/metrics/snapshot`, `/monitor/statistics`, `/containers`, `POST /api/v1` and `/files/*`. Agent
 * process routes answer at `/slave(1)/<x>` and `/<x>`, with `.json` spellings and `?jsonp=`;
 * libprocess-level ones (`/version`, `/metrics/snapshot`, `/files/*`) only at the root, as upstream.
 * The daemon owns the fastify instance (created with `createServer`, so a trailing slash is
 * tolerated and wrong methods get 405); this function only adds routes.
 */
import type { FastifyInstance } from 'fastify';
import { route } from '../../http/server.js';
import { versionInfo } from '../../master/http/version-info.js';
import type { AgentView } from '../model.js';
import { registerFilesRoutes } from './files/routes.js';
import { renderAgentFlags, renderAgentState } from './legacy/state.js';
import { renderAgentMetrics } from './metrics.js';
import { collectUsage, renderContainers, renderMonitorStatistics } from './monitor.js';
import { registerAgentOperatorApi } from './operator-api.js';
import { agentAliases, sendJson } from './reply.js';

export interface AgentHttpOptions {
  /** The agent's own log file, served by `/files/*` as `/slave/log` when set. */
  logFile?: string;
}

export function registerAgentHttp(app: FastifyInstance, view: AgentView, opts: AgentHttpOptions = {}): void {
  const get = (paths: string[], render: () => unknown) =>
    route(app, paths, { GET: async (req, reply) => sendJson(req, reply, await render()) });

  get(agentAliases('state'), () => renderAgentState(view));
  get(agentAliases('flags'), () => renderAgentFlags(view));
  route(app, agentAliases('health'), { GET: (_req, reply) => reply.code(200).send() });
  get(['/version', '/version.json'], () => versionInfo());
  get(['/metrics/snapshot', '/metrics/snapshot.json'], () => renderAgentMetrics(view));
  get(agentAliases('monitor/statistics'), async () => renderMonitorStatistics(await collectUsage(view)));
  get(agentAliases('containers'), async () => renderContainers(await collectUsage(view)));
  registerAgentOperatorApi(app, view);
  registerFilesRoutes(app, view, { logFile: opts.logFile });
}
