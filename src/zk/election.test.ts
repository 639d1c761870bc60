/**
 * The contender against zookeeper-lite and, when installed, Debian's real ZooKeeper 3.8: the same
 * expectations must hold on both, since a cluster may move from one to the other.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../test/helpers/wait.js';
import { Contender } from './election.js';
import { SERVERS, type TestZk, warnIfRealMissing } from './ha-servers.test-helpers.js';
import { call, closeClient, codeOf, connectClient, type ZkClient, zookeeper } from './testing/zk-daemon.test-helpers.js';
import { parseZkUrl } from './zk-url.js';

warnIfRealMissing('src/zk/election.test.ts');

function masterInfo(id: string, port: number) {
  return { id, ip: 16777343, port, pid: `master@127.0.0.1:${port}`, hostname: 'localhost', version: '1.11.0', address: { hostname: 'localhost', ip: '127.0.0.1', port }, capabilities: [{ type: 'AGENT_UPDATE' }] };
}

/** Every elected/lost with its time, across contenders: leadership intervals must never overlap. */
type Log = Array<{ who: string; what: 'elected' | 'lost'; at: number }>;

function maxConcurrentLeaders(log: Log): number {
  let now = 0;
  let max = 0;
  for (const e of log) {
    now += e.what === 'elected' ? 1 : -1;
    max = Math.max(max, now);
  }
  return max;
}

