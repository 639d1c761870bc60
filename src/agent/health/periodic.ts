/**
 * The attempt loop shared by health checks and generalized checks, scheduled as upstream's
 * `CheckerProcess` does: the first attempt `delay` after start, each next one `interval` after the
 * previous attempt *finished* (so a slow probe never overlaps itself), and an attempt that outlives
 * `timeout` is abandoned as a failure while its prober is aborted (which kills a COMMAND's process
 * group). All timing goes through the injected `Clock`, so tests drive it without waiting.
 */
import type { Clock } from '../../lib/clock.js';
import type { Timing } from './defaults.js';
import type { ProbeResult, Prober } from './types.js';

export interface PeriodicOptions {
  clock: Clock;
  timing: Timing;
  probe: Prober;
  /** Gets each attempt's result in order; never called after `stop()`. */
  onResult(result: ProbeResult): void;
  /** Prefix of the timeout error, e.g. "COMMAND health check". */
  label: string;
  onError?: (err: unknown) => void;
}

export interface Periodic {
  stop(): void;
}

/** Node timers overflow past ~24.8 days (and then fire at once); chain them for longer waits. */
const MAX_TIMER_MS = 2 ** 31 - 1;

function later(clock: Clock, ms: number, fn: () => void): { cancel(): void } {
  let current: { cancel(): void };
  const arm = (left: number): void => {
    current = left > MAX_TIMER_MS ? clock.setTimeout(() => arm(left - MAX_TIMER_MS), MAX_TIMER_MS) : clock.setTimeout(fn, left);
  };
  arm(ms);
  return { cancel: () => current.cancel() };
}

export function startPeriodic(o: PeriodicOptions): Periodic {
  let stopped = false;
  let timer: { cancel(): void } | undefined;
  let inflight: AbortController | undefined;

  const schedule = (ms: number): void => {
    timer = later(o.clock, ms, () => void run());
  };

  function attempt(ac: AbortController): Promise<ProbeResult> {
    return new Promise((resolve) => {
      let done = false;
      let deadline: { cancel(): void } | undefined;
      const finish = (r: ProbeResult): void => {
        if (done) return;
        done = true;
        deadline?.cancel();
        resolve(r);
      };
      if (Number.isFinite(o.timing.timeoutMs)) {
        deadline = later(o.clock, o.timing.timeoutMs, () => {
          finish({ ok: false, error: `${o.label} timed out after ${o.timing.timeoutMs / 1000}s` });
          ac.abort();
        });
      }
      let p: Promise<ProbeResult>;
      try {
        p = o.probe(ac.signal);
      } catch (err) {
        p = Promise.reject(err);
      }
      p.then(finish, (err: unknown) => finish({ ok: false, error: err instanceof Error ? err.message : String(err) }));
    });
  }

  async function run(): Promise<void> {
    timer = undefined;
    if (stopped) return;
    const ac = new AbortController();
    inflight = ac;
    const result = await attempt(ac);
    inflight = undefined;
    if (stopped) return;
    try {
      o.onResult(result);
    } catch (err) {
      o.onError?.(err);
    }
    if (!stopped) schedule(o.timing.intervalMs);
  }

  schedule(o.timing.delayMs);
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      timer?.cancel();
      inflight?.abort();
    },
  };
}
