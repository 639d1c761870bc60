/** The shared scheduler driver against the built master: subscribe, launch, ack, follow 307s, survive restarts. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Backoff } from '../../src/frameworks/driver/backoff.js';
import { fixedMaster } from '../../src/frameworks/driver/leader-url.js';
import { SchedulerDriver } from '../../src/frameworks/driver/scheduler-driver.js';
import { silentLogger } from '../../src/lib/logger.js';
import { encodeRecord } from '../../src/protocol/recordio.js';
import { TestCluster } from '../helpers/cluster.js';
import { startMaster } from '../helpers/daemon.js';
import { getJson } from '../helpers/http.js';
import { commandTask } from '../helpers/scheduler.js';
import { waitFor } from '../helpers/wait.js';

const cluster = new TestCluster();
afterEach(() => cluster.cleanup());

function driver(url: string, extra: Partial<ConstructorParameters<typeof SchedulerDriver>[0]> = {}) {
  const d = new SchedulerDriver({ framework: { user: 'root', name: 'driven', failover_timeout: 3600, checkpoint: true }, master: fixedMaster(url), log: silentLogger, backoff: new Backoff(50, 500), ...extra });
  const events: Array<[string, any]> = [];
  for (const name of ['subscribed', 'offers', 'update', 'error', 'disconnected']) d.on(name, (x: unknown) => events.push([name, x]));
  cluster.defer(() => d.stop());
  return { d, events };
}

/** A stub server: answers SUBSCRIBE with `handler` and counts the calls. */
async function stub(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  let subscribes = 0;
  const server = http.createServer((req, res) => {
    subscribes++;
    req.resume();
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cluster.defer(
    () =>
      new Promise((r) => {
        server.close(r);
        server.closeAllConnections();
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, count: () => subscribes };
}

describe('SchedulerDriver', () => {
  it('subscribes, launches on an offer and acknowledges updates itself', async () => {
    const m = await cluster.master();
    const agent = cluster.agent(m.url);
    const { d, events } = driver(m.url);
    d.start();
    const offers = await waitFor(() => events.find(([n]) => n === 'offers')?.[1], 'offers');
    const offer = offers[0];
    await d.accept([offer.id.value], [{ type: 'LAUNCH', launch: { task_infos: [{ ...commandTask('d1', 1, 64), agent_id: offer.agent_id }] } }]);
    await waitFor(() => events.some(([n, s]) => n === 'update' && s.state === 'TASK_RUNNING'), 'TASK_RUNNING');
    await waitFor(() => agent.updates.pending().length === 0, 'every update acknowledged');
  });

  it('follows a protocol-relative 307 from a non-leading master', async () => {
    const m = await cluster.master();
    const port = new URL(m.url).port;
    const standby = await stub((_req, res) => res.writeHead(307, { Location: `//127.0.0.1:${port}/api/v1/scheduler` }).end());
    const { d, events } = driver(standby.url);
    d.start();
    await waitFor(() => events.find(([n]) => n === 'subscribed'), 'subscribed through the redirect');
    expect(standby.count()).toBe(1);
    expect((await getJson(`${m.url}/master/frameworks`)).frameworks.map((f: any) => f.name)).toEqual(['driven']);
  });

  it('reconnects when heartbeats stop', async () => {
    const silent = await stub((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Mesos-Stream-Id': 'x' });
      res.write(encodeRecord({ type: 'SUBSCRIBED', subscribed: { framework_id: { value: 'f-0000' }, heartbeat_interval_seconds: 0.05 } }));
    });
    const { d } = driver(silent.url, { missedHeartbeats: 2 });
    d.start();
    await waitFor(() => silent.count() >= 3, 'resubscriptions after silence');
    expect(d.frameworkId).toBe('f-0000');
  });

  it('resubscribes with its framework id after a master restart and reconciles its tasks', async () => {
    const m1 = await startMaster(['--allocation_interval=50ms']);
    const port = new URL(m1.url).port;
    cluster.agent(m1.url, { backoffFactorMs: 50 });
    const { d, events } = driver(m1.url, { knownTasks: () => [{ task_id: { value: 'r1' } }] });
    d.start();
    const offers = await waitFor(() => events.find(([n]) => n === 'offers')?.[1], 'offers');
    await d.accept([offers[0].id.value], [{ type: 'LAUNCH', launch: { task_infos: [{ ...commandTask('r1', 1, 64), agent_id: offers[0].agent_id }] } }]);
    await waitFor(() => events.some(([n, s]) => n === 'update' && s.state === 'TASK_RUNNING'), 'TASK_RUNNING');
    const fwId = d.frameworkId;
    await m1.stop();
    await waitFor(() => events.some(([n]) => n === 'disconnected'), 'disconnected');
    const m2 = await cluster.master([`--port=${port}`]);
    const mark = events.length;
    await waitFor(() => events.slice(mark).some(([n]) => n === 'subscribed'), 'resubscribed', 15_000);
    expect(d.frameworkId).toBe(fwId);
    const recon = await waitFor(() => events.slice(mark).find(([n, s]) => n === 'update' && s.reason === 'REASON_RECONCILIATION' && s.task_id.value === 'r1')?.[1], 'reconciliation of r1', 15_000);
    expect(['TASK_RUNNING', 'TASK_LOST']).toContain(recon.state);
    expect((await getJson(`${m2.url}/master/frameworks`)).frameworks.map((f: any) => f.id)).toEqual([fwId]);
  });

  it('stops for good when the master says the framework has been removed', async () => {
    const m = await cluster.master();
    const { d, events } = driver(m.url);
    d.start();
    await waitFor(() => events.find(([n]) => n === 'subscribed'), 'subscribed');
    const id = d.frameworkId!;
    await fetch(`${m.url}/master/teardown`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `frameworkId=${id}` });
    await waitFor(() => events.find(([n, msg]) => n === 'error' && /removed/.test(msg)), 'ERROR Framework has been removed', 10_000);
    expect(d.connected).toBe(false);
  });
});

describe('SchedulerDriver with zk://', () => {
  it('finds the leader through ZooKeeper and follows a failover with the same framework id', async () => {
    const { haCluster } = await import('./ha-harness.js');
    const { masterSource } = await import('../../src/frameworks/driver/master-source.js');
    const c = await haCluster(2);
    cluster.defer(() => c.cleanup());
    const leader1 = await c.leader();
    const source = masterSource(c.zkUrl, silentLogger, 2000);
    cluster.defer(() => source.stop());
    const d = new SchedulerDriver({ framework: { user: 'root', name: 'zk-driven', failover_timeout: 3600 }, master: source.resolver, log: silentLogger, backoff: new Backoff(50, 500) });
    source.onChange(() => d.leaderChanged());
    cluster.defer(() => d.stop());
    const subscribed: string[] = [];
    d.on('subscribed', (id: string) => subscribed.push(id));
    d.start();
    await waitFor(() => subscribed.length === 1, 'subscribed to the leader');
    expect((await getJson(`${leader1.url}/master/frameworks`)).frameworks.map((f: any) => f.name)).toEqual(['zk-driven']);
    leader1.proc.kill('SIGKILL');
    await leader1.proc;
    const leader2 = await c.leader(15_000);
    await waitFor(() => subscribed.length === 2, 'resubscribed to the new leader', 15_000);
    expect(subscribed[1]).toBe(subscribed[0]);
    expect((await getJson(`${leader2.url}/master/frameworks`)).frameworks.map((f: any) => f.id)).toEqual([subscribed[0]]);
  });
});
