/**
 * The launcher at batch scale: batches are matched one at a time, matching pauses for the event
 * loop, an app changed during a pause launches no more from the batch, and placements for
 * constraints are kept current within a batch.
 */
import { describe, expect, it } from 'vitest';
import { createApp, scaleApp } from './app-ops.js';
import { harness, offer } from '../testing/fake-cluster.test-helpers.js';

function app(extra: Record<string, unknown> = {}) {
  return { id: 'test', cmd: 'sleep 3600', cpus: 0.1, mem: 16, instances: 6, portDefinitions: [], ...extra };
}

const turn = () => new Promise((r) => setImmediate(r));

describe('Launcher', () => {
  it('matches batches one after the other: two batches arriving together launch exactly the missing tasks', async () => {
    const h = await harness();
    h.s.launcher.slice = { min: 0, max: 0 }; // pause after every launch: the second batch arrives mid-way through the first
    createApp(h.s, app({ instances: 6 }), false);
    await h.settle();
    const first = offer('a1');
    const second = offer('a2');
    await Promise.all([h.s.launcher.onOffers([first]), h.s.launcher.onOffers([second])]);
    expect(h.driver.launched).toHaveLength(6);
    expect(h.s.store.instances.size).toBe(6);
    expect(new Set(h.driver.launched.map((t) => t.agent_id.value))).toEqual(new Set(['agent-a1']));
    expect(h.driver.declined).toEqual([second.id.value]);
  });

  it('pauses for the event loop while a big batch is matched', async () => {
    const h = await harness();
    createApp(h.s, app({ instances: 5000 }), false);
    await h.settle();
    let turns = 0;
    let done = false;
    const ticker = async () => {
      while (!done) {
        await turn();
        turns++;
      }
    };
    const ticking = ticker();
    await h.s.launcher.onOffers([1, 2, 3, 4, 5].map((n) => offer(`a${n}`, { cpus: 100, mem: 100_000 })));
    done = true;
    await ticking;
    expect(h.driver.launched).toHaveLength(5000);
    // 5000 launches take well over one 40 ms slice: the loop turned in between.
    expect(turns).toBeGreaterThan(2);
  });

  it('an app scaled down during a pause launches no more from the batch', async () => {
    const h = await harness();
    h.s.launcher.slice = { min: 0, max: 0 };
    createApp(h.s, app({ instances: 50 }), false);
    await h.settle();
    const batch = h.s.launcher.onOffers([offer('a1', { cpus: 100, mem: 100_000 })]);
    await turn(); // the batch has launched one task and paused
    scaleApp(h.s, '/test', 2, true);
    await batch;
    expect(h.driver.launched).toHaveLength(1);
    await h.settle();
    await h.s.launcher.onOffers([offer('a1')]);
    expect(h.s.store.instances.size).toBe(2);
  });

  it('an app failing during a pause waits out its backoff instead of launching the rest of the batch', async () => {
    const h = await harness();
    h.s.launcher.slice = { min: 0, max: 0 };
    createApp(h.s, app({ instances: 20, backoffSeconds: 30 }), false);
    await h.settle();
    const batch = h.s.launcher.onOffers([offer('a1', { cpus: 100, mem: 100_000 })]);
    await turn();
    const [first] = [...h.s.store.instances.keys()];
    h.status(first!, 'TASK_FAILED', { message: 'exit 1' });
    await batch;
    expect(h.driver.launched).toHaveLength(1);
    expect(h.s.launchDelay.due('/test')).toBeGreaterThan(0);
  });

  it('keeps placements current within a batch and across batches (UNIQUE hostname)', async () => {
    const h = await harness();
    createApp(h.s, app({ instances: 3, constraints: [['hostname', 'UNIQUE']] }), false);
    await h.settle();
    await h.s.launcher.onOffers([offer('a1'), offer('a1'), offer('a2')]);
    expect(h.driver.launched.map((t) => t.agent_id.value).sort()).toEqual(['agent-a1', 'agent-a2']);
    await h.settle();
    await h.s.launcher.onOffers([offer('a2'), offer('a3'), offer('a1')]);
    expect(h.driver.launched.map((t) => t.agent_id.value).sort()).toEqual(['agent-a1', 'agent-a2', 'agent-a3']);
    // The second a1 offer of the first batch and the a2 offer of the second one.
    const rows = h.s.offerStats.summary('/test').rejectSummaryLastOffers as Array<{ reason: string; declined: number }>;
    expect(rows.find((r) => r.reason === 'UnfulfilledConstraint')?.declined).toBe(2);
  });
});
