/**
 * One-shot watches (upstream `WatchManager`, two tables as in `DataTree`: data watches, set by
 * getData and by exists, and child watches, set by getChildren). A watch belongs to a connection, not a
 * session: it fires at most once, is dropped when its connection goes away, and the client re-registers
 * it with SetWatches after reconnecting. A trigger that hits both tables for the same watcher (a node
 * deleted while watched for data and children) notifies that watcher once.
 * @module
 */
import type { WatchTrigger } from './apply.js';
import type { DataTree } from './tree.js';
import { EventType } from './wire/protocol.js';

/** Whoever receives notifications: a client connection. */
export interface Watcher {
  readonly watcherId: number;
}

export interface Delivery<W extends Watcher> {
  watcher: W;
  type: number;
  path: string;
}

class WatchTable<W extends Watcher> {
  private readonly byPath = new Map<string, Set<W>>();
  private readonly byWatcher = new Map<W, Set<string>>();

  add(path: string, w: W): void {
    let ws = this.byPath.get(path);
    if (!ws) this.byPath.set(path, (ws = new Set()));
    ws.add(w);
    let ps = this.byWatcher.get(w);
    if (!ps) this.byWatcher.set(w, (ps = new Set()));
    ps.add(path);
  }

  /** Removes and returns every watcher of `path` (one-shot). */
  take(path: string): Set<W> {
    const ws = this.byPath.get(path);
    if (!ws) return new Set();
    this.byPath.delete(path);
    for (const w of ws) {
      const ps = this.byWatcher.get(w)!;
      ps.delete(path);
      if (ps.size === 0) this.byWatcher.delete(w);
    }
    return ws;
  }

  dropWatcher(w: W): void {
    for (const path of this.byWatcher.get(w) ?? []) {
      const ws = this.byPath.get(path)!;
      ws.delete(w);
      if (ws.size === 0) this.byPath.delete(path);
    }
    this.byWatcher.delete(w);
  }

  get count(): number {
    let n = 0;
    for (const ws of this.byPath.values()) n += ws.size;
    return n;
  }

  get pathCount(): number {
    return this.byPath.size;
  }

  watcherCount(): number {
    return this.byWatcher.size;
  }

  pathsOf(w: W): string[] {
    return [...(this.byWatcher.get(w) ?? [])];
  }
}

export class WatchManager<W extends Watcher> {
  readonly data = new WatchTable<W>();
  readonly child = new WatchTable<W>();

  /** Turns a transaction's triggers into notifications, in trigger order, removing the watches. */
  fire(triggers: readonly WatchTrigger[]): Delivery<W>[] {
    const out: Delivery<W>[] = [];
    for (const t of triggers) {
      const hit = new Set<W>();
      if (t.target !== 'child') for (const w of this.data.take(t.path)) hit.add(w);
      if (t.target !== 'data') for (const w of this.child.take(t.path)) hit.add(w);
      for (const watcher of hit) out.push({ watcher, type: t.type, path: t.path });
    }
    return out;
  }

  dropWatcher(w: W): void {
    this.data.dropWatcher(w);
    this.child.dropWatcher(w);
  }

  get count(): number {
    return this.data.count + this.child.count;
  }

  /**
   * Re-registers a reconnecting client's watches (upstream `DataTree.setWatches`). Anything that
   * changed after `relativeZxid`, the last zxid the client saw, fires at once instead, so no change
   * slips between the old connection and the new one.
   */
  setWatches(tree: DataTree, w: W, relativeZxid: number, data: string[], exist: string[], child: string[]): Delivery<W>[] {
    const out: Delivery<W>[] = [];
    const fireNow = (type: number, path: string) => out.push({ watcher: w, type, path });
    for (const path of data) {
      const node = tree.get(path);
      if (!node) fireNow(EventType.NodeDeleted, path);
      else if (node.stat.mzxid > relativeZxid) fireNow(EventType.NodeDataChanged, path);
      else this.data.add(path, w);
    }
    for (const path of exist) {
      if (tree.get(path)) fireNow(EventType.NodeCreated, path);
      else this.data.add(path, w);
    }
    for (const path of child) {
      const node = tree.get(path);
      if (!node) fireNow(EventType.NodeDeleted, path);
      else if (node.stat.pzxid > relativeZxid) fireNow(EventType.NodeChildrenChanged, path);
      else this.child.add(path, w);
    }
    return out;
  }
}
