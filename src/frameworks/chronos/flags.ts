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

export const CHRONOS_FLAGS: FlagSpec[] = [
  ...frameworkFlags({ httpPort: '4400', frameworkName: 'chronos', zkPath: '/chronos' }),
  { name: 'failure_retry', type: 'duration', default: '60secs', help: 'delay before a failed run is tried again (its next attempt)' },
  { name: 'history_limit', type: 'int', default: '100', help: 'finished runs kept per job (newest first) for the history API' },
];

export interface ChronosConfig {
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
  failureRetryMs: number;
  historyLimit: number;
}

export function chronosConfig(flags: Flags, defaultUser: string): ChronosConfig {
  const master = flags.str('master');
  if (!master) throw new UserError('--master is required', 'pass the Mesos master, e.g. --master=127.0.0.1:5050 or --master=zk://127.0.0.1:2181/mesos (or set CHRONOS_MASTER)');
  const historyLimit = flags.int('history_limit') ?? 100;
  if (historyLimit < 1 || historyLimit > 1000) throw new UserError(`--history_limit must be between 1 and 1000, got ${historyLimit}`, 'runs are stored per job in one ZooKeeper node (under 1 MB)');
  const httpAddress = flags.str('http_address') ?? '127.0.0.1';
  return {
    master,
    zk: flags.str('zk')!,
    httpPort: flags.int('http_port') ?? 4400,
    httpAddress,
    hostname: flags.str('hostname') ?? httpAddress,
    frameworkName: flags.str('framework_name') ?? 'chronos',
    role: flags.str('mesos_role') ?? '*',
    user: flags.str('mesos_user') ?? defaultUser,
    failoverTimeoutSeconds: flags.int('failover_timeout') ?? 604800,
    zkSessionTimeoutMs: flags.int('zk_session_timeout') ?? 10000,
    failureRetryMs: flags.duration('failure_retry') ?? 60_000,
    historyLimit,
  };
}
