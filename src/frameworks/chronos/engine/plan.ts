/**
 * One state change being assembled: working copies of the job docs, runs, history and pending
 * workflows it touches, turned into a single batch of store ops (one write per key) and applied to
 * the model only after the store accepted it. Side effects that must follow the write (KILL calls,
 * timers) wait in `after`.
 * @module
 */
import type { PendingParents } from '../dag-runs.js';
import { NO_PENDING } from '../dag-runs.js';
import { type JobDoc, type Op, ops } from '../store/chronos-store.js';
import type { JobRun } from '../runs/run.js';
import type { Model } from './model.js';

export class Plan {
  private readonly docs = new Map<string, JobDoc | null>();
  private readonly runs = new Map<string, JobRun>();
  private readonly ended = new Map<string, JobRun>();
  private readonly histories = new Map<string, JobRun[]>();
  private readonly pendings = new Map<string, PendingParents>();
  private readonly extra: Op[] = [];
  readonly after: Array<() => void> = [];
  /** Runs this change creates (they need offers). */
  readonly created: JobRun[] = [];

  constructor(readonly model: Model) {}

  get empty(): boolean {
    return this.docs.size + this.runs.size + this.ended.size + this.histories.size + this.pendings.size + this.extra.length === 0;
  }

  doc(name: string): JobDoc | undefined {
    const d = this.docs.get(name);
    return d === null ? undefined : (d ?? this.model.jobs.get(name));
  }

  setDoc(doc: JobDoc): void {
    this.docs.set(doc.job.name, doc);
  }

  deleteJob(name: string): void {
    this.docs.set(name, null);
    this.histories.delete(name);
    this.pendings.delete(name);
    for (const r of this.activeOf(name)) this.ended.set(r.runId, r);
  }

  run(runId: string): JobRun | undefined {
    if (this.ended.has(runId)) return undefined;
    return this.runs.get(runId) ?? this.model.active.get(runId);
  }

  activeOf(job: string): JobRun[] {
    const out = new Map<string, JobRun>();
    for (const r of this.model.activeOf(job)) out.set(r.runId, r);
    for (const r of this.runs.values()) if (r.job === job) out.set(r.runId, r);
    for (const id of this.ended.keys()) out.delete(id);
    return [...out.values()].sort((a, b) => a.createdAt - b.createdAt);
  }

  putRun(run: JobRun, created = false): void {
    this.runs.set(run.runId, run);
    if (created) this.created.push(run);
  }

  /** Moves a run out of the active set into the job's history (skipped runs go straight there). */
  endRun(run: JobRun): void {
    this.runs.delete(run.runId);
    if (this.model.active.has(run.runId)) this.ended.set(run.runId, run);
    if (this.docs.get(run.job) === null) return;
    this.histories.set(run.job, [run, ...this.historyOf(run.job)].slice(0, this.model.historyLimit));
  }

  historyOf(job: string): JobRun[] {
    return this.histories.get(job) ?? this.model.history.get(job) ?? [];
  }

  pending(child: string): PendingParents {
    return this.pendings.get(child) ?? this.model.pending.get(child) ?? NO_PENDING;
  }

  setPending(child: string, p: PendingParents): void {
    this.pendings.set(child, p);
  }

  op(op: Op): void {
    this.extra.push(op);
  }

  toOps(): Op[] {
    const out: Op[] = [];
    for (const [name, d] of this.docs) out.push(...(d === null ? ops.deleteJob(name) : [ops.job(d)]));
    for (const r of this.ended.values()) if (this.docs.get(r.job) !== null) out.push(ops.endRun(r));
    for (const r of this.runs.values()) out.push(ops.run(r));
    for (const [job, h] of this.histories) out.push(ops.history(job, h));
    for (const [child, p] of this.pendings) out.push(ops.pending(child, p));
    out.push(...this.extra);
    return out;
  }

  apply(): void {
    const m = this.model;
    for (const [name, d] of this.docs) {
      if (d === null) m.deleteDoc(name);
      else m.setDoc(d);
    }
    for (const r of this.ended.values()) m.dropRun(r);
    for (const r of this.runs.values()) m.setRun(r);
    for (const [job, h] of this.histories) m.history.set(job, h);
    for (const [child, p] of this.pendings) {
      if (p.workflows.length) m.pending.set(child, p);
      else m.pending.delete(child);
    }
  }
}
