/**
 * Layered layout of the Chronos dependency DAG for `tsmesos job graph` (a small Sugiyama: layers by
 * longest path from the roots, pass-through "dummy" items where an edge skips layers, then a few
 * barycenter sweeps to reduce crossings). Pure; job-graph-draw.ts turns it into text.
 */
import type { GraphNode, JobGraph } from '../client/chronos-types.js';

/** One cell of a layer: a job, or a dummy carrying an edge across a layer it skips. */
export interface LayoutItem {
  key: string;
  node?: GraphNode;
  /** Keys of the items in the previous layer with an edge into this one. */
  from: string[];
}

export interface Layout {
  layers: LayoutItem[][];
  /** Jobs with no parent and no child (drawn only when asked). */
  isolated: GraphNode[];
}

export class CycleError extends Error {
  constructor(readonly names: string[]) {
    super(`the dependency graph has a cycle through ${names.join(', ')}`);
    this.name = 'CycleError';
    Object.setPrototypeOf(this, CycleError.prototype);
  }
}

/** Lays the graph out; throws `CycleError` when it is not a DAG (Chronos should have refused that). */
export function layoutGraph(graph: JobGraph, includeIsolated = false, sweeps = 4): Layout {
  const nodes = new Map<string, GraphNode>();
  for (const n of graph.nodes) nodes.set(n.name, n);
  const parents = new Map<string, string[]>();
  const linked = new Set<string>();
  const seen = new Set<string>();
  for (const { parent, child } of graph.links) {
    if (parent === child || seen.has(`${parent}\n${child}`)) continue;
    seen.add(`${parent}\n${child}`);
    for (const name of [parent, child]) if (!nodes.has(name)) nodes.set(name, { name, lastState: '?', state: '?' });
    parents.set(child, [...(parents.get(child) ?? []), parent]);
    linked.add(parent).add(child);
  }
  const isolated = [...nodes.values()].filter((n) => !linked.has(n.name)).sort((a, b) => a.name.localeCompare(b.name));
  const drawn = [...nodes.keys()].filter((k) => linked.has(k) || includeIsolated).sort();
  const rank = ranks(drawn, parents);
  const depth = Math.max(-1, ...rank.values()) + 1;
  const layers: LayoutItem[][] = Array.from({ length: depth }, () => []);
  const items = new Map<string, LayoutItem>();
  for (const name of drawn) {
    const item: LayoutItem = { key: name, node: nodes.get(name), from: [] };
    items.set(name, item);
    layers[rank.get(name)!]!.push(item);
  }
  for (const child of drawn) {
    for (const parent of parents.get(child) ?? []) {
      let prev = parent;
      for (let r = rank.get(parent)! + 1; r < rank.get(child)!; r++) {
        const dummy: LayoutItem = { key: `${parent}→${child}@${r}`, from: [prev] };
        layers[r]!.push(dummy);
        prev = dummy.key;
      }
      items.get(child)!.from.push(prev);
    }
  }
  orderLayers(layers, sweeps);
  return { layers, isolated: includeIsolated ? [] : isolated };
}

/** Longest path from a root; Kahn's algorithm, so a cycle leaves nodes unranked. */
function ranks(names: string[], parents: Map<string, string[]>): Map<string, number> {
  const children = new Map<string, string[]>();
  const waiting = new Map<string, number>();
  for (const n of names) waiting.set(n, (parents.get(n) ?? []).length);
  for (const n of names) for (const p of parents.get(n) ?? []) children.set(p, [...(children.get(p) ?? []), n]);
  const rank = new Map<string, number>();
  const ready = names.filter((n) => waiting.get(n) === 0);
  for (const n of ready) rank.set(n, 0);
  while (ready.length) {
    const n = ready.shift()!;
    for (const c of children.get(n) ?? []) {
      rank.set(c, Math.max(rank.get(c) ?? 0, rank.get(n)! + 1));
      const left = waiting.get(c)! - 1;
      waiting.set(c, left);
      if (left === 0) ready.push(c);
    }
  }
  const stuck = names.filter((n) => (waiting.get(n) ?? 0) > 0);
  if (stuck.length) throw new CycleError(stuck);
  return rank;
}

/** Barycenter sweeps, down then up; ties keep the current order (stable, deterministic). */
function orderLayers(layers: LayoutItem[][], sweeps: number): void {
  const position = () => {
    const pos = new Map<string, number>();
    for (const layer of layers) layer.forEach((it, i) => pos.set(it.key, i));
    return pos;
  };
  const childrenOf = new Map<string, string[]>();
  for (const layer of layers) for (const it of layer) for (const f of it.from) childrenOf.set(f, [...(childrenOf.get(f) ?? []), it.key]);
  const sortBy = (layer: LayoutItem[], neighbours: (it: LayoutItem) => string[], pos: Map<string, number>) => {
    const centre = new Map<string, number>();
    layer.forEach((it, i) => {
      const ns = neighbours(it).map((k) => pos.get(k)!);
      centre.set(it.key, ns.length ? ns.reduce((a, b) => a + b, 0) / ns.length : i);
    });
    const index = new Map(layer.map((it, i) => [it.key, i]));
    layer.sort((a, b) => centre.get(a.key)! - centre.get(b.key)! || index.get(a.key)! - index.get(b.key)!);
  };
  for (let s = 0; s < sweeps; s++) {
    for (let i = 1; i < layers.length; i++) sortBy(layers[i]!, (it) => it.from, position());
    for (let i = layers.length - 2; i >= 0; i--) sortBy(layers[i]!, (it) => childrenOf.get(it.key) ?? [], position());
  }
}
