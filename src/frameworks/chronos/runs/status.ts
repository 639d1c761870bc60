/**
 * What a TaskStatus means for a run (pure): progress, success, a retry after `--failure_retry`, a
 * final failure, a kill we asked for, or "never launched" — a task the master does not know,
 * answered by reconciliation before any status of ours arrived (we stored the task id and crashed
 * before ACCEPT): that attempt is launched again, not counted as a failure.
 * @module
 */
import { type TaskStatusV1, isTerminal } from '../../../protocol/v1/types.js';
import type { RetryPolicy } from '../job-model/types.js';
import { type Attempt, type JobRun, currentAttempt, exitCodeOf } from './run.js';

export type UpdateOutcome =
  | { kind: 'ignore' }
  | { kind: 'progress'; run: JobRun }
  | { kind: 'relaunch'; run: JobRun }
  | { kind: 'retry'; run: JobRun }
  | { kind: 'done'; run: JobRun; success: boolean };

const NEVER_LAUNCHED = new Set(['TASK_LOST', 'TASK_DROPPED', 'TASK_UNKNOWN', 'TASK_GONE']);

export interface StatusContext {
  retry: RetryPolicy;
  failureRetryMs: number;
  now: number;
}

function withAttempt(run: JobRun, a: Attempt, extra: Partial<JobRun> = {}): JobRun {
  return { ...run, ...extra, attempts: [...run.attempts.slice(0, -1), a] };
}

export function applyStatus(run: JobRun, status: TaskStatusV1, ctx: StatusContext): UpdateOutcome {
  const cur = currentAttempt(run);
  if (!cur || cur.taskId !== status.task_id.value || cur.finishedAt !== undefined) return { kind: 'ignore' };
  const state = status.state;
  const seen = cur.state !== undefined;
  const agentId = status.agent_id?.value ?? cur.agentId;
  if (!isTerminal(state)) {
    if (state === cur.state && cur.startedAt !== undefined) return { kind: 'ignore' };
    const started = state === 'TASK_RUNNING' || state === 'TASK_STARTING' || state === 'TASK_KILLING';
    const a: Attempt = { ...cur, state, ...(agentId ? { agentId } : {}), ...(started && cur.startedAt === undefined ? { startedAt: ctx.now } : {}) };
    return { kind: 'progress', run: withAttempt(run, a, { status: 'running' }) };
  }
  if (!seen && NEVER_LAUNCHED.has(state) && (status.reason === 'REASON_RECONCILIATION' || status.reason === 'REASON_INVALID_OFFERS')) {
    const fresh: Attempt = { attempt: cur.attempt, queuedAt: ctx.now };
    return { kind: 'relaunch', run: withAttempt(run, fresh, { status: 'queued' }) };
  }
  const done: Attempt = {
    ...cur,
    state,
    finishedAt: ctx.now,
    exitCode: exitCodeOf(status.message, state),
    ...(status.message ? { message: status.message } : {}),
    ...(agentId ? { agentId } : {}),
  };
  if (state === 'TASK_FINISHED') {
    return { kind: 'done', run: withAttempt(run, done, { status: 'success', finishedAt: ctx.now }), success: true };
  }
  if (run.killing !== undefined && (state === 'TASK_KILLED' || state === 'TASK_FAILED')) {
    return { kind: 'done', run: withAttempt(run, done, { status: 'killed', finishedAt: ctx.now, message: run.killing }), success: false };
  }
  if (mayRetry(run, ctx)) {
    const next: Attempt = { attempt: cur.attempt + 1, queuedAt: ctx.now, notBefore: ctx.now + ctx.failureRetryMs };
    return { kind: 'retry', run: { ...run, status: 'queued', attempts: [...run.attempts.slice(0, -1), done, next] } };
  }
  return { kind: 'done', run: withAttempt(run, done, { status: 'failure', finishedAt: ctx.now }), success: false };
}

export function mayRetry(run: JobRun, ctx: Pick<StatusContext, 'retry' | 'now' | 'failureRetryMs'>): boolean {
  const attempts = run.attempts.length; // attempts made so far, the failed one included
  if (ctx.retry.max !== undefined) return attempts <= ctx.retry.max;
  if (ctx.retry.deadlineSeconds === undefined) return true;
  return ctx.now + ctx.failureRetryMs - run.createdAt <= ctx.retry.deadlineSeconds * 1000;
}
