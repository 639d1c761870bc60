/** The agent's health checks and generalized checks: what the agent core imports. */
export type * from './types.js';
export { startHealthCheck } from './health-checker.js';
export { startCheck } from './checker.js';
export { validateCheck, validateHealthCheck, validateTaskChecks } from './validate.js';
export {
  REASON_TASK_CHECK_STATUS_UPDATED,
  REASON_TASK_HEALTH_CHECK_STATUS_UPDATED,
  checkUpdate,
  healthUpdate,
  initialCheckStatus,
  unhealthyKillTerminal,
} from './status.js';
export {
  DEFAULT_CONSECUTIVE_FAILURES,
  DEFAULT_DELAY_SECONDS,
  DEFAULT_GRACE_PERIOD_SECONDS,
  DEFAULT_INTERVAL_SECONDS,
  DEFAULT_TIMEOUT_SECONDS,
} from './defaults.js';
