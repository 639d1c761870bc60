/**
 * Runs as each API shows them (pure): the tsmesos history extension (one entry per attempt, newest
 * first, skipped occurrences included, `waiting` on a queued one), Metronome's JobRun `{id, jobId,
 * status, createdAt, completedAt, tasks[]}` with `INITIAL → STARTING → ACTIVE → SUCCESS | FAILED`,
 * Metronome's `/v1/queue`, Chronos' job summary states and last states (`graph/Exporter.scala`).
 * @module
 */
import type { JobStats } from '../job-model/types.js';
import { type JobRun, currentAttempt } from '../runs/run.js';
import type { WaitingView } from '../runs/waiting.js';

const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());

/** What a queued run waits for (engine's WaitingLog), if anything. */
export type WaitingOf = (run: JobRun) => WaitingView | undefined;

/**
 * `GET /v1/scheduler/job/{name}/history` entries. The attempt still waiting for an offer gets the
 * extension field `waiting`, and its summary in `message` (after the run's own message, if any).
 */
export function historyEntries(runs: JobRun[], limit: number, waitingOf: WaitingOf = () => undefined): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const r of runs) {
    const attempts = r.attempts.length ? [...r.attempts].reverse() : [undefined];
    for (const a of attempts) {
      if (out.length >= limit) return out;
      const last = a === undefined || a === r.attempts[r.attempts.length - 1];
      const status = !last ? 'failure' : r.status === 'queued' && a?.taskId ? 'running' : r.status;
      const waiting = last ? waitingOf(r) : undefined;
      const message = (last ? r.message : undefined) ?? a?.message;
      out.push({
        runId: r.runId,
        taskId: a?.taskId ?? null,
        attempt: a?.attempt ?? 0,
        trigger: a && a.attempt > 0 ? 'retry' : r.trigger,
        scheduledAt: iso(r.scheduledAt),
        startedAt: iso(a?.startedAt),
        finishedAt: iso(a?.finishedAt ?? (a === undefined ? r.finishedAt : undefined)),
        state: a?.state ?? null,
        status,
        exitCode: a?.exitCode ?? null,
        message: waiting ? (message ? `${message}; ${waiting.summary}` : waiting.summary) : (message ?? null),
        agentId: a?.agentId ?? null,
        host: a?.host ?? null,
        frameworkId: r.frameworkId ?? null,
        sandbox: a?.sandbox ?? null,
        ...(waiting ? { waiting } : {}),
      });
    }
  }
  return out;
}

export function metronomeStatus(r: JobRun): string {
  switch (r.status) {
    case 'queued':
      return currentAttempt(r)?.taskId ? 'STARTING' : 'INITIAL';
    case 'running':
      return 'ACTIVE';
    case 'success':
      return 'SUCCESS';
    default:
      return 'FAILED';
  }
}

export function metronomeRun(r: JobRun): Record<string, unknown> {
  return {
    id: r.runId,
    jobId: r.job,
    status: metronomeStatus(r),
    createdAt: new Date(r.createdAt).toISOString(),
    completedAt: iso(r.finishedAt),
    tasks: r.attempts.filter((a) => a.taskId).map((a) => ({ id: a.taskId, startedAt: iso(a.startedAt ?? a.launchedAt), completedAt: iso(a.finishedAt), status: a.state ?? 'TASK_STAGING' })),
  };
}

/**
 * Metronome `GET /v1/queue`: runs waiting to be launched, grouped by job (upstream
 * `QueuedJobRunMapWrites`: `[{jobId, runs:[{runId}]}]`), each run with our `waiting` extension.
 */
export function metronomeQueue(active: Iterable<JobRun>, waitingOf: WaitingOf): Array<{ jobId: string; runs: Array<Record<string, unknown>> }> {
  const byJob = new Map<string, JobRun[]>();
  for (const r of active) {
    if (r.status !== 'queued' || currentAttempt(r)?.taskId) continue;
    byJob.set(r.job, [...(byJob.get(r.job) ?? []), r]);
  }
  return [...byJob.keys()].sort().map((jobId) => ({
    jobId,
    runs: byJob
      .get(jobId)!
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((r) => {
        const waiting = waitingOf(r);
        return { runId: r.runId, ...(waiting ? { waiting } : {}) };
      }),
  }));
}

/** Metronome `embed=history` / `historySummary`. */
export function metronomeHistory(finished: JobRun[], full: boolean): Record<string, unknown> {
  const ok = finished.filter((r) => r.status === 'success');
  const bad = finished.filter((r) => r.status === 'failure' || r.status === 'killed');
  const summary = {
    successCount: ok.length,
    failureCount: bad.length,
    lastSuccessAt: iso(ok[0]?.finishedAt),
    lastFailureAt: iso(bad[0]?.finishedAt),
  };
  if (!full) return summary;
  const brief = (r: JobRun) => ({ id: r.runId, createdAt: new Date(r.createdAt).toISOString(), finishedAt: iso(r.finishedAt), tasks: r.attempts.flatMap((a) => (a.taskId ? [a.taskId] : [])) });
  return { ...summary, successfulFinishedRuns: ok.map(brief), failedFinishedRuns: bad.map(brief) };
}

/** Chronos' last result: success, failure or fresh (never ran). */
export function lastState(stats: JobStats): 'success' | 'failure' | 'fresh' {
  if (!stats.lastSuccess && !stats.lastError) return 'fresh';
  if (!stats.lastSuccess) return 'failure';
  if (!stats.lastError) return 'success';
  return Date.parse(stats.lastSuccess) > Date.parse(stats.lastError) ? 'success' : 'failure';
}

/** Chronos' current state: idle, queued, running or "N running". */
export function runState(active: JobRun[]): string {
  const running = active.filter((r) => r.status === 'running' || currentAttempt(r)?.taskId !== undefined).length;
  if (running > 1) return `${running} running`;
  if (running === 1) return 'running';
  return active.length > 0 ? 'queued' : 'idle';
}
