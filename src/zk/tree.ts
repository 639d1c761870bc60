/**
 * The in-memory data tree (upstream `DataTree`): znodes by path, each with data, ACL, Stat and child
 * names, plus an index of ephemerals by owning session. Pure: no I/O, no clocks; every mutation takes
 * the zxid and time of the transaction that causes it, so replaying a log rebuilds the same tree.
 *
 * Mutations can be journalled: a multi applies its ops one by one and, if a later op fails, rolls the
 * earlier ones back, which is how all-or-nothing is kept without a second copy of the tree.
 * @module
 */
import { hashSetCapacity, hashSetOrder } from './child-order.js';
import { baseName, childPath, parentOf } from './path-rules.js';
import type { ACL, Stat } from './wire/records.js';

export interface ZNode {
  data: Buffer;
  acl: ACL[];
  stat: Stat;
  children: Set<string>;
  /** Most children ever held: fixes the Java HashSet capacity that orders getChildren (child-order.ts). */
  maxChildren: number;
  /**
   * Counter for sequential children. Upstream numbers them from a cversion that counts child creates
   * but not deletes (observed on 3.8: create, delete, create-sequential gives suffix 1 while the
   * reported cversion is 2), so it is kept apart from stat.cversion.
   */
  seq: number;
}

export const OPEN_ACL: ACL[] = [{ perms: 31, id: { scheme: 'world', id: 'anyone' } }];
const READ_ACL: ACL[] = [{ perms: 1, id: { scheme: 'world', id: 'anyone' } }];

/**
 * The Stat a client sees: upstream hides the special owners of container and TTL nodes (negative
 * "ephemeralOwner" markers) and reports 0 for them.
 */
export function clientStat(s: Stat): Stat {
  return s.ephemeralOwner < 0n ? { ...s, ephemeralOwner: 0n } : { ...s };
}

function emptyStat(): Stat {
  return { czxid: 0, mzxid: 0, ctime: 0, mtime: 0, version: 0, cversion: 0, aversion: 0, ephemeralOwner: 0n, dataLength: 0, numChildren: 0, pzxid: 0 };
}

function cloneNode(n: ZNode): ZNode {
  return { data: n.data, acl: n.acl, stat: { ...n.stat }, children: new Set(n.children), maxChildren: n.maxChildren, seq: n.seq };
}

export class DataTree {
  private readonly nodes = new Map<string, ZNode>();
  private readonly ephemerals = new Map<bigint, Set<string>>();
  private journal: Map<string, ZNode | undefined> | null = null;
  /** The zxid of the last transaction applied. */
  lastZxid = 0;

  constructor() {
    // A fresh upstream 3.8 server reports these exact system-node stats (checked against Debian's
    // 3.8.0): root cversion -1, /zookeeper cversion -2, /zookeeper/config aversion -1 and read-only ACL.
    this.nodes.set('/', { data: Buffer.alloc(0), acl: OPEN_ACL, stat: { ...emptyStat(), cversion: -1, numChildren: 1 }, children: new Set(['zookeeper']), maxChildren: 1, seq: 0 });
    this.nodes.set('/zookeeper', { data: Buffer.alloc(0), acl: OPEN_ACL, stat: { ...emptyStat(), cversion: -2, numChildren: 2 }, children: new Set(['quota', 'config']), maxChildren: 2, seq: 0 });
    this.nodes.set('/zookeeper/quota', { data: Buffer.alloc(0), acl: OPEN_ACL, stat: emptyStat(), children: new Set(), maxChildren: 0, seq: 0 });
    this.nodes.set('/zookeeper/config', { data: Buffer.alloc(0), acl: READ_ACL, stat: { ...emptyStat(), aversion: -1 }, children: new Set(), maxChildren: 0, seq: 0 });
  }

  get(path: string): ZNode | undefined {
    return this.nodes.get(path);
  }

  /** Child names in the order upstream's getChildren returns them. */
  childrenOf(node: ZNode): string[] {
    return hashSetOrder(node.children, hashSetCapacity(node.maxChildren));
  }

  /** Number of znodes as upstream counts them (its map holds the root twice, as "" and "/"). */
  get nodeCount(): number {
    return this.nodes.size + 1;
  }

  get ephemeralCount(): number {
    let n = 0;
    for (const s of this.ephemerals.values()) n += s.size;
    return n;
  }

  /** Sum of path lengths and data sizes, as upstream's `approximateDataSize`. */
  approximateDataSize(): number {
    let n = 0;
    for (const [path, node] of this.nodes) n += path.length + node.data.length;
    return n;
  }

  ephemeralsOf(sessionId: bigint): string[] {
    return [...(this.ephemerals.get(sessionId) ?? [])].sort();
  }

  ephemeralOwners(): bigint[] {
    return [...this.ephemerals.keys()];
  }

