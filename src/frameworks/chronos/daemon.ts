/**
 * `tsmesos chronos`: the HTTP API at once; leader election among instances with the same --zk;
 * the elected one loads jobs, runs and schedule cursors from ZooKeeper, re-arms every schedule,
 * and only then subscribes to the Mesos master with its stored framework id (failover), its
 * in-flight tasks reconciled. Losing leadership stops the driver and drops the in-memory engine
 * (the next leader reloads from ZooKeeper); a standby proxies the API to the leader.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { UserError } from '../../cli/errors.js';
import { systemClock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { TaskStatusV1 } from '../../protocol/v1/types.js';
import { parseZkUrl, ZkUrlError } from '../../zk/zk-url.js';
import { FrameworkLeadership } from '../common/leadership.js';
import { NotLeaderError } from '../common/state-store.js';
import { masterSource } from '../driver/master-source.js';
import { SchedulerDriver } from '../driver/scheduler-driver.js';
import { type ChronosEngine, openEngine } from './engine/open.js';
import type { ChronosConfig } from './flags.js';
import type { ChronosHttpContext } from './http/context.js';
import { createChronosServer } from './http/server.js';
import type { OfferV1 } from './runs/offer-match.js';
import { ChronosStore } from './store/chronos-store.js';

export interface RunningChronos {
  url: string;
  close(): Promise<void>;
}

export async function startChronos(config: ChronosConfig, log: Logger): Promise<RunningChronos> {
  let zk;
  try {
    zk = parseZkUrl(config.zk);
  } catch (e) {
    if (e instanceof ZkUrlError) throw new UserError(`--zk: ${e.message}`, 'use --zk=zk://host:2181/chronos');
    throw e;
  }
  const self = { id: randomUUID(), hostname: config.hostname, port: config.httpPort, ip: config.httpAddress };
  const leadership = new FrameworkLeadership(zk, self, { sessionTimeoutMs: config.zkSessionTimeoutMs, log });
  let current: ChronosEngine | undefined;
  const ctx: ChronosHttpContext = {
    log,
    leadership,
    self: () => `${config.hostname}:${self.port}`,
    engine: () => current?.engine,
    startedAt: Date.now(),
    frameworkName: config.frameworkName,
  };
  const app = createChronosServer(ctx);
  await app.listen({ host: config.httpAddress, port: config.httpPort });
  self.port = (app.server.address() as { port: number }).port;
  const source = masterSource(config.master, log, config.zkSessionTimeoutMs);
  let driver: SchedulerDriver | undefined;
  let term = 0;
  source.onChange(() => driver?.leaderChanged());

  const stepDown = () => {
    term++;
    driver?.stop();
    driver = undefined;
    current?.stop();
    current = undefined;
  };

  const lead = async () => {
    const mine = ++term;
    const store = new ChronosStore(leadership.store());
    // The driver is made after the state is read (it needs the framework id); until then the
    // engine's calls to it are dropped, which only happens for work the reload redoes anyway.
    let d: SchedulerDriver | undefined;
    const port = {
      accept: (ids: string[], ops: unknown[], refuse?: number) => d?.accept(ids, ops, refuse) ?? Promise.resolve(0),
      decline: (ids: string[], refuse?: number) => d?.decline(ids, refuse) ?? Promise.resolve(0),
      revive: () => d?.revive() ?? Promise.resolve(0),
      suppress: () => d?.suppress() ?? Promise.resolve(0),
      kill: (taskId: string, agentId?: string) => d?.kill(taskId, agentId) ?? Promise.resolve(0),
      acknowledge: (s: TaskStatusV1) => d?.acknowledge(s) ?? Promise.resolve(0),
    };
    const engine = await openEngine(store, port, {
      failureRetryMs: config.failureRetryMs,
      role: config.role,
      clock: systemClock,
      log,
      historyLimit: config.historyLimit,
      onFatal: (err) => {
        log.error({ err: err.message }, err instanceof NotLeaderError ? 'fenced off: another instance leads' : 'state write failed: giving up leadership');
        if (term === mine) leadership.abdicate(`state write failed: ${err.message}`);
      },
    });
    if (term !== mine) return engine.stop();
    const frameworkId = engine.engine.model.frameworkId;
    d = new SchedulerDriver({
      framework: {
        user: config.user,
        name: config.frameworkName,
        ...(frameworkId ? { id: { value: frameworkId } } : {}),
        failover_timeout: config.failoverTimeoutSeconds,
        checkpoint: true,
        role: config.role,
        hostname: config.hostname,
        webui_url: `http://${ctx.self()}`,
      },
      master: source.resolver,
      log,
      autoAck: false,
      knownTasks: () => engine.engine.model.knownTasks(),
    });
    d.on('subscribed', (id: string) => {
      log.info({ frameworkId: id }, 'subscribed to the Mesos master');
      engine.subscribed(id);
    });
    d.on('offers', (offers: OfferV1[]) => engine.offers(offers));
    d.on('update', (status: TaskStatusV1) => engine.update(status));
    d.on('error', (message: string) => log.error({ message }, 'the master refused this framework'));
    driver = d;
    current = engine;
    d.start();
  };

  leadership.on('elected', () => {
    log.info('elected: loading the Chronos state');
    lead().catch((err: unknown) => {
      log.error({ err: (err as Error).message }, 'could not take over as leader');
      leadership.abdicate(`recovery failed: ${String(err)}`);
    });
  });
  leadership.on('lost', (reason) => {
    log.warn({ reason }, 'lost leadership: stopping the scheduler');
    stepDown();
  });
  leadership.start();
  return {
    url: `http://${config.httpAddress.includes(':') ? `[${config.httpAddress}]` : config.httpAddress}:${self.port}`,
    async close() {
      stepDown();
      await leadership.stop();
      await source.stop();
      await app.close();
    },
  };
}
