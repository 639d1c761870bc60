/**
 * A StateStore in ZooKeeper: one persistent znode per key under `<zk path>/state/…`, JSON data.
 * Every write is a multi whose first op checks the writer's own leader-election node (the fence),
 * so an instance whose candidacy ended (session expired, node deleted) can write nothing more:
 * the multi fails on the check and nothing of it applies. Parent znodes are created beforehand
 * (empty, idempotent), outside the fence; they carry no state of their own.
 * @module
 */
import zookeeper from 'node-zookeeper-client';
import { type ZkSession, zkCode } from '../../zk/client-session.js';
import { keyParts, NotLeaderError, type StateStore } from './state-store.js';

const { Exception } = zookeeper;

/** Keeps one multi under ZooKeeper's default 1 MB request limit. */
export const MAX_MULTI_BYTES = 900 * 1024;

type Op = { key: string; value?: unknown };

export class ZkStateStore implements StateStore {
  constructor(
    private readonly session: ZkSession,
    /** Absolute znode path of the store, e.g. `/marathon/state`. */
    readonly root: string,
    /** The full path of our election node while we lead, undefined otherwise. */
    private readonly fence: () => string | undefined,
  ) {}

  private path(key: string, allowRoot = false): string {
    const parts = keyParts(key, allowRoot);
    return parts.length === 0 ? this.root : `${this.root}/${parts.join('/')}`;
  }

  async get<T>(key: string): Promise<T | undefined> {
    const path = this.path(key);
    const data = await this.session.getData(path);
    if (data !== undefined) this.known.add(path);
    if (data === undefined || data.length === 0) return undefined;
    return JSON.parse(data.toString('utf8')) as T;
  }

  async list(dir: string): Promise<string[]> {
    try {
      const path = this.path(dir, true);
      const children = (await this.session.getChildren(path)).sort();
      for (const c of children) this.known.add(`${path}/${c}`);
      return children;
    } catch (e) {
      if (zkCode(e) === Exception.NO_NODE) return [];
      throw e;
    }
  }

  put(key: string, value: unknown): Promise<void> {
    return this.putMany([{ key, value }]);
  }

  delete(key: string): Promise<void> {
    return this.putMany([{ key }]);
  }

  async putMany(ops: Op[]): Promise<void> {
    if (ops.length === 0) return;
    const fence = this.fence();
    if (fence === undefined) throw new NotLeaderError();
    const bytes = ops.reduce((n, op) => n + op.key.length + 64 + (op.value === undefined ? 0 : JSON.stringify(op.value).length), 0);
    if (bytes > MAX_MULTI_BYTES) throw new Error(`state batch of ${bytes} bytes is over the ${MAX_MULTI_BYTES}-byte multi limit`);
    // First try trusts what this store knows exists (no reads before the multi); when that picture
    // was wrong (NODE_EXISTS, NO_NODE, NOT_EMPTY), it forgets it and tries again with reads.
    for (let attempt = 0; ; attempt++) {
      const plan = await this.plan(ops, attempt > 0);
      try {
        await this.commit(fence, plan);
        for (const op of plan) {
          if (op.kind === 'remove') {
            this.dirs.delete(op.path);
            this.known.delete(op.path);
          } else this.known.add(op.path);
        }
        return;
      } catch (e) {
        this.dirs.clear();
        this.known.clear();
        const code = zkCode(e);
        if (attempt < 2 && !(e instanceof NotLeaderError) && (code === Exception.NODE_EXISTS || code === Exception.NO_NODE || code === Exception.NOT_EMPTY)) continue;
        throw e;
      }
    }
  }

  /** Znodes this store has seen or written and not removed since (saves a read per write). */
  private readonly known = new Set<string>();

  /** Turns key ops into znode ops: parents made, existing nodes set, deletes expanded to subtrees. */
  private async plan(ops: Op[], read: boolean): Promise<PlannedOp[]> {
    // Existence checks and parent creation for the whole batch at once (in parallel).
    const planned = await Promise.all(
      ops.map(async (op): Promise<PlannedOp[]> => {
        const path = this.path(op.key);
        if (op.value === undefined) return (await this.subtree(path)).map((p) => ({ kind: 'remove' as const, path: p }));
        const data = Buffer.from(JSON.stringify(op.value));
        if (read ? await this.exists(path) : this.known.has(path)) return [{ kind: 'set', path, data }];
        await this.ensureDir(path.slice(0, path.lastIndexOf('/')));
        return [{ kind: 'create', path, data }];
      }),
    );
    return planned.flat();
  }

  private readonly dirs = new Map<string, Promise<void>>();

  /** mkdirp once per directory (they are never removed by the store, except through a subtree delete). */
  private ensureDir(dir: string): Promise<void> {
    let p = this.dirs.get(dir);
    if (!p) {
      p = this.session.mkdirp(dir).catch((e: unknown) => {
        this.dirs.delete(dir);
        throw e;
      });
      this.dirs.set(dir, p);
    }
    return p;
  }

  /** `path` and every node below it, deepest first (ZooKeeper removes only childless nodes). */
  private async subtree(path: string): Promise<string[]> {
    let children: string[];
    try {
      children = await this.session.getChildren(path);
    } catch (e) {
      if (zkCode(e) === Exception.NO_NODE) return [];
      throw e;
    }
    const below = await Promise.all(children.map((c) => this.subtree(`${path}/${c}`)));
    return [...below.flat(), path];
  }

  private exists(path: string): Promise<boolean> {
    return new Promise((resolve, reject) =>
      this.session.client.exists(path, (err, stat) => (err ? reject(err) : resolve(stat !== null && stat !== undefined))),
    );
  }

  private commit(fence: string, plan: PlannedOp[]): Promise<void> {
    if (plan.length === 0) return this.checkFence(fence);
    const t = this.session.client.transaction();
    t.check(fence);
    for (const op of plan) {
      if (op.kind === 'remove') t.remove(op.path);
      else if (op.kind === 'set') t.setData(op.path, op.data);
      else t.create(op.path, op.data, this.session.acl, zookeeper.CreateMode.PERSISTENT);
    }
    return new Promise((resolve, reject) =>
      t.commit((err, results) => {
        if (!err) return resolve();
        const first = (results as Array<{ err?: number }> | undefined)?.[0];
        // The check is the first op: when it is the one that failed, we were deposed.
        if (first?.err !== undefined && first.err !== 0 && zkCode(err) === Exception.NO_NODE) return reject(new NotLeaderError(`state write fenced off: ${fence} is gone`));
        reject(err);
      }),
    );
  }

  /** A delete of nothing still has to prove we lead, so callers see the same errors either way. */
  private async checkFence(fence: string): Promise<void> {
    if (!(await this.exists(fence))) throw new NotLeaderError(`state write fenced off: ${fence} is gone`);
  }
}

type PlannedOp = { kind: 'remove'; path: string } | { kind: 'set' | 'create'; path: string; data: Buffer };
