/**
 * Offers in, tasks out; status updates in, run changes out. A queued attempt gets its task id and
 * agent recorded in the store *before* the ACCEPT goes out, so a crash in between leaves a task
 * id that reconciliation answers (never launched → launched again). Updates are acknowledged only
 * after their effect is stored, so a finished task is never forgotten.
 * @module
 */
import { type TaskInfoV1, type TaskStatusV1, isTerminal } from '../../../protocol/v1/types.js';
import { agentBaseUrl, type OfferV1, scalarsOf, shortfalls, take } from '../runs/offer-match.js';
import { type JobRun, chronosTaskId, currentAttempt, jobOfTaskId } from '../runs/run.js';
import { applyStatus } from '../runs/status.js';
import { buildTask } from '../runs/task-builder.js';
import type { Engine } from './engine.js';
import { armRun, execute, planFinish, planKill } from './firing.js';
import { Plan } from './plan.js';

/** Seconds an unused offer's resources stay away while nothing waits / while something still waits. */
const REFUSE_IDLE = 30;
const REFUSE_BUSY = 1;

function readyRuns(e: Engine, now: number): JobRun[] {
  const out: JobRun[] = [];
  for (const r of e.model.active.values()) {
    const a = currentAttempt(r);
    if (r.status === 'queued' && a && !a.taskId && (a.notBefore ?? 0) <= now && e.model.jobs.has(r.job)) out.push(r);
  }
  const prio = (r: JobRun) => (e.model.jobs.get(r.job)!.job.highPriority ? 0 : 1);
  return out.sort((a, b) => prio(a) - prio(b) || currentAttempt(a)!.queuedAt - currentAttempt(b)!.queuedAt);
}

function uniqueTaskId(e: Engine, used: Set<string>, now: number, attempt: number, job: string, args?: string): string {
  for (let t = now; ; t++) {
    const id = chronosTaskId(t, attempt, job, args ?? '');
    if (!used.has(id) && !e.model.byTask.has(id)) {
      used.add(id);
      return id;
    }
  }
}

/** Whether a run still waits for an offer (queued, its current attempt not launched). */
function waitsForOffer(e: Engine, runId: string): boolean {
  const r = e.model.active.get(runId);
  return r !== undefined && r.status === 'queued' && !currentAttempt(r)?.taskId;
}

export async function handleOffers(e: Engine, offers: OfferV1[]): Promise<void> {
  const now = e.now();
  const ready = readyRuns(e, now);
  e.waiting.prune((id) => waitsForOffer(e, id));
  const plan = new Plan(e.model);
  const launches: Array<{ offer: OfferV1; tasks: TaskInfoV1[] }> = [];
  const unused: string[] = [];
  const used = new Set<string>();
  for (const offer of offers) {
    const full = scalarsOf(offer);
    const left = new Map(full);
    const from = { agentId: offer.agent_id.value, host: offer.hostname };
    const tasks: TaskInfoV1[] = [];
    for (let i = 0; i < ready.length; i++) {
      const run = ready[i]!;
      const job = e.model.jobs.get(run.job)!.job;
      const why = shortfalls(offer, left, full, job);
      if (why.length > 0) {
        e.waiting.declined(run, from, why, now);
        continue;
      }
      take(left, job);
      ready.splice(i--, 1);
      e.waiting.forget(run.runId);
      const a = currentAttempt(run)!;
      const taskId = uniqueTaskId(e, used, now, a.attempt, job.name, run.arguments);
      const base = agentBaseUrl(offer);
      const fw = e.model.frameworkId;
      const sandbox = base && fw ? `${base}/files/browse?path=${encodeURIComponent(`/frameworks/${fw}/executors/${taskId}/runs/latest`)}` : undefined;
      const attempt = { ...a, taskId, launchedAt: now, agentId: offer.agent_id.value, host: offer.hostname, ...(sandbox ? { sandbox } : {}) };
      const launched: JobRun = { ...run, ...(fw ? { frameworkId: fw } : {}), attempts: [...run.attempts.slice(0, -1), attempt] };
      plan.putRun(launched);
      tasks.push(buildTask(job, launched, attempt, taskId, offer));
    }
    if (tasks.length > 0) launches.push({ offer, tasks });
    else unused.push(offer.id.value);
  }
  for (const { offer, tasks } of launches) {
    plan.after.push(() => void e.driver.accept([offer.id.value], [{ type: 'LAUNCH', launch: { task_infos: tasks } }], REFUSE_BUSY));
  }
  if (launches.length > 0) await execute(e, [plan]);
  if (unused.length > 0) void e.driver.decline(unused, ready.length > 0 ? REFUSE_BUSY : REFUSE_IDLE);
  if (ready.length === 0 && !e.suppressed && !hasQueued(e)) {
    e.suppressed = true;
    void e.driver.suppress();
  }
}

