import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replaceLimits, replaceStep, type UpgradeStrategyLike } from './replace-math.js';

const S = (minimumHealthCapacity: number, maximumOverCapacity: number): UpgradeStrategyLike => ({ minimumHealthCapacity, maximumOverCapacity });

/**
 * Runs a rolling restart to the end: kills finish before the next evaluation, and one new instance
 * turns ready per tick. Returns the trace of [old, newStarted, newReady] and the peak/lowest counts.
 */
function simulate(instances: number, oldAtStart: number, strategy: UpgradeStrategyLike) {
  let old = oldAtStart;
  let started = 0;
  let ready = 0;
  let maxAlive = old;
  let minHealthySeen = old;
  const actions: Array<{ killOld: number; startNew: number }> = [];
  for (let tick = 0; tick < 100; tick++) {
    const step = replaceStep({ instances, oldRunning: old, newStarted: started, newReady: ready, strategy });
    actions.push(step);
    old -= step.killOld;
    minHealthySeen = Math.min(minHealthySeen, old + ready);
    started += step.startNew;
    maxAlive = Math.max(maxAlive, old + started);
    if (old === 0 && started === instances && ready === instances) return { actions, maxAlive, minHealthySeen, ticks: tick };
    if (ready < started) ready += 1;
  }
  throw new Error(`no progress: old ${old} started ${started} ready ${ready}`);
}

describe('replaceLimits', () => {
  it('ceil / floor as upstream', () => {
    expect(replaceLimits(3, S(1, 1))).toEqual({ minHealthy: 3, maxCapacity: 6 });
    expect(replaceLimits(3, S(0.5, 0))).toEqual({ minHealthy: 2, maxCapacity: 3 });
    expect(replaceLimits(10, S(0.3, 0.15))).toEqual({ minHealthy: 3, maxCapacity: 11 });
    expect(replaceLimits(0, S(1, 1))).toEqual({ minHealthy: 0, maxCapacity: 0 });
  });
});

describe('replaceStep', () => {
  it('{1,1}: starts every new instance beside the old ones, then kills one old per ready new one', () => {
    expect(replaceStep({ instances: 4, oldRunning: 4, newStarted: 0, newReady: 0, strategy: S(1, 1) })).toEqual({ killOld: 0, startNew: 4 });
    expect(replaceStep({ instances: 4, oldRunning: 4, newStarted: 4, newReady: 1, strategy: S(1, 1) })).toEqual({ killOld: 1, startNew: 0 });
    const r = simulate(4, 4, S(1, 1));
    expect(r.maxAlive).toBe(8);
    expect(r.minHealthySeen).toBe(4);
  });

  it('{0,0}: kills all old first, then starts all new', () => {
    expect(replaceStep({ instances: 4, oldRunning: 4, newStarted: 0, newReady: 0, strategy: S(0, 0) })).toEqual({ killOld: 4, startNew: 0 });
    expect(replaceStep({ instances: 4, oldRunning: 0, oldKilling: 4, newStarted: 0, newReady: 0, strategy: S(0, 0) })).toEqual({ killOld: 0, startNew: 0 });
    expect(replaceStep({ instances: 4, oldRunning: 0, newStarted: 0, newReady: 0, strategy: S(0, 0) })).toEqual({ killOld: 0, startNew: 4 });
    expect(simulate(4, 4, S(0, 0)).maxAlive).toBe(4);
  });

  it('old tasks being killed take capacity but are not killed again nor count as healthy', () => {
    // {1,0} with one old kill in flight: counted as running it would ask for a second kill.
    expect(replaceStep({ instances: 4, oldRunning: 3, oldKilling: 1, newStarted: 1, newReady: 1, strategy: S(1, 0) })).toEqual({ killOld: 0, startNew: 0 });
    expect(replaceStep({ instances: 4, oldRunning: 4, newStarted: 1, newReady: 1, strategy: S(1, 0) })).toEqual({ killOld: 1, startNew: 0 });
    // {0.5,0} with the first half in flight: nothing more to kill, no room to start.
    expect(replaceStep({ instances: 4, oldRunning: 2, oldKilling: 2, newStarted: 0, newReady: 0, strategy: S(0.5, 0) })).toEqual({ killOld: 0, startNew: 0 });
  });

  it('{0.5,0}: halves first, then replaces', () => {
    expect(replaceStep({ instances: 4, oldRunning: 4, newStarted: 0, newReady: 0, strategy: S(0.5, 0) })).toEqual({ killOld: 2, startNew: 0 });
    expect(replaceStep({ instances: 4, oldRunning: 2, newStarted: 0, newReady: 0, strategy: S(0.5, 0) })).toEqual({ killOld: 0, startNew: 2 });
    const r = simulate(4, 4, S(0.5, 0));
    expect(r.maxAlive).toBe(4);
    expect(r.minHealthySeen).toBe(2);
  });

  it('{1,0}: minHealthy == maxCapacity allows one extra instance so the restart can progress', () => {
    expect(replaceStep({ instances: 3, oldRunning: 3, newStarted: 0, newReady: 0, strategy: S(1, 0) })).toEqual({ killOld: 0, startNew: 1 });
    expect(replaceStep({ instances: 3, oldRunning: 3, newStarted: 1, newReady: 1, strategy: S(1, 0) })).toEqual({ killOld: 1, startNew: 0 });
    const r = simulate(3, 3, S(1, 0));
    expect(r.maxAlive).toBe(4);
    expect(r.minHealthySeen).toBe(3);
  });

  it('{0,1}: kills every old instance and starts every new one at once', () => {
    expect(replaceStep({ instances: 3, oldRunning: 3, newStarted: 0, newReady: 0, strategy: S(0, 1) })).toEqual({ killOld: 3, startNew: 3 });
    expect(simulate(3, 3, S(0, 1)).ticks).toBeLessThanOrEqual(3);
  });

  it('restart with scale-down kills the surplus old instances right away', () => {
    expect(replaceStep({ instances: 3, oldRunning: 5, newStarted: 0, newReady: 0, strategy: S(1, 1) })).toEqual({ killOld: 2, startNew: 1 });
  });

  it('property: always finishes, never exceeds capacity (+1 when needed), never drops below minHealthy', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), (instances, old, a, b) => {
        const strategy = S(a / 20, b / 20);
        const { minHealthy, maxCapacity } = replaceLimits(instances, strategy);
        const r = simulate(instances, old, strategy);
        expect(r.maxAlive).toBeLessThanOrEqual(Math.max(old, maxCapacity + (minHealthy === maxCapacity ? 1 : 0)));
        expect(r.minHealthySeen).toBeGreaterThanOrEqual(Math.min(old, minHealthy));
      }),
    );
  });
});
