/**
 * Run-scoped dependency triggering (pure). Every run belongs to a workflow: a scheduled or manual
 * run starts one (its id is the run id), a dependent run joins its trigger's. A child with one
 * parent runs after every success of that parent. A child with several parents that share a root
 * runs once per workflow in which ALL its parents succeeded; parents with no common root fall back to
 * upstream's rule (all parents succeeded since the child's last trigger), keyed `*`.
 * The waiting state is persisted per child, bounded to the newest MAX_PENDING workflows.
 * @module
 */
import { type JobGraph, sharesRoot } from './dag.js';

export const MAX_PENDING = 20;
export const ANY_WORKFLOW = '*';

/** Per child: workflow key → parents that succeeded in it, oldest first. */
export interface PendingParents {
  workflows: Array<{ key: string; parents: string[]; since: number }>;
}

export const NO_PENDING: PendingParents = { workflows: [] };

export interface ParentOutcome {
  /** The pending state to store for the child (unchanged when it fires on a single parent). */
  pending: PendingParents;
  /** The child fires now, in this workflow (undefined = a new workflow of its own). */
  fire?: { workflowId?: string };
}

/**
 * Records that `parent` succeeded (or soft-failed) in `workflowId` and decides whether `child`
 * fires. `graph` is the current DAG (to know the child's parents and whether they share a root).
 */
export function parentSucceeded(graph: JobGraph, child: string, parent: string, workflowId: string, pending: PendingParents, now: number): ParentOutcome {
  const node = graph.get(child);
  if (!node || !node.parents.includes(parent)) return { pending };
  if (node.parents.length === 1) return { pending, fire: { workflowId } };
  const key = sharesRoot(graph, child) ? workflowId : ANY_WORKFLOW;
  const workflows = pending.workflows.filter((w) => w.key !== key);
  const entry = pending.workflows.find((w) => w.key === key) ?? { key, parents: [], since: now };
  const parents = entry.parents.includes(parent) ? entry.parents : [...entry.parents, parent];
  // Parents removed from the job since do not count; all current ones must be there.
  if (node.parents.every((p) => parents.includes(p))) {
    return { pending: { workflows }, fire: key === ANY_WORKFLOW ? {} : { workflowId: key } };
  }
  workflows.push({ key, parents, since: entry.since });
  return { pending: { workflows: workflows.slice(-MAX_PENDING) } };
}
