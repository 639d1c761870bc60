/**
 * `tsmesos chronos`: the HTTP API at once; leader election among instances with the same --zk
 * (common/framework-host.ts); the elected one loads jobs, runs and schedule cursors from
 * ZooKeeper, re-arms every schedule, and only then subscribes to the Mesos master with its stored
 * framework id (failover), its in-flight tasks reconciled. Losing leadership stops the driver and
 * drops the in-memory engine (the next leader reloads from ZooKeeper); a standby proxies the API
 * to the leader.
 * @module
 */
import { systemClock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { TaskStatusV1 } from '../../protocol/v1/types.js';
import { frameworkInfoFor, hostFramework, type RunningFramework } from '../common/framework-host.js';
import { NotLeaderError } from '../common/state-store.js';
import { SchedulerDriver } from '../driver/scheduler-driver.js';
import { type ChronosEngine, openEngine } from './engine/open.js';
import type { ChronosConfig } from './flags.js';
import type { ChronosHttpContext } from './http/context.js';
import { createChronosServer } from './http/server.js';
import type { OfferV1 } from './runs/offer-match.js';
import { ChronosStore } from './store/chronos-store.js';

export type RunningChronos = RunningFramework;

export function startChronos(config: ChronosConfig, log: Logger): Promise<RunningChronos> {
  let current: ChronosEngine | undefined;
  let driver: SchedulerDriver | undefined;
  let ctx!: ChronosHttpContext;
  return hostFramework(config, log, {
    name: 'chronos',
    server: (leadership, self) => {
      ctx = { log, leadership, self, engine: () => current?.engine, startedAt: Date.now(), frameworkName: config.frameworkName };
      return createChronosServer(ctx);
    },
    masterChanged: () => driver?.leaderChanged(),
    stepDown: () => {
      driver?.stop();
      driver = undefined;
      current?.stop();
      current = undefined;
    },
    async lead({ current: isCurrent, source, leadership }) {
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
          if (isCurrent()) leadership.abdicate(`state write failed: ${err.message}`);
        },
      });
      if (!isCurrent()) return engine.stop();
      const frameworkId = engine.engine.model.frameworkId;
      d = new SchedulerDriver({
        framework: frameworkInfoFor(config, frameworkId, `http://${ctx.self()}`),
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
    },
  });
}
