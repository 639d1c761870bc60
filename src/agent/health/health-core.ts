/**
 * The pure decision core of a health check, reproducing upstream's `HealthChecker`
 * (`src/checks/health_checker.cpp`): how a result becomes healthy/unhealthy, when failures are
 * forgiven, when the executor is told, and when the task must die. No timers and no I/O: the caller
 * passes the elapsed time, so every rule is testable with plain values.
 */
import type { HealthPolicy } from './defaults.js';
import type { ProbeResult } from './types.js';

/** What the checker remembers between attempts. */
export interface HealthState {
  /** True until the first success; only then does the grace period apply. */
  initializing: boolean;
  consecutiveFailures: number;
}

export const INITIAL_HEALTH_STATE: HealthState = { initializing: true, consecutiveFailures: 0 };

/** Upstream's internal `TaskHealthStatus`: what the executor turns into a TASK_RUNNING update. */
export interface TaskHealthStatus {
  healthy: boolean;
  consecutive_failures?: number;
  /** Set on the failure that reaches `consecutive_failures`: kill the task. */
  kill_task?: boolean;
}

export type HealthVerdict = { healthy: true } | { healthy: false; why: string };

/**
 * Reads one attempt the way the built-in executors do: exit status 0, an HTTP status in 200–399
 * (`statuses` is ignored), a TCP connection made. An attempt that could not run is a failure.
 */
export function interpretHealth(result: ProbeResult): HealthVerdict {
  if (!result.ok) return { healthy: false, why: result.error };
  const s = result.status;
  if (s.type === 'COMMAND') {
    const code = s.command?.exit_code;
    return code === 0 ? { healthy: true } : { healthy: false, why: `command exited with status ${code}` };
  }
  if (s.type === 'HTTP') {
    const code = s.http?.status_code ?? 0;
    return code >= 200 && code < 400 ? { healthy: true } : { healthy: false, why: `unexpected HTTP status ${code}` };
  }
  return s.tcp?.succeeded ? { healthy: true } : { healthy: false, why: 'TCP connection failed' };
}

export interface HealthStep {
  state: HealthState;
  /** Present when the executor must send a TASK_RUNNING health update. */
  report?: TaskHealthStatus;
  /** True when a failure was forgiven because the task is still in its grace period. */
  forgiven?: boolean;
}

/**
 * Applies one verdict. `elapsedMs` is the time since the task started.
 *
 * - A success is reported only if it is the first one or follows failures (so a steadily healthy
 *   task produces a single update), and it resets the failure count and ends the grace period.
 * - A failure while still initializing, within a positive grace period (boundary included), is
 *   forgiven: not counted, not reported. Why: slow starters must not be killed before they could
 *   ever answer; but once a task has been healthy, any later failure is real.
 * - Any other failure is counted and reported (every time, as upstream does, not just on a change);
 *   the one that reaches `consecutiveFailures` carries `kill_task`.
 */
export function stepHealth(policy: HealthPolicy, state: HealthState, verdict: HealthVerdict, elapsedMs: number): HealthStep {
  if (verdict.healthy) {
    const report = state.initializing || state.consecutiveFailures > 0 ? { healthy: true } : undefined;
    return { state: { initializing: false, consecutiveFailures: 0 }, report };
  }
  if (state.initializing && policy.gracePeriodMs > 0 && elapsedMs <= policy.gracePeriodMs) {
    return { state, forgiven: true };
  }
  const consecutiveFailures = state.consecutiveFailures + 1;
  const killTask = consecutiveFailures >= policy.consecutiveFailures;
  return {
    state: { initializing: state.initializing, consecutiveFailures },
    report: { healthy: false, consecutive_failures: consecutiveFailures, kill_task: killTask },
  };
}
