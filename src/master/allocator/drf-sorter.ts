/**
 * Weighted DRF sorter, the decision core of upstream's hierarchical allocator
 * (`src/master/allocator/sorter/drf`): clients are ordered by dominant share ÷ weight, ties by name.
 * In hierarchical mode role paths form a tree (`eng` above `eng/web`), siblings are compared by the
 * share of their whole subtree, and a role that is also a parent competes as a leaf under its own
 * node, as upstream's virtual leaf does. Order is kept incrementally: a change to one client only
 * re-positions the nodes on its path, so an allocation costs O(depth · log n) plus an array splice.
 */
import { addVector, dominantShare } from './quantities.js';

/** Shared, shell-owned inputs: bump `version` whenever `totals` or `weights` change. */
export interface SorterContext {
  totals: number[];
  weights: Map<string, number>;
  version: number;
}

interface Node {
  readonly key: string;
  parent: Node | null;
  readonly children: Node[];
  readonly client: boolean;
  alloc: number[];
  share: number;
}

const before = (a: Node, share: number, key: string): boolean => a.share < share || (a.share === share && a.key < key);

/** First index whose node does not sort before (share, key). */
function lowerBound(arr: readonly Node[], share: number, key: string): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(arr[mid]!, share, key)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One DRF ordering (roles, or the frameworks of one role); `clone()` gives a scratch copy. */
export class DrfSorter {
  private root: Node = { key: '', parent: null, children: [], client: false, alloc: [], share: 0 };
  private readonly clients = new Map<string, Node>();
  private sortedVersion: number;
  private order: string[] | null = null;

  constructor(private readonly ctx: SorterContext, private readonly hierarchical: boolean) {
    this.sortedVersion = ctx.version;
  }

  get size(): number {
    return this.clients.size;
  }

  has(name: string): boolean {
    return this.clients.has(name);
  }

  add(name: string): void {
    if (this.clients.has(name)) return;
    let parent = this.root;
    if (this.hierarchical) {
      const segments = name.split('/');
      for (let i = 1; i <= segments.length; i++) {
        const path = segments.slice(0, i).join('/');
        parent = parent.children.find((c) => !c.client && c.key === path) ?? this.attach(path, parent, false);
      }
    }
    this.clients.set(name, this.attach(name, parent, true));
  }

  /** Drops a client; whatever it still held stops counting toward its ancestors. */
  remove(name: string): void {
    const node = this.clients.get(name);
    if (node === undefined) return;
    this.unallocated(name, node.alloc.slice());
    this.clients.delete(name);
    this.order = null;
    let n: Node = node;
    while (n.parent !== null && (n === node || n.children.length === 0)) {
      const siblings = n.parent.children;
      siblings.splice(siblings.indexOf(n), 1);
      n = n.parent;
    }
  }

  allocated(name: string, delta: readonly number[]): void {
    this.change(name, delta, 1);
  }

  unallocated(name: string, delta: readonly number[]): void {
    this.change(name, delta, -1);
  }

  /** Milli-unit vector currently held by `name`. */
  allocation(name: string): readonly number[] {
    return this.clients.get(name)?.alloc ?? [];
  }

  /** Weighted dominant share of `name` (0 when unknown). */
  share(name: string): number {
    this.refresh();
    return this.clients.get(name)?.share ?? 0;
  }

  /** All clients, lowest share first. Cached; never mutated after it is returned. */
  sorted(): readonly string[] {
    this.refresh();
    if (this.order === null) {
      const out: string[] = [];
      const walk = (n: Node): void => {
        for (const c of n.children) c.client ? out.push(c.key) : walk(c);
      };
      walk(this.root);
      this.order = out;
    }
    return this.order;
  }

  /** First client in share order accepted by `pred`, without building the full order. */
  find(pred: (name: string) => boolean): string | undefined {
    this.refresh();
    const walk = (n: Node): string | undefined => {
      for (const c of n.children) {
        const hit = c.client ? (pred(c.key) ? c.key : undefined) : walk(c);
        if (hit !== undefined) return hit;
      }
      return undefined;
    };
    return walk(this.root);
  }

  /** Independent copy sharing the context, for a pure allocation cycle to work on. */
  clone(): DrfSorter {
    this.refresh();
    const copy = new DrfSorter(this.ctx, this.hierarchical);
    const dup = (n: Node, parent: Node | null): Node => {
      const m: Node = { key: n.key, parent, children: [], client: n.client, alloc: n.alloc.slice(), share: n.share };
      for (const c of n.children) m.children.push(dup(c, m));
      if (m.client) copy.clients.set(m.key, m);
      return m;
    };
    copy.root = dup(this.root, null);
    copy.sortedVersion = this.sortedVersion;
    return copy;
  }

  private attach(key: string, parent: Node, client: boolean): Node {
    const node: Node = { key, parent, children: [], client, alloc: [], share: 0 };
    const at = this.isFresh() ? lowerBound(parent.children, 0, key) : parent.children.length;
    parent.children.splice(at, 0, node);
    this.order = null;
    return node;
  }

  private change(name: string, delta: readonly number[], sign: 1 | -1): void {
    const node = this.clients.get(name);
    if (node === undefined) throw new Error(`sorter has no client '${name}'`);
    const fresh = this.isFresh();
    for (let n: Node = node; n.parent !== null; n = n.parent) {
      addVector(n.alloc, delta, sign);
      if (fresh) this.reposition(n);
    }
    this.order = null;
  }

  private weight(key: string): number {
    return this.hierarchical ? this.ctx.weights.get(key) ?? 1 : 1;
  }

  private reposition(n: Node): void {
    const siblings = n.parent!.children;
    let at = lowerBound(siblings, n.share, n.key);
    if (siblings[at] !== n) at = siblings.indexOf(n);
    siblings.splice(at, 1);
    n.share = dominantShare(n.alloc, this.ctx.totals) / this.weight(n.key);
    siblings.splice(lowerBound(siblings, n.share, n.key), 0, n);
  }

  private isFresh(): boolean {
    return this.sortedVersion === this.ctx.version;
  }

  /** Totals or weights moved: recompute every share and re-sort every level. */
  private refresh(): void {
    if (this.isFresh()) return;
    const visit = (n: Node): void => {
      for (const c of n.children) {
        visit(c);
        c.share = dominantShare(c.alloc, this.ctx.totals) / this.weight(c.key);
      }
      n.children.sort((a, b) => (a.share - b.share) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    };
    visit(this.root);
    this.sortedVersion = this.ctx.version;
    this.order = null;
  }
}
