/**
 * The leader's in-memory view of the Chronos state (jobs, active runs by id and task id, bounded
 * history, pending dependency workflows), loaded from the store at election and changed only after
 * the store accepted the change. Reads for the HTTP API come from here.
 * @module
 */
import type { DagNode, JobGraph } from '../dag.js';
import type { PendingParents } from '../dag-runs.js';
import type { JobDoc, LoadedState } from '../store/chronos-store.js';
import { type JobRun, currentAttempt } from '../runs/run.js';

export class Model {
  frameworkId?: string;
  readonly jobs = new Map<string, JobDoc>();
  readonly active = new Map<string, JobRun>();
  readonly byTask = new Map<string, string>();
  readonly history = new Map<string, JobRun[]>();
  readonly pending = new Map<string, PendingParents>();
  private readonly byJob = new Map<string, Set<string>>();
  private dag?: { graph: Map<string, DagNode>; children: Map<string, string[]> };

  constructor(readonly historyLimit: number) {}

  static from(loaded: LoadedState, historyLimit: number): Model {
    const m = new Model(historyLimit);
    if (loaded.frameworkId) m.frameworkId = loaded.frameworkId;
    for (const d of loaded.jobs) m.setDoc(d);
    for (const r of loaded.active) m.setRun(r);
    for (const [k, v] of loaded.history) m.history.set(k, v);
    for (const [k, v] of loaded.pending) m.pending.set(k, v);
    return m;
  }

  /** Adds or replaces a job doc, keeping the DAG index up to date. */
  setDoc(doc: JobDoc): void {
    const old = this.jobs.get(doc.job.name);
    this.jobs.set(doc.job.name, doc);
    if (old && old.job.parents.join('\n') === doc.job.parents.join('\n')) return;
    if (old) this.unlink(old.job.name, old.job.parents);
    if (this.dag) {
      this.dag.graph.set(doc.job.name, { name: doc.job.name, parents: doc.job.parents });
      for (const p of doc.job.parents) this.dag.children.set(p, [...(this.dag.children.get(p) ?? []), doc.job.name].sort());
    }
  }

  deleteDoc(name: string): void {
    const old = this.jobs.get(name);
    this.jobs.delete(name);
    this.history.delete(name);
    this.pending.delete(name);
    if (old) this.unlink(name, old.job.parents);
  }

  private unlink(name: string, parents: readonly string[]): void {
    if (!this.dag) return;
    this.dag.graph.delete(name);
    for (const p of parents) {
      const left = (this.dag.children.get(p) ?? []).filter((c) => c !== name);
      if (left.length) this.dag.children.set(p, left);
      else this.dag.children.delete(p);
    }
  }

  private index(): { graph: Map<string, DagNode>; children: Map<string, string[]> } {
    if (this.dag) return this.dag;
    const graph = new Map<string, DagNode>();
    const children = new Map<string, string[]>();
    for (const d of this.jobs.values()) {
      graph.set(d.job.name, { name: d.job.name, parents: d.job.parents });
      for (const p of d.job.parents) children.set(p, [...(children.get(p) ?? []), d.job.name]);
    }
    for (const list of children.values()) list.sort();
    this.dag = { graph, children };
    return this.dag;
  }

  graph(): JobGraph {
    return this.index().graph;
  }

  childrenOf(name: string): string[] {
    return this.index().children.get(name) ?? [];
  }

  activeOf(job: string): JobRun[] {
    const ids = this.byJob.get(job);
    if (!ids) return [];
    return [...ids].map((id) => this.active.get(id)!).sort((a, b) => a.createdAt - b.createdAt);
  }

  runByTask(taskId: string): JobRun | undefined {
    const id = this.byTask.get(taskId);
    return id === undefined ? undefined : this.active.get(id);
  }

  setRun(run: JobRun): void {
    const old = this.active.get(run.runId);
    for (const a of old?.attempts ?? []) if (a.taskId) this.byTask.delete(a.taskId);
    this.active.set(run.runId, run);
    let ids = this.byJob.get(run.job);
    if (!ids) this.byJob.set(run.job, (ids = new Set()));
    ids.add(run.runId);
    const t = currentAttempt(run)?.taskId;
    if (t) this.byTask.set(t, run.runId);
  }

  dropRun(run: JobRun): void {
    const old = this.active.get(run.runId) ?? run;
    for (const a of old.attempts) if (a.taskId) this.byTask.delete(a.taskId);
    this.active.delete(run.runId);
    const ids = this.byJob.get(run.job);
    ids?.delete(run.runId);
    if (ids?.size === 0) this.byJob.delete(run.job);
  }

  /** The job's history with `run` added first, cut to the limit (not stored yet). */
  historyWith(job: string, run: JobRun): JobRun[] {
    return [run, ...(this.history.get(job) ?? [])].slice(0, this.historyLimit);
  }

  /** Tasks we believe exist, for the driver's explicit reconciliation. */
  knownTasks(): Array<{ task_id: { value: string }; agent_id?: { value: string } }> {
    const out: Array<{ task_id: { value: string }; agent_id?: { value: string } }> = [];
    for (const r of this.active.values()) {
      const a = currentAttempt(r);
      if (a?.taskId && a.finishedAt === undefined) out.push({ task_id: { value: a.taskId }, ...(a.agentId ? { agent_id: { value: a.agentId } } : {}) });
    }
    return out;
  }

  /** Every run of a job, newest first: active ones, then finished. */
  runsOf(job: string): JobRun[] {
    return [...this.activeOf(job), ...(this.history.get(job) ?? [])].sort((a, b) => b.createdAt - a.createdAt);
  }
}
