/** The data tree through prep + apply, the way the server drives it (no sockets, no disk). */
import { describe, expect, it } from 'vitest';
import { applyTxn, type WatchTrigger } from './apply.js';
import { hashSetOrder } from './child-order.js';
import { KeeperError } from './keeper-error.js';
import { pathProblem, sequenceSuffix } from './path-rules.js';
import { prepWrite, type WriteOp } from './prep.js';
import { DataTree } from './tree.js';
import { CONTAINER_OWNER, CreateFlags, Err, EventType, OpCode } from './wire/protocol.js';
import type { ACL } from './wire/records.js';

const OPEN: ACL[] = [{ perms: 31, id: { scheme: 'world', id: 'anyone' } }];
const S1 = 0x0100_0000_0000_0001n;

class Harness {
  tree = new DataTree();
  triggers: WatchTrigger[] = [];
  /** Runs one write like the server: next zxid, prep, apply; failures still take the zxid. */
  run(op: WriteOp, sessionId = S1): number | string {
    const hdr = { sessionId, cxid: 0, zxid: this.tree.lastZxid + 1, time: 1000 + this.tree.lastZxid };
    this.tree.lastZxid = hdr.zxid;
    try {
      const txn = prepWrite(this.tree, { sessionId, authInfo: [{ scheme: 'ip', id: '127.0.0.1' }] }, op);
      applyTxn(this.tree, hdr, txn, this.triggers);
      return txn.type === 'create' ? txn.path : 0;
    } catch (e) {
      if (e instanceof KeeperError) return e.code;
      throw e;
    }
  }
  create(path: string, flags = 0, data = '', acl = OPEN) {
    return this.run({ op: 'create', type: OpCode.create, path, data: Buffer.from(data), acl, flags });
  }
  set(path: string, version = -1) {
    return this.run({ op: 'setData', type: OpCode.setData, path, data: Buffer.from('v'), version });
  }
  del(path: string, version = -1) {
    return this.run({ op: 'delete', type: OpCode.delete, path, version });
  }
  stat(path: string) {
    return this.tree.get(path)!.stat;
  }
}

describe('stat bookkeeping', () => {
  it('starts with the system nodes a fresh upstream 3.8 server has', () => {
    const t = new DataTree();
    expect(t.get('/')!.stat).toMatchObject({ cversion: -1, numChildren: 1, pzxid: 0 });
    expect(t.get('/zookeeper')!.stat).toMatchObject({ cversion: -2, numChildren: 2 });
    expect(t.get('/zookeeper/config')!.stat.aversion).toBe(-1);
    expect(t.childrenOf(t.get('/zookeeper')!)).toEqual(['config', 'quota']);
    expect(t.nodeCount).toBe(5);
  });

  it('create sets czxid/mzxid/pzxid and bumps the parent cversion and pzxid', () => {
    const h = new Harness();
    expect(h.create('/a', 0, 'xy')).toBe('/a');
    expect(h.stat('/a')).toMatchObject({ czxid: 1, mzxid: 1, pzxid: 1, version: 0, cversion: 0, dataLength: 2, numChildren: 0, ephemeralOwner: 0n, ctime: 1000 });
    expect(h.create('/a/b')).toBe('/a/b');
    expect(h.stat('/a')).toMatchObject({ cversion: 1, numChildren: 1, pzxid: 2, mzxid: 1 });
  });

  it('setData bumps version and mzxid only; delete bumps the parent cversion and pzxid', () => {
    const h = new Harness();
    h.create('/a');
    h.create('/a/b');
    expect(h.set('/a/b')).toBe(0);
    expect(h.stat('/a/b')).toMatchObject({ version: 1, mzxid: 3, czxid: 2 });
    expect(h.stat('/a').cversion).toBe(1);
    expect(h.del('/a/b')).toBe(0);
    expect(h.stat('/a')).toMatchObject({ cversion: 2, numChildren: 0, pzxid: 4 });
  });

  it('version checks: -1 matches any, a stale version is BADVERSION and still takes a zxid', () => {
    const h = new Harness();
    h.create('/a');
    expect(h.set('/a', 0)).toBe(0);
    expect(h.set('/a', 0)).toBe(Err.BADVERSION);
    expect(h.tree.lastZxid).toBe(3);
    expect(h.set('/a', 1)).toBe(0);
    expect(h.del('/a', 0)).toBe(Err.BADVERSION);
    expect(h.del('/a', 2)).toBe(0);
  });
});

