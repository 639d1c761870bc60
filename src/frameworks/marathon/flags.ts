/**
 * `tsmesos marathon` flags, upstream names and units (Marathon `AllConf`): the shared framework
 * flags (src/frameworks/common/framework-flags.ts) plus the scheduler's own. Durations in
 * milliseconds as upstream (`--task_launch_timeout=300000`).
 * @module
 */
import type { FlagSpec } from '../../cli/flags/flag-spec.js';
import { frameworkFlags } from '../common/framework-flags.js';
import type { FrameworkBaseConfig } from '../common/framework-host.js';

export const MARATHON_FLAGS: FlagSpec[] = [
  ...frameworkFlags({ httpPort: '8080', frameworkName: 'marathon', zkPath: '/marathon' }),
  {
    name: 'task_launch_timeout',
    type: 'int',
    default: '300000',
    help: 'milliseconds a launched task may stay staging before it is killed and launched again',
  },
  { name: 'local_port_min', type: 'int', default: '10000', help: 'lowest service port handed out' },
  { name: 'local_port_max', type: 'int', default: '20000', help: 'highest service port handed out' },
  { name: 'max_running_deployments', type: 'int', default: '100', help: 'deployments allowed at once (403 beyond)' },
  {
    name: 'decline_offer_duration',
    type: 'int',
    default: '120000',
    help: 'milliseconds the master holds back an offer no app wants',
  },
  { name: 'zk_max_versions', type: 'int', default: '50', help: 'versions kept per app' },
];

/** The resolved settings the service uses (flags parsed once). */
export interface MarathonConfig extends FrameworkBaseConfig {
  taskLaunchTimeoutMs: number;
  localPortMin: number;
  localPortMax: number;
  maxRunningDeployments: number;
  declineOfferDurationMs: number;
  maxVersions: number;
}