  /** Every node in parent-before-child order, for snapshots and dumps. */
  *walk(path = '/'): Generator<[string, ZNode]> {
    const node = this.nodes.get(path);
    if (!node) return;
    yield [path, node];
    for (const name of [...node.children].sort()) yield* this.walk(childPath(path, name));
  }

  /** Counts all descendants (upstream getAllChildrenNumber). */
  descendantCount(path: string): number {
    let n = 0;
    for (const _ of this.walk(path)) n++;
    return n - 1;
  }

  // ---- mutations (called by apply.ts and snapshot loading only) ----

  createNode(path: string, data: Buffer, acl: ACL[], ephemeralOwner: bigint, parentCVersion: number, zxid: number, time: number): ZNode {
    const parentPath = parentOf(path);
    const parent = this.mutable(parentPath);
    if (!parent) throw new Error(`createNode ${path}: no parent`);
    this.save(path);
    const stat: Stat = { ...emptyStat(), czxid: zxid, mzxid: zxid, pzxid: zxid, ctime: time, mtime: time, ephemeralOwner, dataLength: data.length };
    const node: ZNode = { data, acl, stat, children: new Set(), maxChildren: 0, seq: 0 };
    this.nodes.set(path, node);
    parent.children.add(baseName(path));
    parent.stat.numChildren = parent.children.size;
    parent.maxChildren = Math.max(parent.maxChildren, parent.children.size);
    parent.stat.cversion = parentCVersion;
    parent.stat.pzxid = zxid;
    parent.seq = (parent.seq + 1) | 0;
    if (ephemeralOwner !== 0n && ephemeralOwner > 0n) this.indexEphemeral(ephemeralOwner, path, true);
    return node;
  }

  deleteNode(path: string, zxid: number): void {
    const node = this.nodes.get(path);
    if (!node) throw new Error(`deleteNode ${path}: no such node`);
    this.save(path);
    const parent = this.mutable(parentOf(path))!;
    this.nodes.delete(path);
    parent.children.delete(baseName(path));
    parent.stat.numChildren = parent.children.size;
    parent.stat.cversion = (parent.stat.cversion + 1) | 0;
    if (zxid > parent.stat.pzxid) parent.stat.pzxid = zxid;
    if (node.stat.ephemeralOwner > 0n) this.indexEphemeral(node.stat.ephemeralOwner, path, false);
  }

  setData(path: string, data: Buffer, version: number, zxid: number, time: number): ZNode {
    const node = this.mutable(path)!;
    node.data = data;
    node.stat.version = version;
    node.stat.mzxid = zxid;
    node.stat.mtime = time;
    node.stat.dataLength = data.length;
    return node;
  }

  setAcl(path: string, acl: ACL[], aversion: number): ZNode {
    const node = this.mutable(path)!;
    node.acl = acl;
    node.stat.aversion = aversion;
    return node;
  }

  /** Puts a node back exactly as a snapshot recorded it (parents first). */
  restoreNode(path: string, node: ZNode): void {
    this.nodes.set(path, node);
    const parent = path === '/' ? undefined : this.nodes.get(parentOf(path));
    if (parent) {
      parent.children.add(baseName(path));
      parent.maxChildren = Math.max(parent.maxChildren, parent.children.size);
    }
    if (node.stat.ephemeralOwner > 0n) this.indexEphemeral(node.stat.ephemeralOwner, path, true);
  }

  /** Drops every node, for loading a snapshot into a fresh tree. */
  clear(): void {
    this.nodes.clear();
    this.ephemerals.clear();
  }

  // ---- journal for all-or-nothing multi ----

  beginJournal(): void {
    this.journal = new Map();
  }

  commitJournal(): void {
    this.journal = null;
  }

  rollbackJournal(): void {
    const saved = this.journal;
    this.journal = null;
    if (!saved) return;
    for (const [path, before] of saved) {
      const now = this.nodes.get(path);
      if (now && now.stat.ephemeralOwner > 0n) this.indexEphemeral(now.stat.ephemeralOwner, path, false);
      if (before) {
        this.nodes.set(path, before);
        if (before.stat.ephemeralOwner > 0n) this.indexEphemeral(before.stat.ephemeralOwner, path, true);
      } else {
        this.nodes.delete(path);
      }
    }
  }

  private save(path: string): void {
    if (!this.journal || this.journal.has(path)) return;
    const n = this.nodes.get(path);
    this.journal.set(path, n ? cloneNode(n) : undefined);
  }

  private mutable(path: string): ZNode | undefined {
    this.save(path);
    return this.nodes.get(path);
  }

  private indexEphemeral(owner: bigint, path: string, add: boolean): void {
    let set = this.ephemerals.get(owner);
    if (add) {
      if (!set) this.ephemerals.set(owner, (set = new Set()));
      set.add(path);
    } else if (set) {
      set.delete(path);
      if (set.size === 0) this.ephemerals.delete(owner);
    }
  }
}
