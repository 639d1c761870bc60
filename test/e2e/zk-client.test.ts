/**
 * zookeeper-lite through the unmodified npm client node-zookeeper-client: CRUD with versions and
 * upstream error codes, ephemeral + sequential nodes the way Mesos masters use them, one-shot
 * watches, multi atomicity, and four-letter words on a raw socket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, closeClient, codeOf, connectClient, fourLetter, startZkLite, statOf, type ZkClient, type ZkLite, zookeeper } from '../../src/zk/testing/zk-daemon.test-helpers.js';
import { waitFor } from '../helpers/wait.js';

const { CreateMode, Exception } = zookeeper;
let zk: ZkLite;
let c: ZkClient;

beforeAll(async () => {
  zk = await startZkLite();
  c = await connectClient(zk.connectString);
});
afterAll(async () => {
  if (c) await closeClient(c);
  await zk?.stop();
});

describe('create / get / set / delete', () => {
  it('round-trips data and keeps versions', async () => {
    const [path] = await call<[string]>((cb) => c.create('/crud', Buffer.from('one'), cb));
    expect(path).toBe('/crud');
    const [data, stat] = await call<[Buffer, zookeeper.Stat]>((cb) => c.getData('/crud', cb));
    expect(data.toString()).toBe('one');
    expect(statOf(stat)).toMatchObject({ version: 0, dataLength: 3, numChildren: 0, ephemeralOwner: 0n });
    const [s1] = await call<[zookeeper.Stat]>((cb) => c.setData('/crud', Buffer.from('two'), 0, cb));
    expect(statOf(s1).version).toBe(1);
    expect(statOf(s1).mzxid).toBeGreaterThan(statOf(stat).mzxid as bigint);
    expect(await codeOf(call((cb) => c.setData('/crud', Buffer.from('x'), 0, cb)))).toBe(Exception.BAD_VERSION);
    expect(await codeOf(call((cb) => c.remove('/crud', 0, cb)))).toBe(Exception.BAD_VERSION);
    await call((cb) => c.remove('/crud', 1, cb));
    expect(await codeOf(call((cb) => c.getData('/crud', cb)))).toBe(Exception.NO_NODE);
  });

  it('answers the upstream error codes', async () => {
    await call((cb) => c.create('/errs', cb));
    await call((cb) => c.create('/errs/child', cb));
    expect(await codeOf(call((cb) => c.create('/errs', cb)))).toBe(Exception.NODE_EXISTS);
    expect(await codeOf(call((cb) => c.create('/missing/child', cb)))).toBe(Exception.NO_NODE);
    expect(await codeOf(call((cb) => c.remove('/errs', -1, cb)))).toBe(Exception.NOT_EMPTY);
    expect(await codeOf(call((cb) => c.remove('/zookeeper', -1, cb)))).toBe(Exception.BAD_ARGUMENTS);
    expect(await codeOf(call((cb) => c.exists('/nowhere', cb)))).toBe(0);
  });

  it('getChildren2 reports cversion and numChildren; ACLs read back', async () => {
    await call((cb) => c.mkdirp('/kids/a', cb));
    await call((cb) => c.create('/kids/b', cb));
    const [children, stat] = await call<[string[], zookeeper.Stat]>((cb) => c.getChildren('/kids', cb));
    expect(children.sort()).toEqual(['a', 'b']);
    expect(statOf(stat)).toMatchObject({ numChildren: 2, cversion: 2 });
    const [acls] = await call<[zookeeper.ACL[]]>((cb) => c.getACL('/kids', cb));
    expect(acls.map((a) => [(a as unknown as { permission: number }).permission, a.id.scheme, a.id.id])).toEqual([[31, 'world', 'anyone']]);
    const [after] = await call<[zookeeper.Stat]>((cb) => c.setACL('/kids/a', [new zookeeper.ACL(zookeeper.Permission.READ, new zookeeper.Id('world', 'anyone'))], -1, cb));
    expect(statOf(after).aversion).toBe(1);
    expect(await codeOf(call((cb) => c.setData('/kids/a', Buffer.from('x'), -1, cb)))).toBe(Exception.NO_AUTH);
  });
});

describe('ephemeral and sequential nodes (Mesos leader election shape)', () => {
  it('numbers json.info_ children from 0000000000 and owns them by session', async () => {
    await call((cb) => c.mkdirp('/mesos', cb));
    const [p0] = await call<[string]>((cb) => c.create('/mesos/json.info_', Buffer.from('{"id":"m1"}'), CreateMode.EPHEMERAL_SEQUENTIAL, cb));
    const [p1] = await call<[string]>((cb) => c.create('/mesos/json.info_', Buffer.from('{"id":"m2"}'), CreateMode.EPHEMERAL_SEQUENTIAL, cb));
    expect([p0, p1]).toEqual(['/mesos/json.info_0000000000', '/mesos/json.info_0000000001']);
    const [, stat] = await call<[Buffer, zookeeper.Stat]>((cb) => c.getData(p0, cb));
    expect(statOf(stat).ephemeralOwner).toBe(c.getSessionId().readBigInt64BE(0));
    expect(await codeOf(call((cb) => c.create(`${p0}/x`, cb)))).toBe(Exception.NO_CHILDREN_FOR_EPHEMERALS);
  });

  it('removes ephemerals when their session closes', async () => {
    const other = await connectClient(zk.connectString);
    await call((cb) => other.create('/mesos/json.info_', Buffer.alloc(0), CreateMode.EPHEMERAL_SEQUENTIAL, cb));
    const [before] = await call<[string[]]>((cb) => c.getChildren('/mesos', cb));
    await closeClient(other);
    const [after] = await call<[string[]]>((cb) => c.getChildren('/mesos', cb));
    expect(before.length - after.length).toBe(1);
  });
});

describe('watches', () => {
  it('data, exists and child watches fire once each, before the change is readable', async () => {
    await call((cb) => c.create('/w', Buffer.from('0'), cb));
    const events: string[] = [];
    await call((cb) => c.getData('/w', (e) => events.push(`data:${e.getName()}:${e.getPath()}`), cb));
    await call((cb) => c.exists('/w/new', (e) => events.push(`exists:${e.getName()}`), cb));
    await call((cb) => c.getChildren('/w', (e) => events.push(`child:${e.getName()}`), cb));
    await call((cb) => c.setData('/w', Buffer.from('1'), -1, cb));
    await call((cb) => c.setData('/w', Buffer.from('2'), -1, cb));
    await call((cb) => c.create('/w/new', cb));
    await call((cb) => c.create('/w/newer', cb));
    await waitFor(() => events.length >= 3, 'three watch events');
    expect(events).toEqual(['data:NODE_DATA_CHANGED:/w', 'exists:NODE_CREATED', 'child:NODE_CHILDREN_CHANGED']);
  });

  it("another session's delete triggers NODE_DELETED", async () => {
    await call((cb) => c.create('/gone', cb));
    const seen: string[] = [];
    await call((cb) => c.exists('/gone', (e) => seen.push(e.getName()), cb));
    const other = await connectClient(zk.connectString);
    await call((cb) => other.remove('/gone', -1, cb));
    await closeClient(other);
    await waitFor(() => seen.length === 1, 'NODE_DELETED');
    expect(seen).toEqual(['NODE_DELETED']);
  });
});

describe('multi', () => {
  it('applies all ops or none, with per-op error results', async () => {
    await call((cb) => c.create('/tx', cb));
    await expect(call((cb) => c.transaction().create('/tx/a').create('/tx').create('/tx/b').commit(cb))).rejects.toMatchObject({ code: Exception.NODE_EXISTS });
    const [kids] = await call<[string[]]>((cb) => c.getChildren('/tx', cb));
    expect(kids).toEqual([]);
    const [results] = await call<[{ type: number; path?: string }[]]>((cb) => c.transaction().create('/tx/a').setData('/tx', Buffer.from('v')).check('/tx', 1).remove('/tx/a').commit(cb));
    expect(results.map((r) => r.type)).toEqual([1, 5, 13, 2]);
    expect(results[0]!.path).toBe('/tx/a');
    const [, stat] = await call<[Buffer, zookeeper.Stat]>((cb) => c.getData('/tx', cb));
    expect(statOf(stat)).toMatchObject({ version: 1, cversion: 2, numChildren: 0 });
  });
});

describe('four-letter words on the client port', () => {
  it.each([
    ['ruok', /^imok$/],
    ['srvr', /Zookeeper version: 3\.8\.0[\s\S]*Mode: standalone[\s\S]*Node count: \d+/],
    ['stat', /Clients:\n \/127\.0\.0\.1:\d+\[[01]\]\(queued=\d+,recved=\d+,sent=\d+\)[\s\S]*Mode: standalone/],
    ['mntr', /zk_server_state\tstandalone[\s\S]*zk_znode_count\t\d+/],
    ['cons', /sid=0x[0-9a-f]+,lop=\w+/],
    ['envi', /^Environment:\nzookeeper\.version=3\.8\.0/],
    ['isro', /^rw$/],
    ['wchs', /connections watching \d+ paths/],
  ])('%s', async (word, expected) => {
    expect(await fourLetter(zk.port, word)).toMatch(expected);
  });

  it('keeps serving clients after a word', async () => {
    await fourLetter(zk.port, 'stat\n');
    expect(await call((cb) => c.exists('/', cb))).toBeDefined();
  });
});
