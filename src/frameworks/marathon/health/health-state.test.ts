import { describe, expect, it } from 'vitest';
import { inGrace, initialResult, instanceIdOf, overallHealth, recordFailure, recordSuccess, shouldKill } from './health-state.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');

describe('health check bookkeeping', () => {
  it('counts failures outside the grace period only, and a success resets them', () => {
    let r = initialResult('app.instance-1._app.1', instanceIdOf('app.instance-1._app.1'));
    expect(r.instanceId).toBe('app.instance-1');
    expect(inGrace(r, T0, 10, T0 + 5000)).toBe(true);
    r = recordFailure(r, T0 + 5000, 'refused', false);
    expect(r).toMatchObject({ alive: false, consecutiveFailures: 0, lastFailureCause: 'refused' });
    expect(inGrace(r, T0, 10, T0 + 11_000)).toBe(false);
    r = recordFailure(r, T0 + 11_000, 'refused', true);
    r = recordFailure(r, T0 + 12_000, 'HTTP 500', true);
    expect(r.consecutiveFailures).toBe(2);
    expect(shouldKill(r, 2)).toBe(true);
    expect(shouldKill(r, 0)).toBe(false);
    r = recordSuccess(r, T0 + 13_000);
    expect(r).toMatchObject({ alive: true, consecutiveFailures: 0, firstSuccess: '2026-01-01T00:00:13.000Z' });
    expect(inGrace(r, T0, 600, T0 + 14_000)).toBe(false);
  });

  it('a task is healthy only when every check passes, unknown until all have a verdict', () => {
    const ok = recordSuccess(initialResult('t', 't'), T0);
    const bad = recordFailure(initialResult('t', 't'), T0, 'x', true);
    expect(overallHealth([ok, ok], 2)).toBe(true);
    expect(overallHealth([ok, undefined], 2)).toBeUndefined();
    expect(overallHealth([ok, bad], 2)).toBe(false);
    expect(overallHealth([], 0)).toBeUndefined();
  });
});
