/**
 * Turns a `HealthCheck` or `CheckInfo` into what one attempt needs: the command to run, or the
 * address to GET or connect to. Upstream probes the task on loopback (`127.0.0.1`, or `::1` when a
 * health check's `protocol` is IPv6) because the built-in executors share the task's network.
 */
import type { CheckInfoV1, HealthCheckV1 } from './types.js';

export interface CommandSpec {
  /** `true` (the CommandInfo default): `/bin/sh -c value`; else exec `value` with `arguments` as argv. */
  shell: boolean;
  value: string;
  /** Full argv, argv[0] included, as CommandInfo carries it. */
  arguments: string[];
  /** `CommandInfo.environment` variables, laid over the task environment. */
  env: Record<string, string>;
}

export type ProbeSpec =
  | { type: 'COMMAND'; command: CommandSpec }
  | { type: 'HTTP'; scheme: string; host: string; port: number; path: string }
  | { type: 'TCP'; host: string; port: number };

function hostFor(protocol: string | undefined): string {
  return protocol === 'IPv6' ? '::1' : '127.0.0.1';
}

function envOf(environment: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const vars = (environment as { variables?: unknown } | undefined)?.variables;
  if (!Array.isArray(vars)) return out;
  for (const v of vars as Array<{ name?: unknown; type?: unknown; value?: unknown }>) {
    // A SECRET variable is resolved by the agent before launch; an unresolved one is skipped.
    if (typeof v?.name !== 'string' || v.type === 'SECRET') continue;
    out[v.name] = typeof v.value === 'string' ? v.value : '';
  }
  return out;
}

function commandSpec(c: HealthCheckV1['command']): CommandSpec {
  return {
    shell: c?.shell ?? true,
    value: c?.value ?? '',
    arguments: c?.arguments ?? [],
    env: envOf(c?.environment),
  };
}

/** Assumes `validateHealthCheck` passed. */
export function healthProbeSpec(check: HealthCheckV1): ProbeSpec {
  switch (check.type) {
    case 'COMMAND':
      return { type: 'COMMAND', command: commandSpec(check.command) };
    case 'HTTP': {
      const h = check.http!;
      return { type: 'HTTP', scheme: h.scheme ?? 'http', host: hostFor(h.protocol), port: h.port, path: h.path ?? '' };
    }
    case 'TCP':
      return { type: 'TCP', host: hostFor(check.tcp!.protocol), port: check.tcp!.port };
    default:
      throw new Error(`unsupported health check type ${String(check.type)}`);
  }
}

/** Assumes `validateCheck` passed. Generalized HTTP checks are plain `http` on IPv4 only. */
export function checkProbeSpec(check: CheckInfoV1): ProbeSpec {
  switch (check.type) {
    case 'COMMAND':
      return { type: 'COMMAND', command: commandSpec(check.command?.command) };
    case 'HTTP':
      return { type: 'HTTP', scheme: 'http', host: '127.0.0.1', port: check.http!.port, path: check.http!.path ?? '' };
    case 'TCP':
      return { type: 'TCP', host: '127.0.0.1', port: check.tcp!.port };
    default:
      throw new Error(`unsupported check type ${String(check.type)}`);
  }
}
