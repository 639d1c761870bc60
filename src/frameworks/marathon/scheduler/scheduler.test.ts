/**
 * The scheduler against a fake driver: launches from offers, replacement of failed tasks with
 * lastTaskFailure and backoff, scale down with kills, rolling restarts within the upgrade strategy,
 * deployment deadlines with rollback, and a restart of the service from its stored state.
 */
import { describe, expect, it } from 'vitest';
import { createApp, restartApp, scaleApp, updateApp } from './app-ops.js';
import { harness, offer, type Harness } from '../testing/fake-cluster.test-helpers.js';

function app(extra: Record<string, unknown> = {}) {
  return { id: 'test', cmd: 'python3 -m http.server $PORT', cpus: 0.1, mem: 16, instances: 3, ...extra };
}

async function runAll(h: Harness): Promise<string[]> {
  const ids = h.driver.launched.map((t) => t.task_id.value as string);
  for (const id of ids) {
    const i = h.s.store.instances.get(id);
    if (i && i.state !== 'TASK_RUNNING') h.status(id, 'TASK_RUNNING');
  }
  await h.settle();
  return ids;
}

describe('MarathonScheduler', () => {
  it('launches the instances an app wants from offers, and the deployment finishes once they run', async () => {
    const h = await harness();
    const { deployment } = createApp(h.s, app(), false);
    await h.settle();
    expect(h.s.targets().map((t) => [t.app.id, t.missing])).toEqual([['/test', 3]]);
    await h.settle();
    await h.s.launcher.onOffers([offer('a1')]);
    expect(h.driver.launched).toHaveLength(3);
    const task = h.driver.launched[0]!;
    expect(task.task_id.value).toMatch(/^test\.instance-[0-9a-f-]+\._app\.1$/);
    expect(h.s.store.instances.size).toBe(3);
    expect(await h.kv.list('instances')).toHaveLength(3);
    await runAll(h);
    expect(h.s.store.deployments.has(deployment.id)).toBe(false);
    expect(h.events.map((e) => e.eventType)).toEqual(expect.arrayContaining(['deployment_info', 'status_update_event', 'instance_changed_event', 'deployment_step_success', 'deployment_success']));
    const more = offer('a1');
    await h.settle();
    await h.s.launcher.onOffers([more]);
    expect(h.driver.launched).toHaveLength(3);
    expect(h.driver.declined).toContain(more.id.value);
  });

  it('replaces a failed task, keeps the failure as lastTaskFailure and delays the next launch', async () => {
    const h = await harness();
    createApp(h.s, app({ instances: 1, backoffSeconds: 10 }), false);
    await h.settle();
    await h.s.launcher.onOffers([offer('a1')]);
    const [first] = await runAll(h);
    h.status(first!, 'TASK_FAILED', { message: 'exit 1' });
    await h.settle();
    expect(h.s.store.failures.get('/test')).toMatchObject({ taskId: first, state: 'TASK_FAILED', message: 'exit 1', host: 'a1' });
    expect(h.s.targets()[0]?.missing).toBe(1);
    await h.settle();
    await h.s.launcher.onOffers([offer('a1')]);
    expect(h.driver.launched).toHaveLength(1);
    h.clock.now += 10_001;
    await h.settle();
    await h.s.launcher.onOffers([offer('a1')]);
    expect(h.driver.launched).toHaveLength(2);
  });

  it('scales down by killing (not-yet-running first, then youngest) and up by launching', async () => {
    const h = await harness();
    createApp(h.s, app({ instances: 3 }), false);
    await h.settle();
    await h.s.launcher.onOffers([offer('a1')]);
    await runAll(h);
    const d = scaleApp(h.s, '/test', 1, false);
    await h.settle();
    expect(h.driver.killed).toHaveLength(2);
    expect(h.s.store.deployments.has(d.id)).toBe(true);
    for (const id of h.driver.killed) h.status(id, 'TASK_KILLED');
    await h.settle();
    expect(h.s.store.deployments.has(d.id)).toBe(false);
    expect(h.s.store.failures.get('/test')).toBeUndefined();
    expect(h.s.store.instances.size).toBe(1);
  });

  it('rolls a restart within minimumHealthCapacity 0.5 / maximumOverCapacity 0: half killed first, then replaced', async () => {
    const h = await harness();
    createApp(h.s, app({ instances: 4, upgradeStrategy: { minimumHealthCapacity: 0.5, maximumOverCapacity: 0 } }), false);
    await h.settle();
    await h.s.launcher.onOffers([offer('a1')]);
    const old = await runAll(h);
    const d = restartApp(h.s, '/test', false);
    await h.settle();
    expect(h.driver.killed).toHaveLength(2);
    for (const id of h.driver.killed) h.status(id, 'TASK_KILLED');
    await h.settle();
    await h.settle();
    await h.s.launcher.onOffers([offer('a1')]);
    expect(h.driver.launched).toHaveLength(6);
    await runAll(h);
    expect(h.driver.killed).toHaveLength(4);
    for (const id of h.driver.killed.slice(2)) h.status(id, 'TASK_KILLED');
    await h.settle();
    await h.settle();
    await h.s.launcher.onOffers([offer('a1')]);
    await runAll(h);
    expect(h.s.store.deployments.has(d.id)).toBe(false);
    const running = [...h.s.store.instances.values()];
    expect(running).toHaveLength(4);
    expect(running.every((i) => !old.includes(i.taskId) && i.version === h.s.store.apps.get('/test')!.version)).toBe(true);
  });

  it('is refused with 409 while locked, and force cancels the other deployment', async () => {
    const h = await harness();
    const { deployment } = createApp(h.s, app(), false);
    expect(() => scaleApp(h.s, '/test', 5, false)).toThrow(/locked/);
    const d2 = scaleApp(h.s, '/test', 5, true);
    expect([...h.s.store.deployments.keys()]).toEqual([d2.id]);
    expect(h.events.find((e) => e.eventType === 'deployment_failed')).toMatchObject({ id: deployment.id });
  });

  it('rolls back a deployment past deploymentDeadlineSeconds, with the reason kept', async () => {
    const h = await harness();
    createApp(h.s, app({ instances: 1 }), false);
    await h.settle();
    await h.s.launcher.onOffers([offer('a1')]);
    await runAll(h);
    const before = h.s.store.apps.get('/test')!;
    const r = await updateApp(h.s, '/test', { ...app({ instances: 1 }), cmd: 'exit 1', deploymentDeadlineSeconds: 5 }, { partial: true, force: false });
    expect(r.app.deploymentDeadlineSeconds).toBe(5);
    await h.settle();
    await h.s.launcher.onOffers([offer('a1')]);
    await h.settle();
    h.clock.now += 6000;
    await h.settle();
    const failed = h.events.find((e) => e.eventType === 'deployment_failed' && e.id === r.deployment.id);
    expect(String(failed?.reason)).toMatch(/deadline of 5s exceeded.*rolled back/);
    expect(h.events.map((e) => e.eventType)).toEqual(expect.arrayContaining(['deployment_step_failure', 'group_change_failed']));
    expect(h.s.store.deploymentFailures.get('/test')).toMatchObject({ deploymentId: r.deployment.id });
    expect(h.s.store.apps.get('/test')!.cmd).toBe(before.cmd);
    expect(h.s.store.deployments.size).toBe(1);
  });

  it('after a restart from the same store: knows its tasks, launches no duplicates, resumes deployments', async () => {
    const h = await harness();
    createApp(h.s, app({ instances: 2 }), false);
    await h.settle();
    await h.s.launcher.onOffers([offer('a1')]);
    await h.settle();
    const h2 = await harness(h.kv);
    expect(h2.s.store.instances.size).toBe(2);
    expect(h2.s.store.deployments.size).toBe(1);
    await h2.settle();
    await h2.s.launcher.onOffers([offer('a1')]);
    expect(h2.driver.launched).toHaveLength(0);
    for (const id of h2.s.store.instances.keys()) h2.status(id, 'TASK_RUNNING');
    await h2.settle();
    expect(h2.s.store.deployments.size).toBe(0);
  });
});
