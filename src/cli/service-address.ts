/**
 * Where the operator CLI (and `tsmesos top`) finds Marathon mode and Chronos mode, with the same
 * precedence as the master's address (master-address.ts, DESIGN.md):
 *
 *   `--marathon` flag > env `TSMESOS_MARATHON`, then `MARATHON_URL` > config `[marathon] address`
 *   > `127.0.0.1:8080`
 *   `--chronos` flag  > env `TSMESOS_CHRONOS`, then `CHRONOS_URL`   > config `[chronos] address`
 *   > `127.0.0.1:4400`
 *
 * `MARATHON_URL` / `CHRONOS_URL` are what marathon-lb, the DC/OS tooling and many scripts already
 * export; `TSMESOS_*` wins so a tsmesos-only setting can override them. Values are `host:port`,
 * `host` (the service's default port), `[v6]:port`, or `http(s)://host[:port][/prefix]`; a path
 * prefix is kept, so a Marathon behind a reverse proxy (`https://dcos.example.com/service/marathon`)
 * works. (`MARATHON_*` variables are also the daemon's flags, e.g. `MARATHON_HTTP_PORT`; `_URL`
 * names no Marathon flag, so the two never collide.)
 */
import { tableAt } from './config/config-file.js';
import type { CliContext } from './context.js';
import { UsageError, UserError } from './errors.js';

export interface ServiceAddress {
  /** `http(s)://host:port[/prefix]`, no trailing slash. */
  url: string;
  /** Where the value came from, for error hints: `--marathon`, `TSMESOS_MARATHON`, `[marathon] address in /x.toml:3`… */
  source: string;
  kind: 'flag' | 'env' | 'config' | 'default';
}

/** One service the CLI talks to: its flag, env variables, config table and default port. */
export interface ServiceSpec {
  /** `marathon` | `chronos`: the flag name and the config table. */
  name: string;
  /** Human name for messages: "Marathon", "Chronos". */
  title: string;
  /** Checked in order; the first non-empty one wins. */
  envVars: string[];
  defaultPort: number;
}

export const MARATHON: ServiceSpec = { name: 'marathon', title: 'Marathon', envVars: ['TSMESOS_MARATHON', 'MARATHON_URL'], defaultPort: 8080 };
export const CHRONOS: ServiceSpec = { name: 'chronos', title: 'Chronos', envVars: ['TSMESOS_CHRONOS', 'CHRONOS_URL'], defaultPort: 4400 };

type AddressContext = Pick<CliContext, 'env' | 'config'>;

/** Applies the precedence; the config file is only read when neither flag nor env decides. */
export function resolveServiceAddress(spec: ServiceSpec, ctx: AddressContext, flag?: string): ServiceAddress {
  if (flag !== undefined) return { url: parseServiceAddress(flag, spec, `--${spec.name}`, 'flag'), source: `--${spec.name}`, kind: 'flag' };
  for (const name of spec.envVars) {
    const value = ctx.env[name]?.trim();
    if (value) return { url: parseServiceAddress(value, spec, name, 'env'), source: name, kind: 'env' };
  }
  const cfg = ctx.config();
  const address = tableAt(cfg.data, spec.name)?.address;
  if (address !== undefined) {
    const line = cfg.lineOf(spec.name, 'address');
    const source = `[${spec.name}] address in ${cfg.path}${line ? `:${line}` : ''}`;
    if (typeof address !== 'string') {
      throw new UserError(
        `${source}: must be a string like "10.0.0.1:${spec.defaultPort}", not ${JSON.stringify(address)}`,
        `e.g. tsmesos config set ${spec.name}.address 10.0.0.1:${spec.defaultPort}`,
      );
    }
    return { url: parseServiceAddress(address, spec, source, 'config'), source, kind: 'config' };
  }
  const fallback = `127.0.0.1:${spec.defaultPort}`;
  return { url: `http://${fallback}`, source: `the default ${fallback}`, kind: 'default' };
}

/** The Marathon base URL (`http://host:8080`) from `--marathon`, env, config or the default. */
export function resolveMarathonUrl(ctx: AddressContext, flag?: string): string {
  return resolveServiceAddress(MARATHON, ctx, flag).url;
}

/** The Chronos base URL (`http://host:4400`) from `--chronos`, env, config or the default. */
export function resolveChronosUrl(ctx: AddressContext, flag?: string): string {
  return resolveServiceAddress(CHRONOS, ctx, flag).url;
}

/**
 * Normalises one address to `http(s)://host:port[/prefix]`. Bad input from the command line is a
 * usage error (exit 2); bad input from env or config is an ordinary error naming where it came from.
 */
export function parseServiceAddress(raw: string, spec: ServiceSpec, source: string, kind: ServiceAddress['kind'] = 'flag'): string {
  const fail = (why: string): never => {
    const msg = `${source}: ${why}: ${JSON.stringify(raw)}`;
    const hint = `use HOST:PORT or http://HOST:PORT, e.g. --${spec.name}=127.0.0.1:${spec.defaultPort}`;
    throw kind === 'flag' ? new UsageError(msg, hint) : new UserError(msg, hint);
  };
  const value = raw.trim();
  if (value === '') return fail(`empty ${spec.title} address`);
  let scheme = 'http';
  let rest = value;
  let prefix = '';
  const withScheme = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(value);
  if (withScheme) {
    scheme = withScheme[1]!.toLowerCase();
    if (scheme !== 'http' && scheme !== 'https') return fail(`unsupported scheme ${scheme}://`);
    const slash = withScheme[2]!.indexOf('/');
    rest = slash < 0 ? withScheme[2]! : withScheme[2]!.slice(0, slash);
    prefix = slash < 0 ? '' : withScheme[2]!.slice(slash).replace(/[?#].*$/, '').replace(/\/+$/, '');
  }
  const m = /^(\[[0-9a-f:.]+\]|[A-Za-z0-9._-]+)(?::(\d+))?$/i.exec(rest);
  if (!m) return fail('not a HOST:PORT address');
  const port = m[2] === undefined ? (withScheme ? (scheme === 'https' ? 443 : 80) : spec.defaultPort) : Number(m[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return fail('port must be 1-65535');
  return `${scheme}://${m[1]}:${port}${prefix}`;
}

/** The `--marathon` option help, identical on every `tsmesos app` subcommand. */
export const MARATHON_OPTION_HELP =
  'Marathon HOST:PORT or URL (else env TSMESOS_MARATHON or env MARATHON_URL, else config [marathon] address, else 127.0.0.1:8080)';

/** The `--chronos` option help, identical on every `tsmesos job` subcommand. */
export const CHRONOS_OPTION_HELP =
  'Chronos HOST:PORT or URL (else env TSMESOS_CHRONOS or env CHRONOS_URL, else config [chronos] address, else 127.0.0.1:4400)';

/** The "is it running?" hint for an unreachable service, naming where a non-flag address came from. */
export function unreachableHint(spec: ServiceSpec, address: ServiceAddress): string {
  const from = address.kind === 'flag' ? '' : ` (the address came from ${address.source})`;
  return `is \`tsmesos ${spec.name}\` running there${from}? pass --${spec.name}=HOST:PORT or set ${spec.envVars[0]}`;
}
