/**
 * The StateStore contract, run against MemoryStateStore and ZkStateStore on zookeeper-lite: both
 * must behave alike, since unit tests use the first
 * and the daemons the second. Plus the fencing that only the ZooKeeper store has.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zookeeper from 'node-zookeeper-client';
import { ZkSession } from '../../zk/client-session.js';
import { startLite, type TestZk } from '../../zk/ha-servers.test-helpers.js';
import { parseZkUrl } from '../../zk/zk-url.js';
import { decodeSegment, keySegment, MemoryStateStore, NotLeaderError, type StateStore } from './state-store.js';
import { ZkStateStore } from './zk-state-store.js';

let zk: TestZk;
let session: ZkSession;
let n = 0;

beforeAll(async () => {
  zk = await startLite();
  session = new ZkSession(parseZkUrl(`zk://${zk.connectString}/t`), { sessionTimeoutMs: 4000 });
  await session.connect();
}, 60_000);
afterAll(async () => {
  await session?.close();
  await zk?.close();
});

/** A fresh ZkStateStore under its own root, fenced by a node we create (and may delete). */
async function zkStore(): Promise<{ store: ZkStateStore; fence: string; root: string }> {
  const root = `/fw-${++n}`;
  await session.mkdirp(`${root}/leader`);
  const fence = await session.create(`${root}/leader/json.info_`, Buffer.from('{}'), zookeeper.CreateMode.EPHEMERAL_SEQUENTIAL);
  return { store: new ZkStateStore(session, `${root}/state`, () => fence), fence, root };
}

const kinds: Array<[string, () => Promise<StateStore>]> = [
  ['MemoryStateStore', async () => new MemoryStateStore()],
  ['ZkStateStore', async () => (await zkStore()).store],
];

describe.each(kinds)('%s', (_name, make) => {
  it('stores JSON documents by key and reads them back; missing keys are undefined', async () => {
    const s = await make();
    expect(await s.get('framework-id')).toBeUndefined();
    await s.put('framework-id', { value: 'abc-0001' });
    await s.put(`apps/${keySegment('/a/b')}`, { id: '/a/b', instances: 3, env: { X: 'ü' } });
    expect(await s.get('framework-id')).toEqual({ value: 'abc-0001' });
    expect(await s.get(`apps/${keySegment('/a/b')}`)).toEqual({ id: '/a/b', instances: 3, env: { X: 'ü' } });
    await s.put('framework-id', { value: 'abc-0002' });
    expect(await s.get('framework-id')).toEqual({ value: 'abc-0002' });
  });

  it('lists the children of a directory (and [] for a missing one), decodable back to ids', async () => {
    const s = await make();
    expect(await s.list('apps')).toEqual([]);
    for (const id of ['/x', '/a/b', '/a.b']) await s.put(`apps/${keySegment(id)}`, { id });
    await s.put('deployments/d1', { id: 'd1' });
    expect((await s.list('apps')).map(decodeSegment).sort()).toEqual(['/a.b', '/a/b', '/x']);
    expect((await s.list('')).sort()).toEqual(['apps', 'deployments']);
  });

  it('delete removes a key with everything below it; deleting nothing is fine', async () => {
    const s = await make();
    await s.put('versions/app1/2020-01-01T00:00:00.000Z', { v: 1 });
    await s.put('versions/app1/2020-01-02T00:00:00.000Z', { v: 2 });
    await s.put('versions/app2/2020-01-01T00:00:00.000Z', { v: 3 });
    await s.delete('versions/app1');
    expect(await s.list('versions')).toEqual(['app2']);
    await s.delete('versions/nothing-here');
    await s.delete('never');
    expect(await s.get('versions/app2/2020-01-01T00:00:00.000Z')).toEqual({ v: 3 });
  });

  it('writes under a directory again after the directory was deleted', async () => {
    const s = await make();
    await s.put('versions/a/v1', 1);
    await s.delete('versions/a');
    await s.put('versions/a/v2', 2);
    await s.putMany([{ key: 'versions/a/v3', value: 3 }, { key: 'versions/b/v1', value: 4 }]);
    expect(await s.list('versions/a')).toEqual(['v2', 'v3']);
  });

  it('putMany applies creates, updates and deletes together', async () => {
    const s = await make();
    await s.put('instances/i1', { state: 'RUNNING' });
    await s.putMany([
      { key: 'instances/i1' },
      { key: 'instances/i2', value: { state: 'STAGING' } },
      { key: 'deployments/d9', value: { id: 'd9' } },
      { key: 'apps/a', value: { id: '/a' } },
    ]);
    expect(await s.list('instances')).toEqual(['i2']);
    expect(await s.get('deployments/d9')).toEqual({ id: 'd9' });
    await s.putMany([]);
  });

  it('rejects keys that are not relative slash paths', async () => {
    const s = await make();
    for (const bad of ['', '/abs', 'a//b', 'a/../b', 'has space', 'trailing/']) {
      await expect(s.put(bad, 1), bad).rejects.toThrow(/bad state key/);
    }
  });
});

