/**
 * `startHealthCheck`: runs a task's `HealthCheck` (mesos `docs/health-checks.md`) the way upstream's
 * built-in executors do — attempts on the `periodic` schedule, each result through the pure
 * `health-core`, reports and the kill handed to the agent through `HealthEvents`.
 */
import { systemClock } from '../../lib/clock.js';
import { healthPolicyOf, timingOf } from './defaults.js';
import { INITIAL_HEALTH_STATE, interpretHealth, stepHealth, type HealthState } from './health-core.js';
import { proberFor } from './make-prober.js';
import { startPeriodic } from './periodic.js';
import { healthProbeSpec } from './spec.js';
import type { HealthCheckContext, HealthCheckOptions, HealthCheckV1, HealthChecker, HealthEvents } from './types.js';
import { validateHealthCheck } from './validate.js';

/**
 * Starts checking. The grace period counts from `opts.taskStartedAt` (default: now), the first
 * attempt comes `delay_seconds` from now. Throws on a definition `validateHealthCheck` rejects:
 * such a task should have been refused with TASK_ERROR before it ran.
 *
 * After the failure that reaches `consecutive_failures`, the checker reports it, stops itself and
 * calls `onUnhealthyKill`: like upstream's executor pausing checks once it starts a kill. The agent
 * calls `stop()` whenever it kills the task for any other reason or the task ends.
 */
export function startHealthCheck(
  check: HealthCheckV1,
  ctx: HealthCheckContext,
  events: HealthEvents,
  opts: HealthCheckOptions = {},
): HealthChecker {
  const invalid = validateHealthCheck(check);
  if (invalid) throw new Error(`invalid health check: ${invalid}`);
  const clock = opts.clock ?? systemClock;
  const startedAt = opts.taskStartedAt ?? clock.now();
  const policy = healthPolicyOf(check);
  const label = `${check.type} health check`;
  let state: HealthState = INITIAL_HEALTH_STATE;

  const guard = (fn: () => void): void => {
    try {
      fn();
    } catch (err) {
      opts.onError?.(err);
    }
  };

  const loop = startPeriodic({
    clock,
    timing: timingOf(check),
    probe: opts.prober ?? proberFor(healthProbeSpec(check), ctx),
    label,
    onError: opts.onError,
    onResult(result) {
      const verdict = interpretHealth(result);
      const step = stepHealth(policy, state, verdict, clock.now() - startedAt);
      state = step.state;
      const report = step.report;
      if (!report) return;
      guard(() => events.onHealthChange(report.healthy));
      if (report.kill_task && !verdict.healthy) {
        loop.stop();
        const n = report.consecutive_failures;
        guard(() => events.onUnhealthyKill(`Task failed ${n} consecutive ${label}s; last: ${verdict.why}`));
      }
    },
  });
  return { stop: () => loop.stop() };
}
