/**
 * What the Chronos and Metronome APIs ask of the engine: create/replace/delete jobs (DAG checked),
 * run now, kill, stop a run, mark a success. Each is one serial, persisted state change; errors
 * carry a kind the HTTP layer maps to each API's status (Chronos 400, Metronome 404/409/422).
 * @module
 */
import { DagError, checkDeletable, validateNode } from '../dag.js';
import { EMPTY_STATS, type Job, type JobStats } from '../job-model/types.js';
import type { JobDoc } from '../store/chronos-store.js';
import { type JobRun, currentAttempt } from '../runs/run.js';
import type { Engine } from './engine.js';
import { armSchedule, execute, planChildren, planKill, planStart } from './firing.js';
import { Plan } from './plan.js';

export type JobOpErrorKind = 'not_found' | 'conflict' | 'invalid' | 'dependents';

export class JobOpError extends Error {
  constructor(
    readonly kind: JobOpErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'JobOpError';
    Object.setPrototypeOf(this, JobOpError.prototype);
  }
}

export function requireJob(e: Engine, name: string): JobDoc {
  const doc = e.model.jobs.get(name);
  if (!doc) throw new JobOpError('not_found', `Job '${name}' not found`);
  return doc;
}

function sameSchedule(a: Job['schedule'], b: Job['schedule']): boolean {
  return a?.expression === b?.expression && a?.timeZone === b?.timeZone && a?.kind === b?.kind;
}

/** Creates or replaces a job. `mode` create refuses an existing one, replace a missing one. */
export function putJob(e: Engine, job: Job, stats: JobStats | undefined, mode: 'upsert' | 'create' | 'replace'): Promise<JobDoc> {
  return e.serial(async () => {
    const old = e.model.jobs.get(job.name);
    if (mode === 'create' && old) throw new JobOpError('conflict', `Job with id '${job.name}' already exists`);
    if (mode === 'replace' && !old) throw new JobOpError('not_found', `Job '${job.name}' not found`);
    const graph = e.model.graph();
    try {
      validateNode(graph, { name: job.name, parents: job.parents });
    } catch (err) {
      if (err instanceof DagError) throw new JobOpError('invalid', err.message);
      throw err;
    }
    const now = e.now();
    // A changed schedule starts from now; so does a re-enabled one (a disabled job does not catch up).
    const wasOff = old && (old.job.disabled || old.job.schedule?.enabled === false);
    const keep = old && sameSchedule(old.job.schedule, job.schedule) && !(wasOff && !job.disabled && job.schedule?.enabled !== false);
    const doc: JobDoc = { job, stats: stats ?? old?.stats ?? EMPTY_STATS, cursor: keep ? old.cursor : now };
    const plan = new Plan(e.model);
    plan.setDoc(doc);
    if (old && old.job.parents.join('\n') !== job.parents.join('\n')) plan.setPending(job.name, { workflows: [] });
    plan.after.push(() => armSchedule(e, doc, job.name));
    // Queued runs launch with the new definition: old reasons may not hold, and offers
    // declined (filtered) for the old one should come back now.
    plan.after.push(() => {
      e.waiting.forgetJob(job.name);
      if (e.model.activeOf(job.name).some((r) => r.status === 'queued' && !currentAttempt(r)?.taskId)) e.wantOffers();
    });
    await execute(e, [plan]);
    return doc;
  });
}

export interface DeleteOptions {
  /** Kill active runs (Chronos always; Metronome with `stopCurrentJobRuns=true`). */
  stopRuns: boolean;
}

export function deleteJob(e: Engine, name: string, o: DeleteOptions): Promise<void> {
  return e.serial(async () => {
    requireJob(e, name);
    try {
      checkDeletable(e.model.graph(), name);
    } catch (err) {
      if (err instanceof DagError) throw new JobOpError('dependents', err.message);
      throw err;
    }
    const active = e.model.activeOf(name);
    if (active.length > 0 && !o.stopRuns) throw new JobOpError('conflict', 'There are active job runs. Override with stopCurrentJobRuns=true');
    const plan = new Plan(e.model);
    for (const run of active) {
      const a = currentAttempt(run);
      if (a?.taskId && a.finishedAt === undefined) plan.after.push(() => void e.driver.kill(a.taskId!, a.agentId));
      plan.after.push(() => ['r', 'c', 'l'].forEach((k) => e.timer(k as 'r', run.runId, undefined)));
    }
    plan.deleteJob(name);
    plan.after.push(() => e.timer('s', name, undefined));
    await execute(e, [plan]);
  });
}

/** A manual run (Chronos `PUT job/{name}`, Metronome `POST /runs`), always started. */
export function runNow(e: Engine, name: string, args?: string): Promise<JobRun> {
  return e.serial(async () => {
    const doc = requireJob(e, name);
    const plan = new Plan(e.model);
    const run = planStart(e, plan, doc, 'manual', e.now(), args ? { args } : {})!;
    await execute(e, [plan]);
    return run;
  });
}

/** Kills every active run of a job (Chronos `DELETE task/kill/{name}`). */
export function killJobRuns(e: Engine, name: string): Promise<number> {
  return e.serial(async () => {
    requireJob(e, name);
    const plan = new Plan(e.model);
    const active = e.model.activeOf(name);
    for (const run of active) planKill(e, plan, run, 'killed on request (task/kill)');
    await execute(e, [plan]);
    return active.length;
  });
}

/** Stops one run (Metronome `POST /runs/{runId}/actions/stop`). */
export function stopRun(e: Engine, name: string, runId: string): Promise<JobRun> {
  return e.serial(async () => {
    requireJob(e, name);
    const run = e.model.active.get(runId);
    if (!run || run.job !== name) throw new JobOpError('not_found', `JobRun '${runId}' of job '${name}' does not exist`);
    const plan = new Plan(e.model);
    const after = planKill(e, plan, run, 'stopped on request');
    await execute(e, [plan]);
    return after;
  });
}

/** Counts a success without running the job and triggers its dependents (Chronos `job/success`). */
export function markSuccess(e: Engine, name: string): Promise<boolean> {
  return e.serial(async () => {
    const doc = requireJob(e, name);
    const plan = new Plan(e.model);
    const at = new Date(e.now()).toISOString();
    plan.setDoc({ ...doc, stats: { ...doc.stats, successCount: doc.stats.successCount + 1, lastSuccess: at, errorsSinceLastSuccess: 0 } });
    const last = e.model.runsOf(name).find((r) => r.workflowId);
    planChildren(e, plan, name, last?.workflowId ?? `manual-${e.now()}`);
    await execute(e, [plan]);
    return true;
  });
}
