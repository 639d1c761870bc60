import { describe, expect, it } from 'vitest';
import { startCheck } from './checker.js';
import { FakeClock } from './fake-clock.js';
import { exit, scripted, type Scripted } from './test-probers.js';
import type { CheckInfoV1, CheckStatusInfoV1 } from './types.js';

const ctx = { sandbox: '/nonexistent', env: {} };

function harness(check: CheckInfoV1, script: Scripted[]) {
  const clock = new FakeClock();
  const p = scripted(script, clock);
  const seen: Array<[number, CheckStatusInfoV1]> = [];
  const c = startCheck(check, ctx, (s) => seen.push([clock.now(), s]), { clock, prober: p.prober });
  return { clock, seen, signals: p.signals, stop: c.stop };
}

describe('startCheck', () => {
  it('defaults: first attempt at 15 s, then every 10 s; reports only changes', async () => {
    const h = harness({ type: 'COMMAND', command: { command: { value: 'x' } } }, [exit(0), exit(0), exit(3), exit(3), exit(0)]);
    await h.clock.advance(14_999);
    expect(h.signals).toHaveLength(0);
    await h.clock.advance(40_001);
    expect(h.seen).toEqual([
      [15_000, { type: 'COMMAND', command: { exit_code: 0 } }],
      [35_000, { type: 'COMMAND', command: { exit_code: 3 } }],
      [55_000, { type: 'COMMAND', command: { exit_code: 0 } }],
    ]);
  });

  it('a failed attempt reports the empty status, but only if it changes something', async () => {
    const h = harness({ type: 'HTTP', http: { port: 80 }, delay_seconds: 0, interval_seconds: 1 }, [
      { ok: false, error: 'refused' },
      { ok: true, status: { type: 'HTTP', http: { status_code: 503 } } },
      { ok: false, error: 'refused' },
      { ok: false, error: 'refused' },
    ]);
    await h.clock.advance(3_000);
    expect(h.seen.map(([, s]) => s)).toEqual([{ type: 'HTTP', http: { status_code: 503 } }, { type: 'HTTP', http: {} }]);
  });

  it('TCP: refused is a result (succeeded false); a timeout is the empty status', async () => {
    const h = harness({ type: 'TCP', tcp: { port: 1 }, delay_seconds: 0, interval_seconds: 1, timeout_seconds: 2 }, [
      { ok: true, status: { type: 'TCP', tcp: { succeeded: false } } },
      'hang',
    ]);
    await h.clock.advance(3_000);
    expect(h.seen).toEqual([
      [0, { type: 'TCP', tcp: { succeeded: false } }],
      [3_000, { type: 'TCP', tcp: {} }],
    ]);
    expect(h.signals[1]!.aborted).toBe(true);
  });

  it('never kills: endless failures just keep checking', async () => {
    const h = harness({ type: 'COMMAND', command: { command: { value: 'x' } }, delay_seconds: 0, interval_seconds: 1 }, Array(50).fill(exit(1)));
    await h.clock.advance(49_000);
    expect(h.signals).toHaveLength(50);
    expect(h.seen).toHaveLength(1);
  });

  it('stop() ends checking', async () => {
    const h = harness({ type: 'TCP', tcp: { port: 1 }, delay_seconds: 0, interval_seconds: 1 }, Array(5).fill(exit(0)));
    await h.clock.advance(1_000);
    h.stop();
    await h.clock.advance(10_000);
    expect(h.signals).toHaveLength(2);
    expect(h.clock.pending).toBe(0);
  });

  it('refuses an invalid definition', () => {
    expect(() => startCheck({ type: 'TCP' } as CheckInfoV1, ctx, () => {})).toThrow(/invalid check/);
  });
});
