/**
 * The executor's rolling restart while old tasks are being killed: a task asked to die is passed to
 * CORE replaceStep as `oldKilling` (capacity still taken, no longer healthy), not as `oldRunning`,
 * so later passes neither kill it again nor kill another old task in its place, and no new task
 * starts until the kill is confirmed when that would exceed maximumOverCapacity.
 */
import { describe, expect, it } from 'vitest';
import { createApp, restartApp } from './app-ops.js';
import { harness, offer, type Harness } from '../testing/fake-cluster.test-helpers.js';

async function running(h: Harness, instances: number, upgradeStrategy: { minimumHealthCapacity: number; maximumOverCapacity: number }): Promise<void> {
  createApp(h.s, { id: 'roll', cmd: 'sleep 3600', cpus: 0.1, mem: 16, instances, portDefinitions: [], upgradeStrategy }, false);
  await h.settle();
  await h.s.launcher.onOffers([offer('a1')]);
  for (const t of h.driver.launched) h.status(t.task_id.value, 'TASK_RUNNING');
  await h.settle();
}

/** Several scheduler passes, and an offer each time. */
async function passes(h: Harness, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await h.settle();
    await h.s.launcher.onOffers([offer('a1')]);
  }
}

describe('deployment executor: rolling restart with kills in flight', () => {
  it('{1, 0}: one extra new task, then one old kill at a time — never a second kill while one is in flight', async () => {
    const h = await harness();
    await running(h, 4, { minimumHealthCapacity: 1, maximumOverCapacity: 0 });
    restartApp(h.s, '/roll', false);
    await passes(h, 1);
    expect(h.driver.launched).toHaveLength(5);
    const fresh = h.driver.launched[4]!.task_id.value as string;
    h.status(fresh, 'TASK_RUNNING');
    await h.settle();
    expect(h.driver.killed).toHaveLength(1);
    const [dying] = h.driver.killed;
    // The kill is not confirmed yet: passes (and offers) go by.
    await passes(h, 3);
    expect(h.driver.killed).toEqual([dying]);
    expect(h.driver.launched).toHaveLength(5);
    h.status(dying!, 'TASK_KILLED');
    await passes(h, 1);
    expect(h.driver.launched).toHaveLength(6);
  });

  it('{0.5, 0}: the first half is killed once; the new half waits for their end, then the rest follows', async () => {
    const h = await harness();
    await running(h, 4, { minimumHealthCapacity: 0.5, maximumOverCapacity: 0 });
    const d = restartApp(h.s, '/roll', false);
    await passes(h, 3);
    expect(h.driver.killed).toHaveLength(2);
    expect(new Set(h.driver.killed).size).toBe(2);
    expect(h.driver.launched).toHaveLength(4);
    for (const id of h.driver.killed) h.status(id, 'TASK_KILLED');
    await passes(h, 1);
    expect(h.driver.launched).toHaveLength(6);
    for (const t of h.driver.launched.slice(4)) h.status(t.task_id.value, 'TASK_RUNNING');
    await h.settle();
    expect(h.driver.killed).toHaveLength(4);
    await passes(h, 2);
    expect(h.driver.killed).toHaveLength(4);
    expect(h.driver.launched).toHaveLength(6);
    for (const id of h.driver.killed.slice(2)) h.status(id, 'TASK_KILLED');
    await passes(h, 1);
    for (const t of h.driver.launched.slice(6)) h.status(t.task_id.value, 'TASK_RUNNING');
    await h.settle();
    expect(h.driver.launched).toHaveLength(8);
    expect(h.s.store.deployments.has(d.id)).toBe(false);
  });
});
