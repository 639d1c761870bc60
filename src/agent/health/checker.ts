/**
 * `startCheck`: runs a task's generalized `CheckInfo` check (Mesos 1.4+, `docs/health-checks.md`)
 * as upstream's `Checker`: same schedule as health checks, but it only *reports* — a changed
 * `CheckStatusInfo` goes to `onStatus` — and never judges or kills the task.
 */
import { systemClock } from '../../lib/clock.js';
import { emptyCheckStatus, stepCheck } from './check-core.js';
import { timingOf } from './defaults.js';
import { proberFor } from './make-prober.js';
import { startPeriodic } from './periodic.js';
import { checkProbeSpec } from './spec.js';
import type { CheckInfoV1, CheckOptions, CheckStatusInfoV1, HealthCheckContext } from './types.js';
import { validateCheck } from './validate.js';

/**
 * Starts checking; the first attempt comes `delay_seconds` from now. `onStatus` gets each status
 * that differs from the previous one, starting from the empty status the task reported at launch
 * (see `status.ts` for the TaskStatus to send). Throws on a definition `validateCheck` rejects.
 * The agent calls `stop()` when it starts killing the task or the task ends.
 */
export function startCheck(
  check: CheckInfoV1,
  ctx: HealthCheckContext,
  onStatus: (checkStatus: CheckStatusInfoV1) => void,
  opts: CheckOptions = {},
): { stop(): void } {
  const invalid = validateCheck(check);
  if (invalid) throw new Error(`invalid check: ${invalid}`);
  const spec = checkProbeSpec(check);
  let previous = emptyCheckStatus(spec.type);
  const loop = startPeriodic({
    clock: opts.clock ?? systemClock,
    timing: timingOf(check),
    probe: opts.prober ?? proberFor(spec, ctx),
    label: `${spec.type} check`,
    onError: opts.onError,
    onResult(result) {
      const step = stepCheck(previous, result);
      previous = step.status;
      if (step.changed) onStatus(step.status);
    },
  });
  return { stop: () => loop.stop() };
}
