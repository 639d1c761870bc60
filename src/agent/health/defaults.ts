/**
 * Field defaults of `HealthCheck` and `CheckInfo` (mesos.proto) and the timing they imply, as the
 * upstream checker library schedules it (`src/checks/checker_process.cpp`).
 */
import type { CheckInfoV1, HealthCheckV1 } from './types.js';

export const DEFAULT_DELAY_SECONDS = 15;
export const DEFAULT_INTERVAL_SECONDS = 10;
export const DEFAULT_TIMEOUT_SECONDS = 20;
export const DEFAULT_CONSECUTIVE_FAILURES = 3;
export const DEFAULT_GRACE_PERIOD_SECONDS = 10;

/** When attempts run, in milliseconds. */
export interface Timing {
  /** Before the first attempt, counted from when checking starts. */
  delayMs: number;
  /** After an attempt *ends* (result or timeout) until the next starts: no overlap, no catch-up. */
  intervalMs: number;
  /** Per attempt; `Infinity` when the definition says 0, which upstream reads as "no timeout". */
  timeoutMs: number;
}

export function timingOf(check: HealthCheckV1 | CheckInfoV1): Timing {
  const timeout = check.timeout_seconds ?? DEFAULT_TIMEOUT_SECONDS;
  return {
    delayMs: (check.delay_seconds ?? DEFAULT_DELAY_SECONDS) * 1000,
    intervalMs: (check.interval_seconds ?? DEFAULT_INTERVAL_SECONDS) * 1000,
    timeoutMs: timeout > 0 ? timeout * 1000 : Infinity,
  };
}

/** The health-only policy: how many failures kill, and how long early failures are forgiven. */
export interface HealthPolicy {
  consecutiveFailures: number;
  gracePeriodMs: number;
}

export function healthPolicyOf(check: HealthCheckV1): HealthPolicy {
  return {
    consecutiveFailures: check.consecutive_failures ?? DEFAULT_CONSECUTIVE_FAILURES,
    gracePeriodMs: (check.grace_period_seconds ?? DEFAULT_GRACE_PERIOD_SECONDS) * 1000,
  };
}
