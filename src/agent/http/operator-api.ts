/**
 * `POST /api/v1` on the agent (`/slave(1)/api/v1`; upstream `Http::api` in `src/slave/http.cpp`,
 * calls from `include/mesos/v1/agent/agent.proto`): the read-only introspection and state calls.
 * Calls upstream defines but tsmesos does not serve yet answer 501 — never a silent success — and
 * unknown call types 400, as the master's operator API does.
 */
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../http/http-error.js';
import { parseJsonBody } from '../../http/json-body.js';
import { route } from '../../http/server.js';
import { requireJsonAccept, requireJsonBody } from '../../master/http/content-type.js';
import { versionInfo } from '../../master/http/version-info.js';
import type { AgentView } from '../model.js';
import { renderAgentMetrics } from './metrics.js';
import { collectUsage } from './monitor.js';
import { agentAliases } from './reply.js';
import * as v1 from './v1/state.js';

type Json = Record<string, unknown>;
type Getter = (view: AgentView) => Json | Promise<Json>;

const nameValues = (o: Record<string, string | number>) => Object.entries(o).map(([name, value]) => ({ name, value }));

/** Each call's payload; the route wraps it as `{type, <call in lower case>: payload}`. */
const GETTERS: Record<string, Getter> = {
  GET_HEALTH: () => ({ healthy: true }),
  GET_FLAGS: (view) => ({ flags: nameValues(view.flags) }),
  GET_VERSION: () => ({ version_info: versionInfo() }),
  GET_METRICS: (view) => ({ metrics: nameValues(renderAgentMetrics(view)) }),
  GET_STATE: (view) => v1.stateBody(view),
  GET_CONTAINERS: async (view) => v1.containersBody(await collectUsage(view)),
  GET_FRAMEWORKS: (view) => v1.frameworksBody(view),
  GET_EXECUTORS: (view) => v1.executorsBody(view),
  GET_TASKS: (view) => v1.tasksBody(view),
  GET_AGENT: (view) => v1.agentBody(view),
};

/** Agent calls upstream defines that tsmesos does not implement yet. */
export const AGENT_UNIMPLEMENTED: ReadonlySet<string> = new Set([
  'GET_LOGGING_LEVEL', 'SET_LOGGING_LEVEL', 'LIST_FILES', 'READ_FILE', 'GET_OPERATIONS', 'GET_RESOURCE_PROVIDERS',
  'LAUNCH_NESTED_CONTAINER', 'WAIT_NESTED_CONTAINER', 'KILL_NESTED_CONTAINER', 'REMOVE_NESTED_CONTAINER',
  'LAUNCH_NESTED_CONTAINER_SESSION', 'ATTACH_CONTAINER_INPUT', 'ATTACH_CONTAINER_OUTPUT', 'LAUNCH_CONTAINER',
  'WAIT_CONTAINER', 'KILL_CONTAINER', 'REMOVE_CONTAINER', 'ADD_RESOURCE_PROVIDER_CONFIG',
  'UPDATE_RESOURCE_PROVIDER_CONFIG', 'REMOVE_RESOURCE_PROVIDER_CONFIG', 'MARK_RESOURCE_PROVIDER_GONE', 'PRUNE_IMAGES',
]);

/** The whole response body of one call, or an `HttpError` for calls we do not answer. */
export async function agentCall(view: AgentView, body: unknown): Promise<Json> {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || typeof (body as Json).type !== 'string') {
    throw new HttpError(400, "Failed to convert JSON into Call protobuf: expecting a 'type' string");
  }
  const type = (body as Json).type as string;
  const getter = GETTERS[type];
  if (getter) return { type, [type.toLowerCase()]: await getter(view) };
  if (AGENT_UNIMPLEMENTED.has(type)) throw new HttpError(501, `${type} is not implemented by tsmesos yet`);
  throw new HttpError(400, `Failed to convert JSON into Call protobuf: unknown call type '${type}'`);
}

export function registerAgentOperatorApi(app: FastifyInstance, view: AgentView): void {
  route(app, agentAliases('api/v1', false), {
    POST: async (req, reply) => {
      requireJsonBody(req);
      requireJsonAccept(req);
      const body = await agentCall(view, parseJsonBody(req.body as Buffer | undefined));
      return reply.code(200).type('application/json').send(JSON.stringify(body));
    },
  });
}
