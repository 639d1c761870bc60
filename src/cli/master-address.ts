/**
 * Where the operator CLI finds the master, like the upstream `mesos` CLI's `[master]` config
 * (mesos-api.md §8.1) with the tsmesos precedence of DESIGN.md: `--master` flag > `MESOS_MASTER`
 * env > config `[master] address` or `[master.zookeeper]` > `127.0.0.1:5050`. Accepts `host:port`,
 * `host` (port 5050), `[v6]:port`, `http(s)://host:port`, and ZooKeeper: `zk://h1:2181,h2:2181/mesos`
 * (or `file://` holding one) and `[master.zookeeper] addresses = [...] path = "/mesos"`, where the
 * leader is found as the new `mesos` CLI finds it: the lowest `json.info_*` child's address.
 */
import { ClientError } from '../client/client-error.js';
import { MasterClient } from '../client/master-client.js';
import { ZkUnavailableError } from '../zk/client-session.js';
import { resolveLeader } from '../zk/detector.js';
import { isZkUrl, parseZkUrl, type ZkUrl, ZkUrlError } from '../zk/zk-url.js';
import type { ConfigFile } from './config/config-file.js';
import { tableAt } from './config/config-file.js';
import type { CliContext } from './context.js';
import { UsageError, UserError } from './errors.js';

export const DEFAULT_MASTER = '127.0.0.1:5050';

export interface MasterAddress {
  /** `http://host:port`, no trailing slash (for ZooKeeper: the zk:// URL, until the leader is looked up). */
  url: string;
  /** Set when the leader is to be looked up in ZooKeeper. */
  zk?: ZkUrl;
  /** Human description of where the address came from, for error hints. */
  source: string;
  kind: 'flag' | 'env' | 'config' | 'default';
}

/** Applies the precedence; the config file is only read when neither flag nor env decides. */
export function resolveMasterAddress(flag: string | undefined, ctx: Pick<CliContext, 'env' | 'config'>): MasterAddress {
  if (flag !== undefined) return fromValue(flag, '--master', 'flag');
  const env = ctx.env.MESOS_MASTER?.trim();
  if (env) return fromValue(env, 'MESOS_MASTER', 'env');
  const fromConfig = configAddress(ctx.config());
  if (fromConfig) return fromConfig;
  return { url: `http://${DEFAULT_MASTER}`, source: `the default ${DEFAULT_MASTER}`, kind: 'default' };
}

function fromValue(raw: string, source: string, kind: 'flag' | 'env'): MasterAddress {
  if (!isZkUrl(raw)) return { url: parseMasterAddress(raw, source, kind), source, kind };
  const zk = zkUrlOf(raw.trim(), source, kind);
  return { url: zk.display, zk, source, kind };
}

function zkUrlOf(raw: string, source: string, kind: MasterAddress['kind']): ZkUrl {
  try {
    return parseZkUrl(raw);
  } catch (e) {
    if (!(e instanceof ZkUrlError)) throw e;
    const hint = 'e.g. --master=zk://10.0.0.1:2181,10.0.0.2:2181/mesos';
    throw kind === 'flag' ? new UsageError(`${source}: ${e.message}`, hint) : new UserError(`${source}: ${e.message}`, hint);
  }
}

/** `[master.zookeeper] addresses = ["h:2181", …]  path = "/mesos"`, checked as the mesos CLI does. */
function configZookeeper(cfg: ConfigFile, zk: Record<string, unknown>, hasAddress: boolean): MasterAddress {
  const source = `[master.zookeeper] in ${cfg.path}`;
  const bad = (why: string): never => {
    throw new UserError(`${source}: ${why}`, 'e.g. [master.zookeeper] addresses = ["10.0.0.1:2181"] path = "/mesos"');
  };
  if (hasAddress) bad('set either [master] address or [master.zookeeper], not both');
  const { addresses, path } = zk;
  if (!Array.isArray(addresses) || addresses.length === 0 || addresses.some((a) => typeof a !== 'string' || a.trim() === '')) {
    bad('addresses must be a non-empty list of "host:port" strings');
  }
  if (typeof path !== 'string' || !path.startsWith('/') || path === '/') bad(`path must start with '/' and not be '/' (got ${JSON.stringify(path)})`);
  const url = zkUrlOf(`zk://${(addresses as string[]).map((a) => a.trim()).join(',')}${path as string}`, source, 'config');
  return { url: url.display, zk: url, source, kind: 'config' };
}