/** Anything queued or waiting for a retry (it will need offers). */
function hasQueued(e: Engine): boolean {
  for (const r of e.model.active.values()) if (r.status === 'queued' && !currentAttempt(r)?.taskId) return true;
  return false;
}

export async function handleUpdate(e: Engine, status: TaskStatusV1): Promise<void> {
  const taskId = status.task_id.value;
  const run = e.model.runByTask(taskId);
  if (!run) {
    // A task of ours we no longer track (its job was deleted): it must not keep running.
    if (!isTerminal(status.state) && jobOfTaskId(taskId) !== undefined) void e.driver.kill(taskId, status.agent_id?.value);
    return ack(e, status);
  }
  const doc = e.model.jobs.get(run.job);
  const out = applyStatus(run, status, { retry: doc?.job.retry ?? { max: 0 }, failureRetryMs: e.opts.failureRetryMs, now: e.now() });
  const plan = new Plan(e.model);
  switch (out.kind) {
    case 'ignore':
      break;
    case 'progress': {
      plan.putRun(out.run);
      const started = currentAttempt(out.run)?.startedAt;
      const limit = doc?.job.maxCompletionTime ?? 0;
      if (limit > 0 && started !== undefined) plan.after.push(() => e.timer('c', run.runId, started + limit * 1000));
      break;
    }
    case 'relaunch':
    case 'retry':
      plan.putRun(out.run);
      plan.after.push(() => {
        armRun(e, out.run);
        if ((currentAttempt(out.run)?.notBefore ?? 0) <= e.now()) e.wantOffers();
      });
      break;
    case 'done':
      planFinish(e, plan, out.run);
      plan.after.push(() => e.timer('c', run.runId, undefined));
      break;
  }
  await execute(e, [plan]);
  await ack(e, status);
}

async function ack(e: Engine, status: TaskStatusV1): Promise<void> {
  if (status.uuid) await e.driver.acknowledge(status);
}

/** Due run timers: `r` a retry may launch, `c` maxCompletionTime passed, `l` maxLaunchDelay passed. */
export async function handleRunTimers(e: Engine, kind: 'r' | 'c' | 'l', runIds: string[]): Promise<void> {
  const plan = new Plan(e.model);
  let wake = false;
  for (const id of runIds) {
    const run = e.model.active.get(id);
    const a = run && currentAttempt(run);
    if (!run || !a) continue;
    const job = e.model.jobs.get(run.job)?.job;
    if (kind === 'r' && !a.taskId) wake = true;
    if (kind === 'c' && a.taskId && a.finishedAt === undefined && run.killing === undefined) planKill(e, plan, run, `maxCompletionTime of ${job?.maxCompletionTime}s exceeded`);
    if (kind === 'l' && !a.taskId && run.status === 'queued') {
      planFinish(e, plan, { ...run, status: 'failure', message: `not launched within maxLaunchDelay=${job?.maxLaunchDelaySeconds}s (no offer fit)`, finishedAt: e.now() });
    }
  }
  await execute(e, [plan]);
  if (wake) e.wantOffers();
}
