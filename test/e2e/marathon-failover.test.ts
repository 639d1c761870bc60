/**
 * Marathon HA with the built binaries and a fake agent: a standby proxies the API to the leader
 * (X-Marathon-Leader, X-Marathon-Via) and redirects the event stream; after kill -9 of the leader
 * the standby takes over with the same framework id and remembers apps, versions, a deployment
 * still in progress and every task — no task is launched twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Daemon } from '../helpers/daemon.js';
import { getJson } from '../helpers/http.js';
import { waitFor } from '../helpers/wait.js';
import { call, deploymentsDone, MarathonCluster, tasksOf } from './marathon-harness.js';

const cluster = new MarathonCluster();
let a: Daemon;
let b: Daemon;
let frameworkId = '';

beforeAll(async () => {
  await cluster.start();
  await cluster.fakeAgent({ hostname: 'a1' });
  a = await cluster.marathon();
  frameworkId = await cluster.leading(a);
}, 60_000);
afterAll(() => cluster.cleanup(), 60_000);

/** Non-terminal tasks of our framework as the master sees them. */
async function masterTasks(): Promise<string[]> {
  const st = await getJson(`${cluster.master.url}/master/tasks?limit=-1`);
  return st.tasks.filter((t: { framework_id: string; state: string }) => t.framework_id === frameworkId && ['TASK_STAGING', 'TASK_STARTING', 'TASK_RUNNING'].includes(t.state)).map((t: { id: string }) => t.id).sort();
}