describe.each(SERVERS)('Contender on %s', (_name, startServer) => {
  let zk: TestZk;
  let raw: ZkClient;
  let n = 0;
  let path = '';
  const running: Contender[] = [];
  const log: Log = [];
  /** The leader each contender last reported (by MasterInfo id). */
  const seenLeader = new Map<Contender, string | undefined>();

  beforeAll(async () => {
    zk = await startServer();
    raw = await connectClient(zk.connectString);
  }, 60_000);
  afterAll(async () => {
    await closeClient(raw);
    await zk?.close();
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((c) => c.stop()));
    log.length = 0;
    seenLeader.clear();
  });

  async function contend(id: string, sessionTimeoutMs = 2000, url = `zk://${zk.connectString}${path}`): Promise<Contender> {
    const port = 5050 + running.length;
    const c = new Contender(parseZkUrl(url), () => masterInfo(id, port), { sessionTimeoutMs, retryMs: 50 });
    c.on('elected', () => log.push({ who: id, what: 'elected', at: Date.now() }));
    c.on('lost', (why) => {
      log.push({ who: id, what: 'lost', at: Date.now() });
      if (process.env.DEBUG_HA) console.log(id, 'lost:', why);
    });
    c.on('leader', (l) => seenLeader.set(c, l?.id));
    running.push(c);
    const joined = new Promise<void>((r) => c.once('joined', () => r()));
    c.start();
    await joined;
    return c;
  }

  const fresh = () => (path = `/mesos-${++n}`);

  it('elects exactly one: the lowest json.info_ node, whose data is the MasterInfo JSON', async () => {
    fresh();
    const [a, b, c] = [await contend('m0'), await contend('m1'), await contend('m2')];
    await waitFor(() => a.leading, 'm0 to lead');
    await waitFor(() => [a, b, c].every((x) => seenLeader.get(x) === 'm0'), 'everyone to see m0 lead');
    expect([b.leading, c.leading]).toEqual([false, false]);
    const [children] = await call<[string[]]>((cb) => raw.getChildren(path, cb));
    expect(children.sort()).toEqual(['json.info_0000000000', 'json.info_0000000001', 'json.info_0000000002']);
    const [data, stat] = await call<[Buffer, zookeeper.Stat]>((cb) => raw.getData(`${path}/json.info_0000000000`, cb));
    expect(JSON.parse(data.toString())).toEqual(masterInfo('m0', 5050));
    expect(stat.ephemeralOwner.equals(Buffer.alloc(8))).toBe(false);
    expect(a.node).toBe('json.info_0000000000');
    expect(maxConcurrentLeaders(log)).toBe(1);
  });

  it('hands over when the leader leaves, and every contender reports the new leader', async () => {
    fresh();
    const a = await contend('m0');
    const b = await contend('m1');
    const c = await contend('m2');
    await waitFor(() => a.leading, 'm0 to lead');
    const t0 = Date.now();
    await a.stop();
    await waitFor(() => b.leading, 'm1 to take over');
    console.log(`[${zk.kind}] graceful hand-over in ${Date.now() - t0} ms`);
    await waitFor(() => seenLeader.get(c) === 'm1', 'm2 to see m1 lead');
    expect(c.leading).toBe(false);
    expect(maxConcurrentLeaders(log)).toBe(1);
  });

  it('a leader that loses its session steps down before anyone else leads; leadership resumes after the outage', async () => {
    fresh();
    const timeout = 800;
    const a = await contend('m0', timeout);
    const b = await contend('m1', timeout);
    await waitFor(() => a.leading, 'm0 to lead');
    const crashedAt = Date.now();
    await zk.crash();
    await waitFor(() => !a.leading, 'm0 to step down', 10_000, 5);
    const stepDown = Date.now() - crashedAt;
    console.log(`[${zk.kind}] leader stepped down ${stepDown} ms after ZooKeeper went away (session timeout ${a.session?.timeoutMs} ms)`);
    expect(stepDown).toBeLessThan(timeout * 3);
    expect(b.leading).toBe(false);
    await zk.restart();
    // The suite's own client may have lost its session in the outage too: start a fresh one.
    await closeClient(raw);
    raw = await connectClient(zk.connectString);
    await waitFor(() => a.leading || b.leading, 'a leader after the outage', 20_000);
    expect(maxConcurrentLeaders(log)).toBe(1);
    expect([a.leading, b.leading].filter(Boolean)).toHaveLength(1);
  }, 60_000);

  it('joins again when its node is deleted', async () => {
    fresh();
    const a = await contend('m0');
    const b = await contend('m1');
    await waitFor(() => a.leading, 'm0 to lead');
    const old = a.node!;
    await call((cb) => raw.remove(`${path}/${old}`, cb));
    await waitFor(() => b.leading, 'm1 to lead');
    await waitFor(() => a.node !== undefined && a.node !== old, 'm0 to join again');
    expect(a.leading).toBe(false);
    // No overlap check here: both learn of the deletion from the same child watch, in either order
    // (upstream has the same window: only the session, not a deleted node, fences a leader).
  });

  it('counts a legacy info_ member in the order without decoding it', async () => {
    fresh();
    await call((cb) => raw.mkdirp(path, cb));
    const [legacy] = await call<[string]>((cb) => raw.create(`${path}/info_`, Buffer.from([0x0a, 0x02, 0x69, 0x64]), zookeeper.CreateMode.PERSISTENT_SEQUENTIAL, cb));
    const a = await contend('m0');
    expect(a.node).toBe('json.info_0000000001');
    await waitFor(() => seenLeader.has(a), 'm0 to see the group');
    expect(seenLeader.get(a)).toBeUndefined();
    expect(a.leading).toBe(false);
    await call((cb) => raw.remove(legacy, cb));
    await waitFor(() => a.leading, 'm0 to lead once the legacy member is gone');
  });

  it('with digest credentials: members are world-readable and only their creator may change them', async () => {
    fresh();
    const a = await contend('m0', 2000, `zk://alice:secret@${zk.connectString}${path}`);
    await waitFor(() => a.leading, 'm0 to lead');
    const [data] = await call<[Buffer]>((cb) => raw.getData(`${path}/${a.node}`, cb));
    expect(JSON.parse(data.toString()).id).toBe('m0');
    expect(await codeOf(call((cb) => raw.remove(`${path}/${a.node}`, cb)))).toBe(zookeeper.Exception.NO_AUTH);
  });
});
