/**
 * `tsmesos marathon`: the HTTP API at once; leader election among instances with the same --zk;
 * the elected one loads its state from ZooKeeper and only then subscribes to the Mesos master
 * with its stored framework id (failover), reconciling the tasks it knows. Losing leadership
 * stops the driver and forgets the in-memory state (the next leader reloads it); a standby
 * proxies the API to the leader.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { UserError } from '../../cli/errors.js';
import type { Flags } from '../../cli/flags/resolve-flags.js';
import type { Logger } from '../../lib/logger.js';
import { parseZkUrl, ZkUrlError } from '../../zk/zk-url.js';
import { FrameworkLeadership } from '../common/leadership.js';
import { NotLeaderError } from '../common/state-store.js';
import { masterSource } from '../driver/master-source.js';
import { SchedulerDriver } from '../driver/scheduler-driver.js';
import { EventBus } from './event-bus.js';
import type { MarathonConfig } from './flags.js';
import type { HttpContext } from './http/context.js';
import { createMarathonServer } from './http/server.js';
import { MarathonScheduler } from './scheduler/marathon-scheduler.js';
import type { OfferV1 } from './scheduler/launcher.js';
import { MarathonStore } from './store.js';

export interface RunningMarathon {
  url: string;
  close(): Promise<void>;
}

export function configFrom(flags: Flags): MarathonConfig {
  const master = flags.str('master');
  if (!master) throw new UserError('--master is required', "pass the Mesos master, e.g. --master=127.0.0.1:5050 or --master=zk://127.0.0.1:2181/mesos (or set MARATHON_MASTER)");
  const httpAddress = flags.str('http_address') ?? '127.0.0.1';
  return {
    master,
    zk: flags.str('zk')!,
    httpPort: flags.int('http_port') ?? 8080,
    httpAddress,
    hostname: flags.str('hostname') ?? httpAddress,
    frameworkName: flags.str('framework_name') ?? 'marathon',
    role: flags.str('mesos_role') ?? '*',
    user: flags.str('mesos_user') ?? userInfo().username,
    failoverTimeoutSeconds: flags.int('failover_timeout') ?? 604800,
    zkSessionTimeoutMs: flags.int('zk_session_timeout') ?? 10000,
    taskLaunchTimeoutMs: flags.int('task_launch_timeout') ?? 300000,
    localPortMin: flags.int('local_port_min') ?? 10000,
    localPortMax: flags.int('local_port_max') ?? 20000,
    maxRunningDeployments: flags.int('max_running_deployments') ?? 100,
    declineOfferDurationMs: flags.int('decline_offer_duration') ?? 120000,
    maxVersions: flags.int('zk_max_versions') ?? 50,
  };
}

export async function startMarathon(config: MarathonConfig, log: Logger): Promise<RunningMarathon> {
  let zk;
  try {
    zk = parseZkUrl(config.zk);
  } catch (e) {
    if (e instanceof ZkUrlError) throw new UserError(`--zk: ${e.message}`, 'use --zk=zk://host:2181/marathon');
    throw e;
  }
  const bus = new EventBus();
  const self = { id: randomUUID(), hostname: config.hostname, port: config.httpPort, ip: config.httpAddress };
  const leadership = new FrameworkLeadership(zk, self, { sessionTimeoutMs: config.zkSessionTimeoutMs, log });
  const ctx: HttpContext = { config, bus, log, leadership, self: () => `${config.hostname}:${self.port}`, startedAt: Date.now() };
  const app = createMarathonServer(ctx, leadership);
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
    ctx.service?.stop();
    ctx.service = undefined;
  };

  const lead = async () => {
    const mine = ++term;
    const store = await MarathonStore.load(leadership.store(), {
      maxVersions: config.maxVersions,
      onError: (err) => {
        log.error({ err }, err instanceof NotLeaderError ? 'fenced off: another instance leads' : 'state write failed: giving up leadership');
        if (term === mine) leadership.abdicate(`state write failed: ${String(err)}`);
      },
    });
    if (term !== mine) return;
    const scheduler = new MarathonScheduler(store, bus, config, log);
    let subscribedOnce = false;
    const d = new SchedulerDriver({
      framework: {
        user: config.user,
        name: config.frameworkName,
        ...(store.frameworkId ? { id: { value: store.frameworkId } } : {}),
        failover_timeout: config.failoverTimeoutSeconds,
        checkpoint: true,
        role: config.role,
        hostname: config.hostname,
        webui_url: `http://${ctx.self()}`,
      },
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
      if (/has been removed/.test(message) && term === mine) {
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
  };

  leadership.on('elected', () => {
    lead().catch((err: unknown) => {
      log.error({ err }, 'could not take over as leader');
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
      // Changes the API acknowledged and launches already went out are stored; what may still be
      // queued (task states) is learnt again by reconciliation, so waiting is bounded.
      const flushed = ctx.service?.store.flush().catch(() => undefined);
      await Promise.race([flushed, new Promise((r) => setTimeout(r, 1000).unref())]);
      stepDown();
      await leadership.stop();
      await source.stop();
      await app.close();
    },
  };
}