describe('tsmesos marathon: standby and failover', () => {
  it('a standby proxies the API to the leader and answers /ping, /v2/leader itself', async () => {
    expect((await call(a.url, 'POST', '/v2/apps', { id: 'web', cmd: 'sleep 3600', cpus: 0.1, mem: 16, instances: 2 })).status).toBe(201);
    await deploymentsDone(a.url);
    expect((await call(a.url, 'PUT', '/v2/apps/web', { instances: 3 })).status).toBe(200);
    await deploymentsDone(a.url);
    // A deployment that can not finish on one agent: it must survive the failover.
    expect((await call(a.url, 'POST', '/v2/apps', { id: 'stuck', cmd: 'sleep 3600', cpus: 0.1, mem: 16, instances: 2, constraints: [['hostname', 'UNIQUE']] })).status).toBe(201);
    await waitFor(async () => (await tasksOf(a.url, 'stuck')).length === 1, 'one stuck task', 20_000, 100);

    b = await cluster.marathon();
    const leaderHost = new URL(a.url).host;
    await waitFor(async () => (await call(b.url, 'GET', '/v2/leader')).body?.leader === leaderHost, 'the standby to see the leader', 20_000, 100);
    const proxied = await call(b.url, 'GET', '/v2/apps?embed=apps.tasks');
    expect(proxied.status).toBe(200);
    expect(proxied.headers.get('x-marathon-leader')).toBe(`http://${leaderHost}`);
    expect(proxied.headers.get('x-marathon-via')).toBe(`1.1 ${new URL(b.url).host}`);
    expect(proxied.body.apps.map((x: { id: string }) => x.id)).toEqual(['/stuck', '/web']);
    const created = await call(b.url, 'POST', '/v2/apps', { id: 'via-standby', cmd: 'sleep 3600', cpus: 0.1, mem: 16, instances: 1 });
    expect(created.status).toBe(201);
    expect(created.headers.get('marathon-deployment-id')).toBeTruthy();
    const ping = await call(b.url, 'GET', '/ping');
    expect(ping.text).toBe('pong\n');
    expect(ping.headers.get('x-marathon-via')).toBeNull();
    const info = await call(b.url, 'GET', '/v2/info');
    expect(info.body).toMatchObject({ elected: true, leader: leaderHost, frameworkId });
    const events = await call(b.url, 'GET', '/v2/events', undefined, { accept: 'text/event-stream' });
    expect(events.status).toBe(307);
    expect(events.headers.get('location')).toBe(`http://${leaderHost}/v2/events`);
    await waitFor(async () => (await tasksOf(a.url, 'via-standby')).length === 1, 'the app created through the standby to run', 20_000, 100);
    // Its deployment ends once the task runs; only the stuck one is left to carry over the failover.
    await waitFor(async () => (await call(a.url, 'GET', '/v2/deployments')).body.length === 1, 'only the stuck deployment left', 20_000, 100);
  }, 90_000);

  it('kill -9 of the leader: the standby takes over, remembers everything and launches nothing twice', async () => {
    const before = {
      apps: (await call(a.url, 'GET', '/v2/apps')).body.apps.map((x: { id: string; version: string }) => [x.id, x.version]),
      versions: (await call(a.url, 'GET', '/v2/apps/web/versions')).body.versions,
      deployments: (await call(a.url, 'GET', '/v2/deployments')).body.map((d: { id: string }) => d.id),
      tasks: (await call(a.url, 'GET', '/v2/tasks')).body.tasks.map((t: { id: string }) => t.id).sort(),
    };
    expect(before.deployments).toHaveLength(1);
    expect(before.tasks).toHaveLength(5);
    expect(await masterTasks()).toEqual(before.tasks);
    a.proc.kill('SIGKILL');
    await a.proc;
    const newFrameworkId = await cluster.leading(b, 30_000);
    expect(newFrameworkId).toBe(frameworkId);
    expect((await call(b.url, 'GET', '/v2/leader')).body.leader).toBe(new URL(b.url).host);
    expect((await call(b.url, 'GET', '/v2/apps')).body.apps.map((x: { id: string; version: string }) => [x.id, x.version])).toEqual(before.apps);
    expect((await call(b.url, 'GET', '/v2/apps/web/versions')).body.versions).toEqual(before.versions);
    expect((await call(b.url, 'GET', '/v2/deployments')).body.map((d: { id: string }) => d.id)).toEqual(before.deployments);
    // Reconciliation brings every task back to RUNNING; nothing new is launched for apps at their count.
    await waitFor(async () => {
      const tasks = (await call(b.url, 'GET', '/v2/tasks')).body.tasks;
      return tasks.length === 5 && tasks.every((t: { state: string }) => t.state === 'TASK_RUNNING');
    }, 'reconciled tasks', 20_000, 200);
    expect((await call(b.url, 'GET', '/v2/tasks')).body.tasks.map((t: { id: string }) => t.id).sort()).toEqual(before.tasks);
    expect(await masterTasks()).toEqual(before.tasks);
    // The service still works: a scale through the new leader.
    expect((await call(b.url, 'PUT', '/v2/apps/web', { instances: 1 })).status).toBe(200);
    await waitFor(async () => (await tasksOf(b.url, 'web')).length === 1, 'web scaled to 1', 20_000, 100);
    expect((await masterTasks()).length).toBe(3);
  }, 90_000);

  it('the restarted old leader joins as a standby', async () => {
    const again = await cluster.marathon();
    await waitFor(async () => (await call(again.url, 'GET', '/v2/leader')).body?.leader === new URL(b.url).host, 'the restarted instance to see the leader', 20_000, 100);
    const info = await call(again.url, 'GET', '/v2/info');
    expect(info.headers.get('x-marathon-via')).toBe(`1.1 ${new URL(again.url).host}`);
    expect(info.body.frameworkId).toBe(frameworkId);
  }, 60_000);

  it('a framework torn down at the master re-registers as a new one and relaunches its apps', async () => {
    const res = await fetch(`${cluster.master.url}/master/teardown`, { method: 'POST', body: `frameworkId=${encodeURIComponent(frameworkId)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(200);
    const fresh = await waitFor(async () => {
      const info = (await call(b.url, 'GET', '/v2/info')).body;
      return info?.elected && info.frameworkId && info.frameworkId !== frameworkId ? (info.frameworkId as string) : undefined;
    }, 'a new framework id', 30_000, 200);
    frameworkId = fresh;
    await waitFor(async () => (await masterTasks()).length === 3, 'the apps relaunched under the new framework', 30_000, 200);
    const tasks = (await call(b.url, 'GET', '/v2/tasks')).body.tasks;
    expect(tasks.map((t: { appId: string }) => t.appId).sort()).toEqual(['/stuck', '/via-standby', '/web']);
    expect(tasks.map((t: { id: string }) => t.id).sort()).toEqual(await masterTasks());
  }, 60_000);
});