describe('sequential names', () => {
  it('numbers children from the parent cversion, counting deletes and not failures', () => {
    const h = new Harness();
    h.create('/p');
    expect(h.create('/p/q', CreateFlags.PERSISTENT_SEQUENTIAL)).toBe('/p/q0000000000');
    expect(h.create('/p/r')).toBe('/p/r');
    expect(h.create('/p/r')).toBe(Err.NODEEXISTS);
    expect(h.create('/p/q', CreateFlags.PERSISTENT_SEQUENTIAL)).toBe('/p/q0000000002');
    h.del('/p/r');
    // Deletes bump the reported cversion but not the sequence counter (as observed on 3.8).
    expect(h.stat('/p').cversion).toBe(4);
    expect(h.create('/p/', CreateFlags.PERSISTENT_SEQUENTIAL)).toBe('/p/0000000003');
  });

  it('runs one ahead of the reported cversion under the root, as upstream does', () => {
    const h = new Harness();
    expect(h.create('/q', CreateFlags.PERSISTENT_SEQUENTIAL)).toBe('/q0000000000');
    h.create('/r');
    expect(h.stat('/').cversion).toBe(1);
    expect(h.create('/q', CreateFlags.PERSISTENT_SEQUENTIAL)).toBe('/q0000000002');
  });

  it('formats like Java %010d, sign included', () => {
    expect(sequenceSuffix(0)).toBe('0000000000');
    expect(sequenceSuffix(2147483647)).toBe('2147483647');
    expect(sequenceSuffix(-1)).toBe('-000000001');
  });
});

describe('ephemerals and containers', () => {
  it('owner is the session; no children under an ephemeral; closeSession removes them', () => {
    const h = new Harness();
    h.create('/m');
    expect(h.create('/m/json.info_', CreateFlags.EPHEMERAL_SEQUENTIAL)).toBe('/m/json.info_0000000000');
    expect(h.stat('/m/json.info_0000000000').ephemeralOwner).toBe(S1);
    expect(h.create('/m/json.info_0000000000/x')).toBe(Err.NOCHILDRENFOREPHEMERALS);
    expect(h.tree.ephemeralsOf(S1)).toEqual(['/m/json.info_0000000000']);
    h.triggers = [];
    applyTxn(h.tree, { sessionId: S1, cxid: 0, zxid: 10, time: 0 }, { type: 'closeSession', sessionId: S1 }, h.triggers);
    expect(h.tree.get('/m/json.info_0000000000')).toBeUndefined();
    expect(h.tree.ephemeralCount).toBe(0);
    expect(h.triggers).toEqual([
      { type: EventType.NodeDeleted, path: '/m/json.info_0000000000', target: 'both' },
      { type: EventType.NodeChildrenChanged, path: '/m', target: 'child' },
    ]);
  });

  it('containers get the container owner and may have children', () => {
    const h = new Harness();
    expect(h.create('/c', CreateFlags.CONTAINER)).toBe('/c');
    expect(h.stat('/c').ephemeralOwner).toBe(CONTAINER_OWNER);
    expect(h.create('/c/x')).toBe('/c/x');
  });
});

