/** Starts a master: resolves its config from flags, builds the HTTP server, listens, runs timers. */
import type { FastifyInstance } from 'fastify';
import type { Flags } from '../cli/flags/resolve-flags.js';
import { UserError } from '../cli/errors.js';
import { createServer } from '../http/server.js';
import type { Logger } from '../lib/logger.js';
import { pingAgents } from './core/agents.js';
import { runAllocation } from './core/offers.js';
import { registerAgentApi } from './http/agent-api.js';
import { registerLegacyRoutes } from './http/legacy-routes.js';
import { registerOperatorApi } from './http/operator-api.js';
import { registerSchedulerApi } from './http/scheduler-api.js';
import { haConfig } from './ha/config.js';
import { installLeaderGate } from './ha/leader-gate.js';
import { type Leadership, startLeadership } from './ha/leadership.js';
import { standBy } from './ha/step-down.js';
import { Master, type MasterConfig } from './master.js';

export interface RunningMaster {
  master: Master;
  app: FastifyInstance;
  /** `http://ip:port` actually bound. */
  url: string;
  close(): Promise<void>;
}

/** `--weights=dev=1.5,prod=3` → `{dev: 1.5, prod: 3}`. */
export function parseWeights(text: string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  if (!text) return out;
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [role, w] = part.split('=');
    const weight = Number(w);
    if (!role || !(weight > 0)) throw new UserError(`--weights: '${part}' is not ROLE=WEIGHT with a positive weight`, 'e.g. --weights=dev=1.5,prod=3');
    out[role] = weight;
  }
  return out;
}

export function masterConfig(flags: Flags): MasterConfig {
  const ip = flags.str('ip') ?? '127.0.0.1';
  const roles = flags.str('roles');
  const positive = (name: string) => {
    const v = flags.duration(name);
    if (v !== undefined && v <= 0) throw new UserError(`--${name} must be greater than 0`);
    return v;
  };
  return {
    ip,
    port: flags.int('port') ?? 5050,
    hostname: flags.str('hostname') ?? ip,
    allocationIntervalMs: positive('allocation_interval') ?? 1000,
    offerTimeoutMs: positive('offer_timeout'),
    agentPingTimeoutMs: positive('agent_ping_timeout') ?? 15_000,
    maxAgentPingTimeouts: flags.int('max_agent_ping_timeouts') ?? 5,
    maxCompletedFrameworks: flags.int('max_completed_frameworks') ?? 50,
    maxCompletedTasksPerFramework: flags.int('max_completed_tasks_per_framework') ?? 1000,
    maxUnreachableTasksPerFramework: flags.int('max_unreachable_tasks_per_framework') ?? 1000,
    roles: roles ? new Set(roles.split(',').map((r) => r.trim()).filter(Boolean)) : undefined,
    weights: parseWeights(flags.str('weights')),
    cluster: flags.str('cluster'),
    flags: flags.all(),
  };
}

export async function startMaster(flags: Flags, log: Logger): Promise<RunningMaster> {
  const config = masterConfig(flags);
  const ha = haConfig(flags);
  const master = new Master(config, log);
  const app = createServer({
    logger: log,
    renderError: (reply, _status, message) => reply.type('text/plain; charset=utf-8').send(message),
  });
  if (ha) {
    standBy(master); // not leading until ZooKeeper says so, from the very first request
    installLeaderGate(app, master);
  }
  registerSchedulerApi(app, master);
  registerAgentApi(app, master);
  registerOperatorApi(app, master);
  registerLegacyRoutes(app, master);
  try {
    await app.listen({ host: config.ip, port: config.port });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') throw new UserError(`port ${config.port} on ${config.ip} is already in use`, 'stop the other process or pass --port=PORT (0 picks a free port)');
    if (err.code === 'EADDRNOTAVAIL') throw new UserError(`can not listen on ${config.ip}: no such local address`, 'pass --ip with an address of this machine, e.g. --ip=127.0.0.1');
    throw e;
  }
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  master.bound(port);
  master.start(
    () => runAllocation(master),
    () => {
      pingAgents(master);
      // Agents that just became unreachable (or any drift) reach the registry here.
      master.registrar?.sync().catch((err: unknown) => log.error({ err }, 'could not update the registry'));
    },
  );
  let leadership: Leadership | undefined;
  if (ha) {
    leadership = startLeadership(master, ha, log);
    log.info({ zk: ha.zk.display, registry: ha.durableRegistry ? 'replicated_log (in ZooKeeper)' : 'in_memory' }, 'contending for leadership');
  }
  const url = `http://${config.ip.includes(':') ? `[${config.ip}]` : config.ip}:${port}`;
  log.info({ url, id: master.id }, 'master listening');
  return {
    master,
    app,
    url,
    async close() {
      await leadership?.stop();
      master.stop();
      await app.close();
    },
  };
}
