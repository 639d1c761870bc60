/**
 * `tsmesos chronos` flags: the shared framework flags (common/framework-flags.ts) with Chronos'
 * defaults (HTTP 4400, the de-facto Chronos port; `zk://localhost:2181/chronos`; framework name
 * `chronos`) plus Chronos' own `--failure_retry` (upstream `SchedulerConfiguration`, there in ms;
 * here a duration such as `60secs`) and the run-history bound.
 * @module
 */
import type { FlagSpec } from '../../cli/flags/flag-spec.js';
import type { Flags } from '../../cli/flags/resolve-flags.js';
import { UserError } from '../../cli/errors.js';
import { frameworkFlags } from '../common/framework-flags.js';
import { type FrameworkBaseConfig, frameworkBaseConfig } from '../common/framework-host.js';

export const CHRONOS_FLAGS: FlagSpec[] = [
  ...frameworkFlags({ httpPort: '4400', frameworkName: 'chronos', zkPath: '/chronos' }),
  { name: 'failure_retry', type: 'duration', default: '60secs', help: 'delay before a failed run is tried again (its next attempt)' },
  { name: 'history_limit', type: 'int', default: '100', help: 'finished runs kept per job (newest first) for the history API' },
];

export interface ChronosConfig extends FrameworkBaseConfig {
  failureRetryMs: number;
  historyLimit: number;
}

export function chronosConfig(flags: Flags, defaultUser: string): ChronosConfig {
  const historyLimit = flags.int('history_limit') ?? 100;
  if (historyLimit < 1 || historyLimit > 1000) throw new UserError(`--history_limit must be between 1 and 1000, got ${historyLimit}`, 'runs are stored per job in one ZooKeeper node (under 1 MB)');
  return {
    ...frameworkBaseConfig(flags, { envPrefix: 'CHRONOS_', httpPort: 4400, frameworkName: 'chronos', defaultUser }),
    failureRetryMs: flags.duration('failure_retry') ?? 60_000,
    historyLimit,
  };
}