function configAddress(cfg: ConfigFile): MasterAddress | undefined {
  const master = tableAt(cfg.data, 'master');
  if (!master) return undefined;
  const zk = tableAt(cfg.data, 'master.zookeeper');
  const where = (key: string) => `${cfg.path}${lineSuffix(cfg.lineOf('master', key))}`;
  if (zk) return configZookeeper(cfg, zk, master.address !== undefined);
  const address = master.address;
  if (address === undefined) return undefined;
  const source = `[master] address in ${where('address')}`;
  if (typeof address !== 'string') {
    throw new UserError(`${source}: must be a string like "10.0.0.1:5050", not ${JSON.stringify(address)}`);
  }
  return { url: parseMasterAddress(address, source, 'config'), source, kind: 'config' };
}

function lineSuffix(line: number | undefined): string {
  return line ? `:${line}` : '';
}

/**
 * Normalises one address to `http://host:port`. Bad input from the command line is a usage error
 * (exit 2); bad input from env or config is an ordinary error naming where it came from.
 */
export function parseMasterAddress(raw: string, source: string, kind: MasterAddress['kind'] = 'flag'): string {
  const fail = (why: string): never => {
    const msg = `${source}: ${why}: ${JSON.stringify(raw)}`;
    const hint = 'use HOST:PORT, e.g. --master=127.0.0.1:5050';
    throw kind === 'flag' ? new UsageError(msg, hint) : new UserError(msg, hint);
  };
  const value = raw.trim();
  if (value === '') return fail('empty master address');
  let scheme = 'http';
  let rest = value;
  const withScheme = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(value);
  if (withScheme) {
    scheme = withScheme[1]!.toLowerCase();
    if (scheme !== 'http' && scheme !== 'https') return fail(`unsupported scheme ${scheme}://`);
    rest = withScheme[2]!.replace(/\/.*$/, '');
  }
  rest = rest.replace(/^master(\(\d+\))?@/, ''); // a libprocess pid, as /master/state `leader` shows it
  const m = /^(\[[0-9a-f:.]+\]|[A-Za-z0-9._-]+)(?::(\d+))?$/i.exec(rest);
  if (!m) return fail('not a HOST:PORT address');
  const port = m[2] === undefined ? 5050 : Number(m[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return fail('port must be 1-65535');
  return `${scheme}://${m[1]}:${port}`;
}

/** A client for the resolved master whose "unreachable" hint names where the address came from. */
export function masterClient(flag: string | undefined, ctx: Pick<CliContext, 'env' | 'config'>): MasterClient {
  const address = resolveMasterAddress(flag, ctx);
  const from = address.kind === 'flag' ? '' : ` (the address came from ${address.source})`;
  const zk = address.zk;
  return new MasterClient(address.url, {
    unreachableHint: `is \`tsmesos master\` running there${from}? pass --master=HOST:PORT or set MESOS_MASTER`,
    ...(zk ? { locate: () => locateLeader(zk, from) } : {}),
  });
}

/** The leader's `http://ip:port` from ZooKeeper, or a ClientError saying why there is none. */
async function locateLeader(zk: ZkUrl, from: string): Promise<string> {
  try {
    return (await resolveLeader(zk)).url!;
  } catch (e) {
    const hint =
      e instanceof ZkUnavailableError
        ? `is ZooKeeper running there${from}? check the zk:// address`
        : `start a master with --zk=${zk.display}, or check the path${from}`;
    throw new ClientError('unreachable', zk.display, (e as Error).message, hint);
  }
}

/** Re-throws a client failure as a `UserError` (message + hint, exit 1); anything else untouched. */
export function asUserError(e: unknown): never {
  if (e instanceof ClientError) throw new UserError(e.message, e.hint);
  throw e;
}

/** The `--master` option help, identical on every operator command. */
export const MASTER_OPTION_HELP =
  'master HOST:PORT or zk://HOST:2181/mesos (else env MESOS_MASTER, else config [master] address or [master.zookeeper], else 127.0.0.1:5050)';
