/**
 * The old Marathon tutorial on the real binaries (zookeeper-lite, master, a real agent, marathon):
 * app `test` — 0.1 CPU, 16 MB, `python3 -m http.server $PORT`, 3 instances — serves HTTP on each
 * task's host port; scales to 5; a killed task is replaced; a rolling restart keeps at least
 * minHealthy instances serving the whole time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/wait.js';
import { call, deploymentsDone, MarathonCluster, serves, tasksOf } from './marathon-harness.js';

const cluster = new MarathonCluster();
let base = '';

beforeAll(async () => {
  await cluster.start();
  await cluster.realAgent();
  base = await cluster.leadingMarathon();
}, 60_000);
afterAll(() => cluster.cleanup(), 60_000);

/** Ports of the app's running tasks once exactly `n` run and all serve HTTP. */
async function serving(n: number): Promise<number[]> {
  return waitFor(async () => {
    const tasks = (await tasksOf(base, 'test')).filter((t) => t.state === 'TASK_RUNNING');
    if (tasks.length !== n) return undefined;
    const ports = tasks.map((t) => t.ports[0] as number);
    return (await Promise.all(ports.map(serves))).every(Boolean) ? ports : undefined;
  }, `${n} tasks serving HTTP`, 30_000, 200);
}

describe('tsmesos marathon: the tutorial app on a real agent', () => {
  it('creates the app (201, Location, Marathon-Deployment-Id) and every task serves HTTP on its port', async () => {
    const r = await call(base, 'POST', '/v2/apps', { id: 'test', cmd: 'python3 -m http.server $PORT', cpus: 0.1, mem: 16, instances: 3 });
    expect(r.status).toBe(201);
    expect(r.headers.get('location')).toBe(`${base}/test`);
    const deploymentId = r.headers.get('marathon-deployment-id');
    expect(r.body).toMatchObject({ id: '/test', cpus: 0.1, mem: 16, instances: 3, disk: 0, backoffFactor: 1.15, deployments: [{ id: deploymentId }] });
    expect(r.body.portDefinitions[0].port).toBeGreaterThanOrEqual(10000);
    const ports = await serving(3);
    expect(new Set(ports).size).toBe(3);
    await deploymentsDone(base);
    const text = await call(base, 'GET', '/v2/tasks', undefined, { accept: 'text/plain' });
    expect(text.text.trim().split('\t').slice(0, 2)).toEqual(['test', String(r.body.portDefinitions[0].port)]);
  }, 60_000);

  it('scales to 5 with PUT {"instances":5}: a scale-only change (lastConfigChangeAt kept)', async () => {
    const before = (await call(base, 'GET', '/v2/apps/test')).body.app;
    const r = await call(base, 'PUT', '/v2/apps/test', { instances: 5 });
    expect(r.status).toBe(200);
    expect(r.headers.get('marathon-deployment-id')).toBe(r.body.deploymentId);
    await serving(5);
    await deploymentsDone(base);
    const after = (await call(base, 'GET', '/v2/apps/test')).body.app;
    expect(after.versionInfo.lastConfigChangeAt).toBe(before.versionInfo.lastConfigChangeAt);
    expect(after.versionInfo.lastScalingAt).not.toBe(before.versionInfo.lastScalingAt);
    expect((await call(base, 'GET', '/v2/apps/test/versions')).body.versions.length).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('replaces a task killed through DELETE /v2/apps/test/tasks/{id}', async () => {
    const [victim] = await tasksOf(base, 'test');
    const r = await call(base, 'DELETE', `/v2/apps/test/tasks/${victim.id}`);
    expect(r.status).toBe(200);
    expect(r.body.task.id).toBe(victim.id);
    await waitFor(async () => {
      const ids = (await tasksOf(base, 'test')).map((t) => t.id);
      return !ids.includes(victim.id) && ids.length === 5;
    }, 'the killed task to be gone and replaced', 30_000, 200);
    await serving(5);
    const missing = await call(base, 'DELETE', `/v2/apps/test/tasks/${victim.id}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ message: `Task '${victim.id}' does not exist` });
  }, 60_000);

  it('restarts rolling, health-gated (minimumHealthCapacity 0.6, maximumOverCapacity 0): never fewer than 3 of 5 serving', async () => {
    const healthChecks = [{ protocol: 'HTTP', path: '/', portIndex: 0, intervalSeconds: 1, timeoutSeconds: 1, gracePeriodSeconds: 30, maxConsecutiveFailures: 3 }];
    const up = await call(base, 'PUT', '/v2/apps/test', { healthChecks, upgradeStrategy: { minimumHealthCapacity: 0.6, maximumOverCapacity: 0 } });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ deploymentId: expect.any(String) });
    await deploymentsDone(base, 60_000);
    await serving(5);
    const healthy = (await call(base, 'GET', '/v2/apps/test')).body.app;
    expect(healthy.tasksHealthy).toBe(5);
    expect(healthy.tasks[0].healthCheckResults[0]).toMatchObject({ alive: true, consecutiveFailures: 0 });
    const oldIds = new Set((await tasksOf(base, 'test')).map((t) => t.id));
    const r = await call(base, 'POST', '/v2/apps/test/restart');
    expect(r.status).toBe(200);
    let minServing = Infinity;
    let maxTasks = 0;
    let polls = 0;
    await waitFor(async () => {
      const tasks = await tasksOf(base, 'test');
      maxTasks = Math.max(maxTasks, tasks.length);
      const ok = (await Promise.all(tasks.filter((t) => t.state === 'TASK_RUNNING').map((t) => serves(t.ports[0])))).filter(Boolean).length;
      minServing = Math.min(minServing, ok);
      polls++;
      const deployments = (await call(base, 'GET', '/v2/deployments')).body;
      return deployments.length === 0 && tasks.length === 5 && tasks.every((t) => !oldIds.has(t.id));
    }, 'the rolling restart to finish', 60_000, 100);
    expect(polls).toBeGreaterThan(3);
    expect(minServing).toBeGreaterThanOrEqual(3);
    expect(maxTasks).toBeLessThanOrEqual(5 + 1);
    await serving(5);
  }, 90_000);

  it('deletes the app: its tasks go and it answers 404', async () => {
    const r = await call(base, 'DELETE', '/v2/apps/test');
    expect(r.status).toBe(200);
    await deploymentsDone(base);
    expect((await call(base, 'GET', '/v2/apps/test')).status).toBe(404);
    expect((await call(base, 'GET', '/v2/tasks')).body.tasks).toEqual([]);
  }, 60_000);

  it('a readiness check passes once the task serves, and the deployment finishes', async () => {
    const r = await call(base, 'POST', '/v2/apps', {
      id: 'ready',
      cmd: 'python3 -m http.server $PORT_HTTP_API',
      cpus: 0.1,
      mem: 16,
      instances: 1,
      portDefinitions: [{ port: 0, name: 'http-api' }],
      readinessChecks: [{ name: 'up', protocol: 'HTTP', path: '/', portName: 'http-api', intervalSeconds: 2, timeoutSeconds: 1 }],
    });
    expect(r.status).toBe(201);
    await deploymentsDone(base, 30_000);
    const app = (await call(base, 'GET', '/v2/apps/ready?embed=app.readiness')).body.app;
    expect(app.readinessCheckResults).toEqual([{ name: 'up', taskId: app.tasks[0].id, ready: true }]);
    expect(await serves(app.tasks[0].ports[0])).toBe(true);
    expect((await call(base, 'DELETE', '/v2/apps/ready')).status).toBe(200);
    await deploymentsDone(base);
  }, 60_000);
});
