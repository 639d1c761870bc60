/**
 * Where the operator CLI finds the master, like the upstream `mesos` CLI's `[master]` config
 * (mesos-api.md §8.1) with the tsmesos precedence of DESIGN.md: `--master` flag > `MESOS_MASTER`
 * env > config `[master] address` > `127.0.0.1:5050`. Accepts `host:port`, `host` (port 5050),
 * `[v6]:port`, `http(s)://host:port`. ZooKeeper leader lookup (`zk://…` or `[master.zookeeper]`)
 * arrives with a later issue; until then we say so plainly instead of guessing an address.
 */
import { ClientError } from '../client/client-error.js';
import { MasterClient } from '../client/master-client.js';
import type { ConfigFile } from './config/config-file.js';
import { tableAt } from './config/config-file.js';
import type { CliContext } from './context.js';
import { UsageError, UserError } from './errors.js';

export const DEFAULT_MASTER = '127.0.0.1:5050';

export interface MasterAddress {
  /** `http://host:port`, no trailing slash. */
  url: string;
  /** Human description of where the address came from, for error hints. */
  source: string;
  kind: 'flag' | 'env' | 'config' | 'default';
}

const ZK_HINT = 'ZooKeeper leader lookup is not available yet; pass --master=HOST:PORT of the leading master';

/** Applies the precedence; the config file is only read when neither flag nor env decides. */
export function resolveMasterAddress(flag: string | undefined, ctx: Pick<CliContext, 'env' | 'config'>): MasterAddress {
  if (flag !== undefined) return { url: parseMasterAddress(flag, '--master', 'flag'), source: '--master', kind: 'flag' };
  const env = ctx.env.MESOS_MASTER?.trim();
  if (env) return { url: parseMasterAddress(env, 'MESOS_MASTER', 'env'), source: 'MESOS_MASTER', kind: 'env' };
  const fromConfig = configAddress(ctx.config());
  if (fromConfig) return fromConfig;
  return { url: `http://${DEFAULT_MASTER}`, source: `the default ${DEFAULT_MASTER}`, kind: 'default' };
}

function configAddress(cfg: ConfigFile): MasterAddress | undefined {
  const master = tableAt(cfg.data, 'master');
  if (!master) return undefined;
  const zk = tableAt(cfg.data, 'master.zookeeper');
  const where = (key: string) => `${cfg.path}${lineSuffix(cfg.lineOf('master', key))}`;
  if (zk) {
    throw new UserError(`${cfg.path}: [master.zookeeper] is set, but ZooKeeper leader lookup is not available yet`, ZK_HINT);
  }
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
  if (/^zk:\/\//i.test(value)) {
    throw new UserError(`${source}: ${value} is a ZooKeeper address, but ZooKeeper leader lookup is not available yet`, ZK_HINT);
  }
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
  return new MasterClient(address.url, {
    unreachableHint: `is \`tsmesos master\` running there${from}? pass --master=HOST:PORT or set MESOS_MASTER`,
  });
}

/** Re-throws a client failure as a `UserError` (message + hint, exit 1); anything else untouched. */
export function asUserError(e: unknown): never {
  if (e instanceof ClientError) throw new UserError(e.message, e.hint);
  throw e;
}

/** The `--master` option help, identical on every operator command. */
export const MASTER_OPTION_HELP =
  'master HOST:PORT (else env MESOS_MASTER, else config [master] address, else 127.0.0.1:5050)';
