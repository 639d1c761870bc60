/**
 * What `tsmesos marathon` and `tsmesos chronos` share around their own service: the common flags
 * resolved once, the HTTP API listening at once, leader election among the instances with the same
 * --zk, and the leadership "terms" — each election starts a term whose work `lead` does (load the
 * state from ZooKeeper, then subscribe with the stored framework id); losing leadership ends the
 * term and `stepDown` drops the in-memory service (the next leader reloads it).
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { UserError } from '../../cli/errors.js';
import type { Flags } from '../../cli/flags/resolve-flags.js';
import type { Logger } from '../../lib/logger.js';
import type { FrameworkInfoV1 } from '../../protocol/v1/types.js';
import { parseZkUrl, type ZkUrl, ZkUrlError } from '../../zk/zk-url.js';
import { type MasterSource, masterSource } from '../driver/master-source.js';
import { FrameworkLeadership } from './leadership.js';

/** The settings every framework daemon has (framework-flags.ts), resolved. */
export interface FrameworkBaseConfig {
  master: string;
  zk: string;
  httpPort: number;
  httpAddress: string;
  hostname: string;
  frameworkName: string;
  role: string;
  user: string;
  failoverTimeoutSeconds: number;
  zkSessionTimeoutMs: number;
}

export function frameworkBaseConfig(flags: Flags, d: { envPrefix: string; httpPort: number; frameworkName: string; defaultUser: string }): FrameworkBaseConfig {
  const master = flags.str('master');
  if (!master) throw new UserError('--master is required', `pass the Mesos master, e.g. --master=127.0.0.1:5050 or --master=zk://127.0.0.1:2181/mesos (or set ${d.envPrefix}MASTER)`);
  const httpAddress = flags.str('http_address') ?? '127.0.0.1';
  return {
    master,
    zk: flags.str('zk')!,
    httpPort: flags.int('http_port') ?? d.httpPort,
    httpAddress,
    hostname: flags.str('hostname') ?? httpAddress,
    frameworkName: flags.str('framework_name') ?? d.frameworkName,
    role: flags.str('mesos_role') ?? '*',
    user: flags.str('mesos_user') ?? d.defaultUser,
    failoverTimeoutSeconds: flags.int('failover_timeout') ?? 604800,
    zkSessionTimeoutMs: flags.int('zk_session_timeout') ?? 10000,
  };
}

/** The FrameworkInfo a framework daemon subscribes with (checkpointing, so agent restarts keep its tasks). */
export function frameworkInfoFor(config: FrameworkBaseConfig, frameworkId: string | undefined, webuiUrl: string): FrameworkInfoV1 {
  return {
    user: config.user,
    name: config.frameworkName,
    ...(frameworkId ? { id: { value: frameworkId } } : {}),
    failover_timeout: config.failoverTimeoutSeconds,
    checkpoint: true,
    role: config.role,
    hostname: config.hostname,
    webui_url: webuiUrl,
  } as FrameworkInfoV1;
}

export interface Term {
  /** Whether this term is still the current one (no step-down or new election since it began). */
  current(): boolean;
  source: MasterSource;
  leadership: FrameworkLeadership;
}

export interface HostOptions {
  /** The daemon's name in logs and hints ("marathon"). */
  name: string;
  /** Builds the HTTP API (it proxies to the leader while this instance stands by). */
  server(leadership: FrameworkLeadership, self: () => string): FastifyInstance;
  /** Elected: load the state and subscribe. Work after an `await` checks `term.current()`. */
  lead(term: Term): Promise<void>;
  /** Leadership lost (or closing): stop the driver and drop the in-memory service. */
  stepDown(): void;
  /** The leading master changed (ZooKeeper detector). */
  masterChanged(): void;
  /** Runs first on close (e.g. a bounded flush of queued writes). */
  beforeClose?(): Promise<void>;
}

export interface RunningFramework {
  url: string;
  close(): Promise<void>;
}

function zkOf(config: FrameworkBaseConfig, name: string): ZkUrl {
  try {
    return parseZkUrl(config.zk);
  } catch (e) {
    if (e instanceof ZkUrlError) throw new UserError(`--zk: ${e.message}`, `use --zk=zk://host:2181/${name}`);
    throw e;
  }
}

export async function hostFramework(config: FrameworkBaseConfig, log: Logger, opts: HostOptions): Promise<RunningFramework> {
  const zk = zkOf(config, opts.name);
  const me = { id: randomUUID(), hostname: config.hostname, port: config.httpPort, ip: config.httpAddress };
  const leadership = new FrameworkLeadership(zk, me, { sessionTimeoutMs: config.zkSessionTimeoutMs, log });
  const app = opts.server(leadership, () => `${config.hostname}:${me.port}`);
  await app.listen({ host: config.httpAddress, port: config.httpPort });
  me.port = (app.server.address() as { port: number }).port;
  const source = masterSource(config.master, log, config.zkSessionTimeoutMs);
  source.onChange(() => opts.masterChanged());
  let term = 0;
  const stepDown = () => {
    term++;
    opts.stepDown();
  };
  leadership.on('elected', () => {
    const mine = ++term;
    log.info(`elected: loading the ${opts.name} state`);
    opts.lead({ current: () => term === mine, source, leadership }).catch((err: unknown) => {
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
    url: `http://${config.httpAddress.includes(':') ? `[${config.httpAddress}]` : config.httpAddress}:${me.port}`,
    async close() {
      await opts.beforeClose?.();
      stepDown();
      await leadership.stop();
      await source.stop();
      await app.close();
    },
  };
}
