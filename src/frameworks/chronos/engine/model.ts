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

  constructor(readonly historyLimit: number) {}

  static from(loaded: LoadedState, historyLimit: number): Model {
    const m = new Model(historyLimit);
    if (loaded.frameworkId) m.frameworkId = loaded.frameworkId;
    for (const d of loaded.jobs) m.jobs.set(d.job.name, d);
    for (const r of loaded.active) m.setRun(r);
    for (const [k, v] of loaded.history) m.history.set(k, v);
    for (const [k, v] of loaded.pending) m.pending.set(k, v);
    return m;
  }

  graph(): JobGraph {
    const g = new Map<string, DagNode>();
    for (const d of this.jobs.values()) g.set(d.job.name, { name: d.job.name, parents: d.job.parents });
    return g;
  }

  activeOf(job: string): JobRun[] {
    return [...this.active.values()].filter((r) => r.job === job).sort((a, b) => a.createdAt - b.createdAt);
  }

  runByTask(taskId: string): JobRun | undefined {
    const id = this.byTask.get(taskId);
    return id === undefined ? undefined : this.active.get(id);
  }

  setRun(run: JobRun): void {
    const old = this.active.get(run.runId);
    for (const a of old?.attempts ?? []) if (a.taskId) this.byTask.delete(a.taskId);
    this.active.set(run.runId, run);
    const t = currentAttempt(run)?.taskId;
    if (t) this.byTask.set(t, run.runId);
  }

  dropRun(run: JobRun): void {
    const old = this.active.get(run.runId) ?? run;
    for (const a of old.attempts) if (a.taskId) this.byTask.delete(a.taskId);
    this.active.delete(run.runId);
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
