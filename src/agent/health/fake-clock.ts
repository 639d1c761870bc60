/**
 * A `Clock` for tests (style guide §3.5): time stands still until `advance` moves it, firing due
 * timers in order and letting the promise callbacks they start settle in between, so a whole
 * check schedule (delay, attempts, timeouts, intervals) runs in microseconds without real waiting.
 */
import type { Clock } from '../../lib/clock.js';

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

/** Lets pending promise reactions run (a macrotask turn drains the whole microtask queue). */
export const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

export class FakeClock implements Clock {
  private timers: Timer[] = [];
  private seq = 0;

  constructor(private t = 0) {}

  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): { cancel(): void } {
    const timer: Timer = { at: this.t + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.push(timer);
    return { cancel: () => void (this.timers = this.timers.filter((x) => x !== timer)) };
  }

  /** Timers still waiting. */
  get pending(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, firing every timer that falls due, earliest first. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    await settle();
    for (;;) {
      const next = this.timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next) break;
      this.timers = this.timers.filter((x) => x !== next);
      this.t = next.at;
      next.fn();
      await settle();
    }
    this.t = end;
  }
}