describe('errors in upstream order', () => {
  it.each([
    ['create under a missing parent', (h: Harness) => h.create('/x/y'), Err.NONODE],
    ['create with an empty ACL', (h: Harness) => h.create('/x/y', 0, '', []), Err.INVALIDACL],
    ['create with a bad name under an existing parent', (h: Harness) => h.create('/a/.'), Err.BADARGUMENTS],
    ['create under an empty parent name (parent looked up first)', (h: Harness) => h.create('/a//b'), Err.NONODE],
    ['create with a trailing slash', (h: Harness) => h.create('/a/'), Err.BADARGUMENTS],
    ['create with unknown flags', (h: Harness) => h.create('/z', 9), Err.BADARGUMENTS],
    ['create a TTL node', (h: Harness) => h.create('/z', CreateFlags.PERSISTENT_WITH_TTL), Err.UNIMPLEMENTED],
    ['create the root', (h: Harness) => h.create('/'), Err.NODEEXISTS],
    ['delete the root', (h: Harness) => h.del('/'), Err.BADARGUMENTS],
    ['delete /zookeeper/quota', (h: Harness) => h.del('/zookeeper/quota'), Err.BADARGUMENTS],
    ['delete a node with children', (h: Harness) => h.del('/a'), Err.NOTEMPTY],
    ['delete a missing node', (h: Harness) => h.del('/nope'), Err.NONODE],
    ['setData on a missing node', (h: Harness) => h.set('/nope'), Err.NONODE],
    ['setData with a relative path', (h: Harness) => h.set('/a/./b'), Err.BADARGUMENTS],
    ['create with a world ACL that is not anyone', (h: Harness) => h.create('/z', 0, '', [{ perms: 31, id: { scheme: 'world', id: 'bob' } }]), Err.INVALIDACL],
    ['create with an auth ACL and no identity', (h: Harness) => h.create('/z', 0, '', [{ perms: 31, id: { scheme: 'auth', id: '' } }]), Err.INVALIDACL],
  ])('%s', (_, op, code) => {
    const h = new Harness();
    h.create('/a');
    h.create('/a/b');
    expect(op(h)).toBe(code);
  });

  it('ACLs are enforced: a read-only parent refuses children', () => {
    const h = new Harness();
    h.create('/ro', 0, '', [{ perms: 1, id: { scheme: 'world', id: 'anyone' } }]);
    expect(h.create('/ro/x')).toBe(Err.NOAUTH);
    expect(h.set('/ro')).toBe(Err.NOAUTH);
  });
});

describe('multi journal', () => {
  it('rolls back every applied op when a later one fails', () => {
    const h = new Harness();
    h.create('/a');
    const before = JSON.stringify([...h.tree.walk()].map(([p, n]) => [p, n.stat, [...n.children]]), (_, v) => (typeof v === 'bigint' ? String(v) : v));
    h.tree.beginJournal();
    h.create('/a/x', CreateFlags.EPHEMERAL);
    h.set('/a');
    h.del('/a/x');
    h.create('/a/y', CreateFlags.EPHEMERAL_SEQUENTIAL);
    h.tree.rollbackJournal();
    const after = JSON.stringify([...h.tree.walk()].map(([p, n]) => [p, n.stat, [...n.children]]), (_, v) => (typeof v === 'bigint' ? String(v) : v));
    expect(after).toBe(before);
    expect(h.tree.ephemeralCount).toBe(0);
  });
});

describe('path rules and child order', () => {
  it.each(['', 'a', '/a/', '//', '/a//b', '/.', '/a/..', '/a\u0000b', '/a\u0001', '/\ud800', '/\ufff0'])('rejects %j', (p) => {
    expect(pathProblem(p)).toBeDefined();
  });
  it.each(['/', '/a', '/a/b.c', '/a/...', '/ü', '/json.info_0000000001'])('accepts %j', (p) => {
    expect(pathProblem(p)).toBeUndefined();
  });
  it('orders children as a Java HashSet of capacity 8 iterates them', () => {
    // Observed on ZooKeeper 3.8: children [quota, config] list as config, quota.
    expect(hashSetOrder(['quota', 'config'], 8)).toEqual(['config', 'quota']);
  });
});
