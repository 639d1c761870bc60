/**
 * Deployments through the built binaries with fake agents: groups with dependencies deploy in
 * order (a dependent app waits while its dependency is not healthy), a locked app answers 409 with
 * the deployment, PUT {"version"} rolls back to a stored version, and the tsmesos deadline
 * (`deploymentDeadlineSeconds`) rolls a stuck deployment back with the reason kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/wait.js';
import { call, deploymentsDone, MarathonCluster, tasksOf } from './marathon-harness.js';

const cluster = new MarathonCluster();
let base = '';
/** A Marathon-level HTTP check that never passes on a fake agent (nothing listens). */
const neverHealthy = [{ protocol: 'HTTP', portIndex: 0, intervalSeconds: 1, timeoutSeconds: 1, gracePeriodSeconds: 60, maxConsecutiveFailures: 0 }];

beforeAll(async () => {
  await cluster.start();
  await cluster.fakeAgent({ hostname: '127.0.0.1' });
  base = await cluster.leadingMarathon();
}, 60_000);
afterAll(() => cluster.cleanup(), 60_000);

describe('tsmesos marathon: deployments', () => {
  it('deploys a group in dependency order: web waits while db is not healthy', async () => {
    const r = await call(base, 'POST', '/v2/groups', {
      id: 'shop',
      apps: [
        { id: 'db', cmd: 'sleep 3600', cpus: 0.1, mem: 16, instances: 1, healthChecks: neverHealthy },
        { id: 'web', cmd: 'sleep 3600', cpus: 0.1, mem: 16, instances: 2, dependencies: ['db'] },
      ],
    });
    expect(r.status).toBe(201);
    const plan = (await call(base, 'GET', `/v2/deployments/${r.body.deploymentId}`)).body;
    expect(plan.steps).toEqual([
      { actions: [{ action: 'StartApplication', app: '/shop/db' }, { action: 'StartApplication', app: '/shop/web' }] },
      { actions: [{ action: 'ScaleApplication', app: '/shop/db' }] },
      { actions: [{ action: 'ScaleApplication', app: '/shop/web' }] },
    ]);
    await waitFor(async () => (await tasksOf(base, 'shop/db')).some((t) => t.state === 'TASK_RUNNING'), 'db running', 20_000, 100);
    const group = (await call(base, 'GET', '/v2/groups/shop')).body;
    expect(group.apps.map((a: { id: string }) => a.id)).toEqual(['/shop/db', '/shop/web']);
    expect((await call(base, 'GET', '/v2/groups')).body.groups.map((g: { id: string }) => g.id)).toEqual(['/shop']);
    // db never turns healthy: the deployment stays at step 2 and web gets nothing.
    await waitFor(async () => (await call(base, 'GET', '/v2/apps/shop/db')).body.app.tasks[0]?.healthCheckResults.length > 0, 'a health result', 10_000, 100);
    expect((await call(base, 'GET', `/v2/deployments/${r.body.deploymentId}`)).body.currentStep).toBe(2);
    expect(await tasksOf(base, 'shop/web')).toEqual([]);
    const locked = await call(base, 'PUT', '/v2/apps/shop/db', { cmd: 'sleep 7200' });
    expect(locked.status).toBe(409);
    expect(locked.body).toEqual({ message: expect.stringContaining('App is locked by one or more deployments'), deployments: [{ id: r.body.deploymentId }] });
    // Without the health check, db is healthy once running and web follows.
    const forced = await call(base, 'PUT', '/v2/apps/shop/db?force=true', { healthChecks: [] });
    expect(forced.status).toBe(200);
    await deploymentsDone(base);
    expect((await call(base, 'PUT', '/v2/apps/shop/web', { instances: 2 })).status).toBe(200);
    await waitFor(async () => (await tasksOf(base, 'shop/web')).length === 2, 'web started', 20_000, 100);
    expect((await call(base, 'DELETE', '/v2/groups/shop')).status).toBe(200);
    await deploymentsDone(base);
    expect((await call(base, 'GET', '/v2/apps')).body.apps).toEqual([]);
  }, 60_000);

  it('PUT {"version": …} rolls an app back to a stored version', async () => {
    await call(base, 'POST', '/v2/apps', { id: 'ver', cmd: 'sleep 100', cpus: 0.1, mem: 16, instances: 1 });
    await deploymentsDone(base);
    const v1 = (await call(base, 'GET', '/v2/apps/ver')).body.app.version;
    await call(base, 'PUT', '/v2/apps/ver', { cmd: 'sleep 200' });
    await deploymentsDone(base);
    const versions = (await call(base, 'GET', '/v2/apps/ver/versions')).body.versions;
    expect(versions).toHaveLength(2);
    expect(versions[1]).toBe(v1);
    expect((await call(base, 'GET', `/v2/apps/ver/versions/${v1}`)).body.cmd).toBe('sleep 100');
    const back = await call(base, 'PUT', '/v2/apps/ver', { version: v1 });
    expect(back.status).toBe(200);
    await deploymentsDone(base);
    const now = (await call(base, 'GET', '/v2/apps/ver')).body.app;
    expect(now.cmd).toBe('sleep 100');
    expect(now.tasks[0].version).toBe(now.version);
    expect((await call(base, 'DELETE', '/v2/apps/ver')).status).toBe(200);
    await deploymentsDone(base);
  }, 60_000);

  it('deploymentDeadlineSeconds: a deployment stuck past it is rolled back, the reason kept on the app', async () => {
    await call(base, 'POST', '/v2/apps', { id: 'dl', cmd: 'sleep 100', cpus: 0.1, mem: 16, instances: 1 });
    await deploymentsDone(base);
    const before = (await call(base, 'GET', '/v2/apps/dl')).body.app;
    const r = await call(base, 'PUT', '/v2/apps/dl', { cmd: 'sleep 300', healthChecks: neverHealthy, deploymentDeadlineSeconds: 3 });
    expect(r.status).toBe(200);
    const failure = await waitFor(async () => (await call(base, 'GET', '/v2/apps/dl')).body.app.lastDeploymentFailure, 'the deployment to fail', 20_000, 200);
    expect(failure).toMatchObject({ appId: '/dl', deploymentId: r.body.deploymentId, rollbackDeploymentId: expect.any(String) });
    expect(failure.reason).toMatch(/deployment deadline of 3s exceeded at step 1\/1 \(RestartApplication \/dl: 0\/1 new tasks ready\): rolled back/);
    await deploymentsDone(base);
    const after = (await call(base, 'GET', '/v2/apps/dl')).body.app;
    expect(after.cmd).toBe(before.cmd);
    expect(after.healthChecks).toEqual([]);
    expect(after.deploymentDeadlineSeconds).toBeUndefined();
    await waitFor(async () => {
      const t = await tasksOf(base, 'dl');
      return t.length === 1 && t[0].version === after.version && t[0].state === 'TASK_RUNNING';
    }, 'the old definition running again', 20_000, 100);
  }, 60_000);

  it('readiness checks gate a deployment and show in currentActions', async () => {
    const r = await call(base, 'POST', '/v2/apps', {
      id: 'rd',
      cmd: 'sleep 100',
      cpus: 0.1,
      mem: 16,
      instances: 1,
      portDefinitions: [{ port: 0, name: 'http-api' }],
      readinessChecks: [{ name: 'rc', protocol: 'HTTP', path: '/ready', portName: 'http-api', intervalSeconds: 2, timeoutSeconds: 1 }],
    });
    expect(r.status).toBe(201);
    const id = r.headers.get('marathon-deployment-id')!;
    const action = await waitFor(async () => {
      const d = (await call(base, 'GET', `/v2/deployments/${id}`)).body;
      const a = d?.currentActions?.[0];
      return a?.readinessCheckResults?.length > 0 ? a : undefined;
    }, 'readiness results in the deployment', 20_000, 100);
    expect(action).toMatchObject({ action: 'ScaleApplication', app: '/rd', readinessCheckResults: [{ name: 'rc', ready: false, taskId: expect.stringMatching(/^rd\.instance-/) }] });
    expect((await call(base, 'GET', '/v2/apps/rd?embed=app.readiness')).body.app.readinessCheckResults[0].ready).toBe(false);
    expect((await call(base, 'DELETE', `/v2/deployments/${id}?force=true`)).status).toBe(202);
    expect((await call(base, 'DELETE', '/v2/apps/rd')).status).toBe(200);
    await deploymentsDone(base);
  }, 60_000);
});