describe('ZkStateStore fencing and atomicity', () => {
  it('keeps one znode per key under <root>/state with the JSON as data', async () => {
    const { store, root } = await zkStore();
    await store.put(`apps/${keySegment('/web')}`, { id: '/web' });
    const data = await session.getData(`${root}/state/apps/%2Fweb`);
    expect(JSON.parse(data!.toString())).toEqual({ id: '/web' });
  });

  it('a writer whose election node is gone can not write, and nothing of its batch applies', async () => {
    const { store, fence } = await zkStore();
    await store.put('apps/a', { v: 1 });
    await new Promise<void>((res, rej) => session.client.remove(fence, (e) => (e ? rej(e) : res())));
    await expect(store.putMany([{ key: 'apps/b', value: { v: 2 } }, { key: 'apps/a', value: { v: 3 } }])).rejects.toBeInstanceOf(NotLeaderError);
    await expect(store.delete('apps/a')).rejects.toBeInstanceOf(NotLeaderError);
    await expect(store.delete('apps/none')).rejects.toBeInstanceOf(NotLeaderError);
    expect(await store.get('apps/a')).toEqual({ v: 1 });
    expect(await store.get('apps/b')).toBeUndefined();
  });

  it('refuses to write at all when the fence function says we do not lead', async () => {
    const root = `/fw-${++n}`;
    const store = new ZkStateStore(session, `${root}/state`, () => undefined);
    await expect(store.put('x', 1)).rejects.toBeInstanceOf(NotLeaderError);
    expect(await store.list('')).toEqual([]);
  });

  it('recovers when its picture of what exists is stale (another writer created or removed keys)', async () => {
    const { store, fence, root } = await zkStore();
    const other = new ZkStateStore(session, `${root}/state`, () => fence);
    await store.put('apps/a', { v: 1 });
    await other.put('apps/b', { v: 1 });
    await store.putMany([{ key: 'apps/b', value: { v: 2 } }, { key: 'apps/c', value: { v: 1 } }]);
    await other.delete('apps/a');
    await store.put('apps/a', { v: 3 });
    expect(await other.get('apps/a')).toEqual({ v: 3 });
    expect(await other.get('apps/b')).toEqual({ v: 2 });
    expect(await other.list('apps')).toEqual(['a', 'b', 'c']);
  });

  it('a failing op in a batch leaves the whole batch unapplied', async () => {
    const { store } = await zkStore();
    await store.put('a', { v: 1 });
    // A value bigger than the multi limit fails before anything is sent.
    await expect(store.putMany([{ key: 'a', value: { v: 2 } }, { key: 'big', value: 'x'.repeat(1_000_000) }])).rejects.toThrow(/multi limit/);
    expect(await store.get('a')).toEqual({ v: 1 });
  });
});
