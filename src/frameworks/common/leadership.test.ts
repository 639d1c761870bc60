/**
 * FrameworkLeadership on zookeeper-lite: one leader among instances with the same --zk, node data
 * that says where the HTTP API is, hand-over on stop, and a store fenced by the election node.
 * The leader proxy: a standby forwards to the leader and streams the answer back.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../lib/logger.js';
import { waitFor } from '../../../test/helpers/wait.js';
import { startLite, type TestZk } from '../../zk/ha-servers.test-helpers.js';
import { closeClient, connectClient, type ZkClient } from '../../zk/testing/zk-daemon.test-helpers.js';
import { parseZkUrl } from '../../zk/zk-url.js';
import { installLeaderProxy } from './leader-proxy.js';
import { FrameworkLeadership } from './leadership.js';
import { NotLeaderError } from './state-store.js';

let zk: TestZk;
let raw: ZkClient;
let n = 0;
const running: FrameworkLeadership[] = [];
const servers: FastifyInstance[] = [];

beforeAll(async () => {
  zk = await startLite();
  raw = await connectClient(zk.connectString);
}, 60_000);
afterAll(async () => {
  await closeClient(raw);
  await zk?.close();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((l) => l.stop()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function join(path: string, id: string, port: number): FrameworkLeadership {
  const l = new FrameworkLeadership(parseZkUrl(`zk://${zk.connectString}${path}`), { id, hostname: '127.0.0.1', port }, { sessionTimeoutMs: 2000, log: silentLogger });
  running.push(l.start());
  return l;
}

describe('FrameworkLeadership', () => {
  it('elects one instance, whose node under <path>/leader says where it listens; others see it', async () => {
    const path = `/marathon-${++n}`;
    const a = join(path, 'a', 8081);
    await waitFor(() => a.leading, 'a to lead');
    const b = join(path, 'b', 8082);
    await waitFor(() => b.leader?.port === 8081, 'b to see a lead');
    expect(b.leading).toBe(false);
    expect(b.leaderHostPort).toBe('127.0.0.1:8081');
    expect(a.leader).toEqual({ host: '127.0.0.1', port: 8081 });
    const children = await new Promise<string[]>((res, rej) => raw.getChildren(`${path}/leader`, (e, c) => (e ? rej(e) : res(c))));
    expect(children.sort()).toEqual(['json.info_0000000000', 'json.info_0000000001']);
    const data = await new Promise<Buffer>((res, rej) => raw.getData(`${path}/leader/json.info_0000000000`, (e, d) => (e ? rej(e) : res(d))));
    expect(JSON.parse(data.toString())).toEqual({ id: 'a', hostname: '127.0.0.1', port: 8081, address: { hostname: '127.0.0.1', ip: '127.0.0.1', port: 8081 } });
  });

  it('hands over on stop; the old leader\'s store is fenced, the new one reads what was written', async () => {
    const path = `/marathon-${++n}`;
    const a = join(path, 'a', 1);
    await waitFor(() => a.leading, 'a to lead');
    const b = join(path, 'b', 2);
    expect(() => b.store()).toThrow(NotLeaderError);
    const storeA = a.store();
    await storeA.put('framework-id', { value: 'fw-1' });
    await a.stop();
    await waitFor(() => b.leading, 'b to take over');
    await expect(storeA.put('framework-id', { value: 'stale' })).rejects.toBeInstanceOf(NotLeaderError);
    const storeB = b.store();
    expect(await storeB.get('framework-id')).toEqual({ value: 'fw-1' });
    await storeB.put('framework-id', { value: 'fw-2' });
    expect(await storeB.get('framework-id')).toEqual({ value: 'fw-2' });
  });

  it('abdicate gives leadership up and the store of that term stops writing', async () => {
    const path = `/marathon-${++n}`;
    const a = join(path, 'a', 1);
    await waitFor(() => a.leading, 'a to lead');
    const b = join(path, 'b', 2);
    await waitFor(() => b.leader !== undefined, 'b to see a leader');
    const store = a.store();
    const lost: string[] = [];
    a.on('lost', (r) => lost.push(r));
    a.abdicate('test');
    await waitFor(() => b.leading, 'b to lead');
    expect(lost).toEqual(['test']);
    await expect(store.put('x', 1)).rejects.toBeInstanceOf(NotLeaderError);
  });
});

describe('installLeaderProxy', () => {
  async function server(build: (app: FastifyInstance) => void): Promise<{ app: FastifyInstance; port: number }> {
    const app = Fastify();
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_r, body, done) => done(null, body));
    build(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    servers.push(app);
    return { app, port: (app.server.address() as { port: number }).port };
  }

  it('forwards method, path, query and body to the leader, adds the headers, answers local paths itself', async () => {
    const leader = await server((app) => {
      app.all('/*', async (req, reply) => {
        reply.header('x-from', 'leader').code(201);
        return { method: req.method, url: req.url, body: Buffer.isBuffer(req.body) ? req.body.toString() : null, fwd: req.headers['x-tsmesos-forwarded'] ?? null };
      });
    });
    const state = { leading: false, leader: { host: '127.0.0.1', port: leader.port } as { host: string; port: number } | undefined, get leaderHostPort() { return this.leader ? `127.0.0.1:${this.leader.port}` : undefined; } };
    const standby = await server((app) => {
      installLeaderProxy(app, {
        leadership: state,
        localOnly: (p) => p === '/ping',
        headers: (l) => ({ 'X-Marathon-Leader': `http://${l}`, 'X-Marathon-Via': '1.1 standby' }),
        renderNoLeader: (reply) => reply.send({ message: 'Could not determine the current leader' }),
      });
      app.get('/ping', async () => 'pong');
      app.all('/v2/*', async () => ({ local: true }));
    });
    const base = `http://127.0.0.1:${standby.port}`;
    const res = await fetch(`${base}/v2/apps?embed=apps.tasks`, { method: 'POST', body: '{"id":"x"}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-from')).toBe('leader');
    expect(res.headers.get('x-marathon-leader')).toBe(`http://127.0.0.1:${leader.port}`);
    expect(res.headers.get('x-marathon-via')).toBe('1.1 standby');
    expect(await res.json()).toEqual({ method: 'POST', url: '/v2/apps?embed=apps.tasks', body: '{"id":"x"}', fwd: '1' });
    expect(await (await fetch(`${base}/ping`)).text()).toBe('pong');

    state.leader = undefined;
    const none = await fetch(`${base}/v2/apps`);
    expect(none.status).toBe(503);
    expect(await none.json()).toEqual({ message: 'Could not determine the current leader' });

    state.leading = true;
    expect(await (await fetch(`${base}/v2/apps`)).json()).toEqual({ local: true });
  });

  it('does not forward a request twice, and answers 503 when the leader is unreachable', async () => {
    const dead = await server(() => {});
    const deadPort = dead.port;
    await dead.app.close();
    servers.splice(servers.indexOf(dead.app), 1);
    const state = { leading: false, leader: { host: '127.0.0.1', port: deadPort }, leaderHostPort: `127.0.0.1:${deadPort}` };
    const standby = await server((app) => installLeaderProxy(app, { leadership: state, localOnly: () => false, renderNoLeader: (r) => r.send({ message: 'no leader' }) }));
    const base = `http://127.0.0.1:${standby.port}`;
    const unreachable = await fetch(`${base}/v2/apps`);
    expect(unreachable.status).toBe(503);
    expect(await unreachable.json()).toEqual({ message: 'no leader' });
    const looped = await fetch(`${base}/v2/apps`, { headers: { 'x-tsmesos-forwarded': '1' } });
    expect(looped.status).toBe(503);
  });
});
