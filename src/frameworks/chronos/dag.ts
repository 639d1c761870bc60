/**
 * The job dependency DAG (upstream `graph/JobGraph.scala`, `jobs/graph/Exporter.scala`), pure.
 * Unlike upstream, a job whose parents are missing, or that would close a cycle, is refused with a
 * message naming them (Chronos 3 sometimes dropped such jobs silently, issue #815), and a parent
 * with children can not be deleted (upstream rewires the children; see README "Deviations").
 * @module
 */

export interface DagNode {
  name: string;
  parents: readonly string[];
}

/** A dependency change that can not be accepted; the message says which jobs are involved. */
export class DagError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DagError';
    Object.setPrototypeOf(this, DagError.prototype);
  }
}

export type JobGraph = ReadonlyMap<string, DagNode>;

/** Jobs that list `name` as a parent, sorted. */
export function childrenOf(graph: JobGraph, name: string): string[] {
  const out: string[] = [];
  for (const n of graph.values()) if (n.parents.includes(name)) out.push(n.name);
  return out.sort();
}

/**
 * Checks that `node` (new or replacing the job of the same name) fits the graph: every parent
 * exists, it is not its own parent, and no cycle forms. Throws DagError.
 */
export function validateNode(graph: JobGraph, node: DagNode): void {
  const missing = node.parents.filter((p) => p !== node.name && !graph.has(p));
  if (missing.length > 0) {
    throw new DagError(`job '${node.name}': parent job${missing.length > 1 ? 's' : ''} ${missing.map((m) => `'${m}'`).join(', ')} ${missing.length > 1 ? 'do' : 'does'} not exist; create ${missing.length > 1 ? 'them' : 'it'} first`);
  }
  if (node.parents.includes(node.name)) throw new DagError(`job '${node.name}' can not be its own parent`);
  const dupes = node.parents.filter((p, i) => node.parents.indexOf(p) !== i);
  if (dupes.length > 0) throw new DagError(`job '${node.name}': parent '${dupes[0]}' is listed twice`);
  // A cycle through the node = a path from it back to one of its parents; a new job has no
  // children yet, so only a replaced one with parents can close a cycle.
  if (!graph.has(node.name) || node.parents.length === 0) return;
  const next = new Map(graph);
  next.set(node.name, node);
  const path = pathBetween(next, node.name, new Set(node.parents));
  if (path) throw new DagError(`job '${node.name}': parents [${node.parents.join(', ')}] would make a cycle: ${[...path, node.name].join(' -> ')}`);
}

/** A path of child links from `from` to any node in `targets` (inclusive), or undefined. */
function pathBetween(graph: JobGraph, from: string, targets: Set<string>): string[] | undefined {
  const children = new Map<string, string[]>();
  for (const n of graph.values()) for (const p of n.parents) children.set(p, [...(children.get(p) ?? []), n.name]);
  const seen = new Set<string>();
  const walk = (at: string, trail: string[]): string[] | undefined => {
    if (targets.has(at)) return [...trail, at];
    if (seen.has(at)) return undefined;
    seen.add(at);
    for (const c of children.get(at) ?? []) {
      const found = walk(c, [...trail, at]);
      if (found) return found;
    }
    return undefined;
  };
  for (const c of children.get(from) ?? []) {
    const found = walk(c, [from]);
    if (found) return found;
  }
  return undefined;
}

/** Refuses to delete a job other jobs depend on (the message lists them). */
export function checkDeletable(graph: JobGraph, name: string): void {
  const children = childrenOf(graph, name);
  if (children.length > 0) {
    throw new DagError(`job '${name}' can not be deleted: job${children.length > 1 ? 's' : ''} ${children.map((c) => `'${c}'`).join(', ')} depend${children.length > 1 ? '' : 's'} on it; delete or re-parent ${children.length > 1 ? 'them' : 'it'} first`);
  }
}

/** The scheduled (parentless) ancestors of a job; a root is its own. */
export function rootsOf(graph: JobGraph, name: string, seen = new Set<string>()): Set<string> {
  const node = graph.get(name);
  if (!node || node.parents.length === 0) return new Set([name]);
  const out = new Set<string>();
  for (const p of node.parents) {
    if (seen.has(p)) continue;
    seen.add(p);
    for (const r of rootsOf(graph, p, seen)) out.add(r);
  }
  return out;
}

/**
 * Whether all parents of `name` descend from one common root, so a workflow run (started by that
 * root) can scope the child: it then runs once per workflow in which every parent succeeded.
 */
export function sharesRoot(graph: JobGraph, name: string): boolean {
  const node = graph.get(name);
  if (!node || node.parents.length < 2) return false;
  const sets = node.parents.map((p) => rootsOf(graph, p));
  return [...sets[0]!].some((r) => sets.every((s) => s.has(r)));
}

/** Graphviz DOT as upstream's jgrapht exporter writes it: integer ids, names as labels. */
export function toDot(graph: JobGraph): string {
  const names = [...graph.keys()].sort();
  const ids = new Map(names.map((n, i) => [n, i + 1]));
  const lines = ['digraph G {'];
  for (const n of names) lines.push(`  ${ids.get(n)} [ label = "${n.replace(/"/g, '\\"')}" ];`);
  for (const n of names) for (const p of graph.get(n)!.parents) if (ids.has(p)) lines.push(`  ${ids.get(p)} -> ${ids.get(n)};`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** `node,<name>,<lastState>,<state>` per job then `link,<parent>,<child>` per edge (upstream `Exporter`). */
export function toCsv(graph: JobGraph, describe: (name: string) => { lastState: string; state: string }): string {
  const names = [...graph.keys()].sort();
  const rows = names.map((n) => {
    const d = describe(n);
    return `node,${n},${d.lastState},${d.state}`;
  });
  for (const n of names) for (const p of graph.get(n)!.parents) rows.push(`link,${p},${n}`);
  return rows.length ? `${rows.join('\n')}\n` : '';
}
