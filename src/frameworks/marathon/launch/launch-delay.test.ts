import { describe, expect, it } from 'vitest';
import { LaunchDelay } from './launch-delay.js';

const app = { id: '/a', version: 'v1', backoffSeconds: 1, backoffFactor: 1.15, maxLaunchDelaySeconds: 300 };

describe('LaunchDelay (§3.4)', () => {
  it('first failure waits backoffSeconds, then × factor each time', () => {
    let now = 1_000_000;
    const d = new LaunchDelay(() => now);
    expect(d.due('/a')).toBe(0);
    expect(d.queueInfo('/a')).toBeUndefined();
    expect(d.failure(app)).toBe(1000);
    expect(d.due('/a')).toBe(1000);
    expect(d.overdue('/a')).toBe(false);
    expect(d.failure(app)).toBeCloseTo(1150);
    expect(d.failure(app)).toBeCloseTo(1322.5);
    now += 2000;
    expect(d.due('/a')).toBe(0);
    expect(d.overdue('/a')).toBe(true);
    expect(d.queueInfo('/a')).toEqual({ timeLeftSeconds: 0, overdue: true });
  });

  it('is capped at maxLaunchDelaySeconds', () => {
    const d = new LaunchDelay(() => 0);
    const fast = { ...app, backoffSeconds: 10, backoffFactor: 10, maxLaunchDelaySeconds: 60 };
    const delays = [1, 2, 3].map(() => d.failure(fast, 0));
    expect(delays).toEqual([10_000, 60_000, 60_000]);
  });

  it('a new version, an explicit reset or a quiet spell starts over', () => {
    let now = 0;
    const d = new LaunchDelay(() => now);
    d.failure(app);
    d.failure(app);
    expect(d.failure({ ...app, version: 'v2' })).toBe(1000);
    expect(d.reset('/a')).toBe(true);
    expect(d.reset('/a')).toBe(false);
    d.failure(app);
    now = 1000 + 300_000 + 1;
    expect(d.due('/a')).toBe(0);
    expect(d.overdue('/a')).toBe(false);
    expect(d.failure(app)).toBe(1000);
  });

  it('what /v2/queue and DELETE /v2/queue/{id}/delay see: a delay until the quiet spell is over, then none', () => {
    let now = 0;
    const d = new LaunchDelay(() => now);
    d.failure({ ...app, backoffSeconds: 10, maxLaunchDelaySeconds: 60 });
    expect(d.queueInfo('/a')).toEqual({ timeLeftSeconds: 10, overdue: false });
    now = 10_000;
    expect(d.queueInfo('/a')).toEqual({ timeLeftSeconds: 0, overdue: true });
    now = 10_000 + 60_000 + 1;
    expect(d.queueInfo('/a')).toBeUndefined();
    expect(d.reset('/a')).toBe(false);
  });

  it('reports whole seconds left', () => {
    const d = new LaunchDelay(() => 0);
    d.failure({ ...app, backoffSeconds: 5 });
    expect(d.queueInfo('/a', 1500)).toEqual({ timeLeftSeconds: 4, overdue: false });
  });
});
