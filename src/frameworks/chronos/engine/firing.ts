/**
 * Starting, killing and ending runs inside a Plan, and executing plans: scheduled occurrences
 * (with the missed-run policy of occurrence.ts), the concurrency policy (FORBID records a skipped
 * run, REPLACE kills the active one first, ALLOW overlaps; manual runs always start, as Metronome
 * does), stats on each end, and dependents triggered per workflow (dag-runs.ts).
 * @module
 */
import { parentSucceeded } from '../dag-runs.js';
import type { JobStats } from '../job-model/types.js';
import type { JobDoc } from '../store/chronos-store.js';
import { type JobRun, type Trigger, currentAttempt, newRun, skippedRun } from '../runs/run.js';
import type { Engine } from './engine.js';
import { describeMissed, occurrence } from './occurrence.js';
import { Plan } from './plan.js';

export interface StartOptions {
  workflowId?: string;
  args?: string;
  message?: string;
}

/** Adds a run of `doc` to the plan, honouring the job's concurrency policy; undefined = skipped. */
export function planStart(e: Engine, plan: Plan, doc: JobDoc, trigger: Trigger, scheduledAt: number, o: StartOptions = {}): JobRun | undefined {
  const now = e.now();
  const job = doc.job;
  const active = plan.activeOf(job.name);
  if (trigger !== 'manual' && active.length > 0) {
    if (job.concurrencyPolicy === 'FORBID') {
      plan.endRun(skippedRun(job.name, trigger, scheduledAt, now, `skipped: run ${active[0]!.runId} is still active (concurrencyPolicy FORBID)`));
      return undefined;
    }
    if (job.concurrencyPolicy === 'REPLACE') for (const r of active) planKill(e, plan, r, `replaced by a newer ${trigger} run (concurrencyPolicy REPLACE)`);
  }
  let run = newRun(job.name, trigger, scheduledAt, now, o.workflowId, o.args);
  // Run ids carry 5 random characters: make sure a burst in one second gets distinct ones.
  while (plan.run(run.runId) || e.model.active.has(run.runId) || plan.historyOf(job.name).some((r) => r.runId === run.runId)) {
    run = newRun(job.name, trigger, scheduledAt, now, o.workflowId, o.args);
  }
  if (o.message) run.message = o.message;
  plan.putRun(run, true);
  return run;
}

/** Kills a run: a launched task is asked to die (its TASK_KILLED ends the run); otherwise it ends now. */
export function planKill(e: Engine, plan: Plan, run: JobRun, why: string): JobRun {
  const a = currentAttempt(run);
  if (a?.taskId && a.finishedAt === undefined) {
    const killing = { ...run, killing: why };
    plan.putRun(killing);
    const { taskId, agentId } = a;
    plan.after.push(() => void e.driver.kill(taskId, agentId));
    return killing;
  }
  const ended: JobRun = { ...run, status: 'killed', message: why, finishedAt: e.now() };
  plan.endRun(ended);
  return ended;
}

function countEnd(stats: JobStats, run: JobRun, now: number): JobStats {
  const at = new Date(now).toISOString();
  if (run.status === 'success') return { ...stats, successCount: stats.successCount + 1, lastSuccess: at, errorsSinceLastSuccess: 0 };
  if (run.status === 'failure') return { ...stats, errorCount: stats.errorCount + 1, lastError: at, errorsSinceLastSuccess: stats.errorsSinceLastSuccess + 1 };
  return stats;
}

/** Ends a run that reached its final status: history, stats, and the dependents it triggers. */
export function planFinish(e: Engine, plan: Plan, run: JobRun): void {
  plan.endRun(run);
  const doc = plan.doc(run.job);
  if (!doc) return;
  plan.setDoc({ ...doc, stats: countEnd(doc.stats, run, e.now()) });
  if (run.status === 'success' || (run.status === 'failure' && doc.job.softError)) planChildren(e, plan, run.job, run.workflowId);
}

/** A parent succeeded in `workflowId`: record it for each child and start the ones now complete. */
export function planChildren(e: Engine, plan: Plan, parent: string, workflowId: string): void {
  const graph = e.model.graph();
  for (const child of e.model.childrenOf(parent)) {
    const out = parentSucceeded(graph, child, parent, workflowId, plan.pending(child), e.now());
    plan.setPending(child, out.pending);
    const cdoc = plan.doc(child);
    if (out.fire && cdoc && !cdoc.job.disabled) planStart(e, plan, cdoc, 'dependency', e.now(), out.fire.workflowId ? { workflowId: out.fire.workflowId } : {});
  }
}

/** Arms (or clears) the job's next-occurrence timer. */
export function armSchedule(e: Engine, doc: JobDoc | undefined, name: string): void {
  if (!doc) return e.timer('s', name, undefined);
  const o = occurrence(doc, e.now());
  e.timer('s', name, o.due ? e.now() : o.next);
}

/** Arms a run's own timers: launch delay (Metronome maxLaunchDelay) and a pending retry. */
export function armRun(e: Engine, run: JobRun): void {
  const job = e.model.jobs.get(run.job)?.job;
  const a = currentAttempt(run);
  if (!a || a.taskId) return;
  if (a.notBefore !== undefined && a.notBefore > e.now()) e.timer('r', run.runId, a.notBefore);
  if (job && job.maxLaunchDelaySeconds > 0) e.timer('l', run.runId, a.queuedAt + job.maxLaunchDelaySeconds * 1000);
}

/** Persists plans (each all-or-nothing), applies them, then runs their after-effects. */
export async function execute(e: Engine, plans: Plan[]): Promise<void> {
  const todo = plans.filter((p) => !p.empty);
  if (todo.length === 0) return;
  await e.store.commitGroups(todo.map((p) => p.toOps()));
  let launch = false;
  for (const p of todo) {
    p.apply();
    for (const fn of p.after) fn();
    for (const r of p.created) {
      armRun(e, r);
      launch = true;
    }
  }
  if (launch) e.wantOffers();
}

/** Due `s:` timers: each job's latest occurrence becomes a run (or a skipped record). */
export async function fireScheduled(e: Engine, names: string[]): Promise<void> {
  const now = e.now();
  const plans: Plan[] = [];
  for (const name of names) {
    const doc = e.model.jobs.get(name);
    if (!doc) continue;
    const o = occurrence(doc, now);
    if (!o.due) {
      e.timer('s', name, o.next);
      continue;
    }
    const plan = new Plan(e.model);
    plan.setDoc(o.doc);
    const message = describeMissed(o, now);
    if (o.late) plan.endRun(skippedRun(name, 'schedule', o.at, now, message!));
    else planStart(e, plan, o.doc, 'schedule', o.at, message ? { message } : {});
    plan.after.push(() => e.timer('s', name, o.next));
    plans.push(plan);
  }
  await execute(e, plans);
}
