/**
 * The rest of the /v2 surface clients lean on, against the built binaries with a fake agent: bulk
 * PUT /v2/apps, list filters (id, cmd, label) and embeds, `/v2/apps/{group}/*`, task listings
 * (status filter, text/plain), /metrics in both forms, and DELETE /v2/leader.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/wait.js';
import { call, deploymentsDone, MarathonCluster } from './marathon-harness.js';

const cluster = new MarathonCluster();
let base = '';

beforeAll(async () => {
  await cluster.start();
  await cluster.fakeAgent({ hostname: 'h1' });
  base = await cluster.leadingMarathon();
}, 60_000);
afterAll(() => cluster.cleanup(), 60_000);

const sleeper = (id: string, extra: Record<string, unknown> = {}) => ({ id, cmd: 'sleep 3600', cpus: 0.1, mem: 16, instances: 1, ...extra });

describe('tsmesos marathon: the wider API', () => {
  it('PUT /v2/apps with an array deploys all the apps as one deployment', async () => {
    const r = await call(base, 'PUT', '/v2/apps', [
      sleeper('/prod/api', { labels: { tier: 'api', env: 'prod' }, dependencies: ['/prod/db'] }),
      sleeper('/prod/db', { labels: { tier: 'db', env: 'prod' } }),
      sleeper('/dev/api', { cmd: 'sleep 7200', labels: { tier: 'api', env: 'dev' }, instances: 2 }),
    ]);
    expect(r.status).toBe(200);
    expect(r.headers.get('marathon-deployment-id')).toBe(r.body.deploymentId);
    await deploymentsDone(base);
    expect((await call(base, 'GET', '/v2/apps')).body.apps.map((a: { id: string }) => a.id)).toEqual(['/dev/api', '/prod/api', '/prod/db']);
  });

  it('filters /v2/apps by id, cmd and label, and embeds what is asked', async () => {
    const ids = async (q: string) => (await call(base, 'GET', `/v2/apps${q}`)).body.apps.map((a: { id: string }) => a.id);
    expect(await ids('?id=PROD')).toEqual(['/prod/api', '/prod/db']);
    expect(await ids('?cmd=7200')).toEqual(['/dev/api']);
    expect(await ids(`?label=${encodeURIComponent('tier==api,env!=dev')}`)).toEqual(['/prod/api']);
    expect(await ids(`?label=${encodeURIComponent('env in (dev, qa)')}`)).toEqual(['/dev/api']);
    const plain = (await call(base, 'GET', '/v2/apps')).body.apps[0];
    expect(plain.tasks).toBeUndefined();
    expect(plain).toMatchObject({ tasksRunning: 2, tasksStaged: 0, deployments: [] });
    const embedded = (await call(base, 'GET', '/v2/apps?embed=apps.tasks&embed=apps.taskStats')).body.apps[0];
    expect(embedded.tasks).toHaveLength(2);
    expect(embedded.tasks[0]).toMatchObject({ appId: '/dev/api', host: 'h1', state: 'TASK_RUNNING', servicePorts: [expect.any(Number)], ports: [expect.any(Number)] });
    expect(embedded.taskStats.totalSummary.stats.counts.running).toBe(2);
    const group = (await call(base, 'GET', '/v2/apps/prod/*')).body;
    expect(group['*'].map((a: { id: string }) => a.id)).toEqual(['/prod/api', '/prod/db']);
  });

  it('lists tasks by status, and as text/plain endpoint lines', async () => {
    expect((await call(base, 'GET', '/v2/tasks?status=running')).body.tasks).toHaveLength(4);
    expect((await call(base, 'GET', '/v2/tasks?status=staging')).body.tasks).toHaveLength(0);
    const app = (await call(base, 'GET', '/v2/apps/dev/api')).body.app;
    const lines = (await call(base, 'GET', '/v2/apps/dev/api/tasks', undefined, { accept: 'text/plain' })).text.trim().split('\n');
    expect(lines).toHaveLength(1);
    const [name, servicePort, ...endpoints] = lines[0]!.trim().split(' ');
    expect(name).toBe('dev_api');
    expect(Number(servicePort)).toBe(app.portDefinitions[0].port);
    expect(endpoints.sort()).toEqual(app.tasks.map((t: { host: string; ports: number[] }) => `${t.host}:${t.ports[0]}`).sort());
  });

  it('serves /metrics (version and gauges) and /metrics/prometheus', async () => {
    const m = (await call(base, 'GET', '/metrics')).body;
    expect(m.version).toBe('4.0.0');
    expect(m.gauges['marathon.apps.active']).toEqual({ value: 3 });
    expect(m.gauges['marathon.instances.running']).toEqual({ value: 4 });
    expect(m.counters['marathon.events.deployment_success'].count).toBeGreaterThan(0);
    const p = await call(base, 'GET', '/metrics/prometheus');
    expect(p.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(p.text).toMatch(/^marathon_apps_active 3$/m);
  });

  it('DELETE /v2/leader abdicates; the only instance is elected again and keeps its state', async () => {
    const r = await call(base, 'DELETE', '/v2/leader');
    expect(r.body).toEqual({ message: 'Leadership abdicated' });
    await waitFor(async () => {
      const info = (await call(base, 'GET', '/v2/info')).body;
      return info.elected && info.frameworkId;
    }, 'leading again', 20_000, 100);
    await waitFor(async () => (await call(base, 'GET', '/v2/tasks?status=running')).body.tasks?.length === 4, 'the tasks reconciled', 20_000, 100);
    expect((await call(base, 'GET', '/v2/apps')).body.apps).toHaveLength(3);
  });
});
