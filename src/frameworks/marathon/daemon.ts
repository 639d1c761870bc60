/**
 * `tsmesos marathon`: the HTTP API at once; leader election among instances with the same --zk
 * (common/framework-host.ts); the elected one loads its state from ZooKeeper and only then
 * subscribes to the Mesos master with its stored framework id (failover), reconciling the tasks it
 * knows. Losing leadership stops the driver and forgets the in-memory state (the next leader
 * reloads it); a standby proxies the API to the leader.
 * @module
 */
import { userInfo } from 'node:os';
import type { Flags } from '../../cli/flags/resolve-flags.js';
import type { Logger } from '../../lib/logger.js';
import { frameworkBaseConfig, frameworkInfoFor, hostFramework, type RunningFramework } from '../common/framework-host.js';
import { NotLeaderError } from '../common/state-store.js';
import { SchedulerDriver } from '../driver/scheduler-driver.js';
import { EventBus } from './event-bus.js';
import type { MarathonConfig } from './flags.js';
import type { HttpContext } from './http/context.js';
import { createMarathonServer } from './http/server.js';
import { MarathonScheduler } from './scheduler/marathon-scheduler.js';
import type { OfferV1 } from './scheduler/launcher.js';
import { MarathonStore } from './store.js';

export type RunningMarathon = RunningFramework;

export function configFrom(flags: Flags): MarathonConfig {
  return {
    ...frameworkBaseConfig(flags, { envPrefix: 'MARATHON_', httpPort: 8080, frameworkName: 'marathon', defaultUser: userInfo().username }),
    taskLaunchTimeoutMs: flags.int('task_launch_timeout') ?? 300000,
    localPortMin: flags.int('local_port_min') ?? 10000,
    localPortMax: flags.int('local_port_max') ?? 20000,
    maxRunningDeployments: flags.int('max_running_deployments') ?? 100,
    declineOfferDurationMs: flags.int('decline_offer_duration') ?? 120000,
    maxVersions: flags.int('zk_max_versions') ?? 50,
  };
}

export function startMarathon(config: MarathonConfig, log: Logger): Promise<RunningMarathon> {
  const bus = new EventBus();
  let ctx!: HttpContext;
  let driver: SchedulerDriver | undefined;
  return hostFramework(config, log, {
    name: 'marathon',
    server: (leadership, self) => {
      ctx = { config, bus, log, leadership, self, startedAt: Date.now() };
      return createMarathonServer(ctx, leadership);
    },
    masterChanged: () => driver?.leaderChanged(),
    stepDown: () => {
      driver?.stop();
      driver = undefined;
      ctx.service?.stop();
      ctx.service = undefined;
    },
    async beforeClose() {
      // Changes the API acknowledged and launches already went out are stored; what may still be
      // queued (task states) is learnt again by reconciliation, so waiting is bounded.
      const flushed = ctx.service?.store.flush().catch(() => undefined);
      await Promise.race([flushed, new Promise((r) => setTimeout(r, 1000).unref())]);
    },
    async lead({ current, source, leadership }) {
      const store = await MarathonStore.load(leadership.store(), {
        maxVersions: config.maxVersions,
        onError: (err) => {
          log.error({ err }, err instanceof NotLeaderError ? 'fenced off: another instance leads' : 'state write failed: giving up leadership');
          if (current()) leadership.abdicate(`state write failed: ${String(err)}`);
        },
      });
      if (!current()) return;
      const scheduler = new MarathonScheduler(store, bus, config, log);
      let subscribedOnce = false;
      const d = new SchedulerDriver({
        framework: frameworkInfoFor(config, store.frameworkId, `http://${ctx.self()}`),
        master: source.resolver,
        log,
        knownTasks: () => [...store.instances.values()].map((i) => ({ task_id: { value: i.taskId }, agent_id: { value: i.agentId } })),
      });
      d.on('subscribed', (frameworkId: string) => {
        if (store.frameworkId !== frameworkId) store.setFrameworkId(frameworkId);
        bus.publish(subscribedOnce ? 'scheduler_reregistered_event' : 'scheduler_registered_event', { frameworkId, master: config.master });
        subscribedOnce = true;
        log.info({ frameworkId }, 'subscribed to the Mesos master');
        scheduler.onSubscribed();
      });
      d.on('offers', (offers: OfferV1[]) => void scheduler.launcher.onOffers(offers).catch((err: unknown) => log.error({ err }, 'offer handling failed')));
      d.on('update', (status) => scheduler.tracker.onUpdate(status));
      d.on('disconnected', () => bus.publish('scheduler_disconnected_event', { message: 'disconnected from the Mesos master' }));
      d.on('message', (m: { agent_id?: { value: string }; executor_id?: { value: string }; data?: string }) =>
        bus.publish('framework_message_event', { slaveId: m.agent_id?.value, executorId: m.executor_id?.value, message: m.data }),
      );
      d.on('error', (message: string) => {
        log.error({ message }, 'the master refused this framework');
        // The master forgot us for good (failover_timeout passed, or a teardown): as upstream, drop the
        // stored framework id and start over; the tasks it knew are gone and get replaced.
        if (/has been removed/.test(message) && current()) {
          store.clearFrameworkId();
          void store.flush().finally(() => leadership.abdicate('the framework was removed by the master: re-registering as a new framework'));
        }
      });
      scheduler.driver = d;
      driver = d;
      ctx.service = scheduler;
      scheduler.start();
      d.start();
      log.info({ apps: store.apps.size, instances: store.instances.size, deployments: store.deployments.size }, 'leading: state loaded');
    },
  });
}
