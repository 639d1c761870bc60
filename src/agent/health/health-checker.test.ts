import { describe, expect, it } from 'vitest';
import { FakeClock } from './fake-clock.js';
import { startHealthCheck } from './health-checker.js';
import { exit, scripted, type Scripted } from './test-probers.js';
import type { HealthCheckOptions, HealthCheckV1 } from './types.js';

const ctx = { sandbox: '/nonexistent', env: {} };
const CMD: HealthCheckV1 = { type: 'COMMAND', command: { value: 'unused' } };

function harness(script: Scripted[], check: Partial<HealthCheckV1> = {}, opts: HealthCheckOptions = {}) {
  const clock = new FakeClock(1_000_000);
  const p = scripted(script, clock);
  const log: string[] = [];
  const events = {
    onHealthChange: (h: boolean) => log.push(`${clock.now() - 1_000_000}:healthy=${h}`),
    onUnhealthyKill: (m: string) => log.push(`${clock.now() - 1_000_000}:kill ${m}`),
  };
  const checker = startHealthCheck({ ...CMD, ...check }, ctx, events, { clock, prober: p.prober, ...opts });
  return { clock, log, checker, signals: p.signals };
}

describe('startHealthCheck schedule', () => {
  it('first attempt after delay_seconds (default 15 s), then every interval_seconds (default 10 s)', async () => {
    const h = harness([exit(0), exit(0), exit(0)]);
    await h.clock.advance(14_999);
    expect(h.signals).toHaveLength(0);
    await h.clock.advance(1);
    expect(h.signals).toHaveLength(1);
    await h.clock.advance(9_999);
    expect(h.signals).toHaveLength(1);
    await h.clock.advance(1);
    expect(h.signals).toHaveLength(2);
    expect(h.log).toEqual(['15000:healthy=true']);
  });

  it('the interval counts from the end of the previous attempt, never overlapping it', async () => {
    const h = harness([{ after: 4_000, result: exit(0) }, exit(0)], { delay_seconds: 0, interval_seconds: 10 });
    await h.clock.advance(0);
    expect(h.signals).toHaveLength(1);
    await h.clock.advance(13_999); // attempt ended at 4 s, next is due at 14 s
    expect(h.signals).toHaveLength(1);
    await h.clock.advance(1);
    expect(h.signals).toHaveLength(2);
  });

  it('an attempt past timeout_seconds (default 20 s) is aborted and counts as a failure', async () => {
    const h = harness(['hang'], { delay_seconds: 0, grace_period_seconds: 0, consecutive_failures: 5 });
    await h.clock.advance(19_999);
    expect(h.signals[0]!.aborted).toBe(false);
    expect(h.log).toEqual([]);
    await h.clock.advance(1);
    expect(h.signals[0]!.aborted).toBe(true);
    expect(h.log).toEqual(['20000:healthy=false']);
    await h.clock.advance(10_000); // next attempt 10 s after the timeout
    expect(h.signals).toHaveLength(2);
  });

  it('timeout_seconds 0 means no timeout', async () => {
    const h = harness(['hang'], { delay_seconds: 0, timeout_seconds: 0 });
    await h.clock.advance(3_600_000);
    expect(h.signals).toHaveLength(1);
    expect(h.signals[0]!.aborted).toBe(false);
    expect(h.log).toEqual([]);
  });

  it('a delay longer than a Node timer can hold still waits the whole time', async () => {
    const h = harness([exit(0)], { delay_seconds: 30 * 86_400 });
    await h.clock.advance(29 * 86_400_000);
    expect(h.signals).toHaveLength(0);
    await h.clock.advance(86_400_000);
    expect(h.signals).toHaveLength(1);
  });
});

describe('startHealthCheck rules', () => {
  it('failures in the grace period are ignored until the first success', async () => {
    // grace 10 s from start; attempts at 0, 5, 10 fail (ignored), 15 fails (counted).
    const h = harness([exit(1), exit(1), exit(1), exit(1)], { delay_seconds: 0, interval_seconds: 5 });
    await h.clock.advance(10_000);
    expect(h.log).toEqual([]);
    await h.clock.advance(5_000);
    expect(h.log).toEqual(['15000:healthy=false']);
  });

  it('after a success the grace period is over', async () => {
    const h = harness([exit(0), exit(1)], { delay_seconds: 0, interval_seconds: 2 });
    await h.clock.advance(2_000);
    expect(h.log).toEqual(['0:healthy=true', '2000:healthy=false']);
  });

  it('the grace period counts from taskStartedAt when given', async () => {
    const clock0 = 1_000_000;
    const h = harness([exit(1)], { delay_seconds: 0 }, { taskStartedAt: clock0 - 60_000 });
    await h.clock.advance(0);
    expect(h.log).toEqual(['0:healthy=false']);
  });

  it('healthy is reported on the first result and on recovery only', async () => {
    const h = harness([exit(0), exit(0), exit(1), exit(0), exit(0)], { delay_seconds: 0, interval_seconds: 1 });
    await h.clock.advance(4_000);
    expect(h.log).toEqual(['0:healthy=true', '2000:healthy=false', '3000:healthy=true']);
  });

  it('kills after consecutive_failures failures outside grace, then stops checking', async () => {
    // Attempts at 0 (pass), 10 s (fail), 20 s (fail), 30 s (hangs; its 20 s timeout at 50 s is failure 3).
    const h = harness([exit(0), exit(1), exit(7), 'hang', exit(0)], { delay_seconds: 0, interval_seconds: 10 });
    await h.clock.advance(49_999);
    expect(h.log).toEqual(['0:healthy=true', '10000:healthy=false', '20000:healthy=false']);
    await h.clock.advance(1);
    expect(h.log.slice(3)).toEqual([
      '50000:healthy=false',
      '50000:kill Task failed 3 consecutive COMMAND health checks; last: COMMAND health check timed out after 20s',
    ]);
    await h.clock.advance(600_000);
    expect(h.signals).toHaveLength(4);
    expect(h.clock.pending).toBe(0);
  });

  it('stop() cancels the next attempt, aborts the running one and drops its result', async () => {
    const h = harness([{ after: 5_000, result: exit(0) }], { delay_seconds: 0 });
    await h.clock.advance(1_000);
    h.checker.stop();
    expect(h.signals[0]!.aborted).toBe(true);
    await h.clock.advance(600_000);
    expect(h.log).toEqual([]);
    expect(h.signals).toHaveLength(1);
  });

  it('a throwing event handler does not stop checking', async () => {
    const clock = new FakeClock();
    const p = scripted([exit(0), exit(1), exit(0)], clock);
    const errors: unknown[] = [];
    let calls = 0;
    const events = { onHealthChange: () => { calls++; throw new Error('agent bug'); }, onUnhealthyKill: () => {} };
    startHealthCheck({ ...CMD, delay_seconds: 0, interval_seconds: 1 }, ctx, events, { clock, prober: p.prober, onError: (e) => errors.push(e) });
    await clock.advance(2_000);
    expect(calls).toBe(3);
    expect(errors).toHaveLength(3);
  });

  it('refuses an invalid definition', () => {
    expect(() => startHealthCheck({ type: 'HTTP' } as HealthCheckV1, ctx, { onHealthChange() {}, onUnhealthyKill() {} })).toThrow(/invalid health check: .*'http'/);
  });
});
