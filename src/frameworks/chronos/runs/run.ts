/**
 * A job run and its attempts (one Mesos task each), the unit the history extension and Metronome's
 * `/runs` report. Upstream Chronos kept no runs (only counters and Cassandra task stats); Metronome
 * keeps `JobRun{id, status, tasks[]}`; this model carries both.
 * @module
 */
import { randomBytes } from 'node:crypto';
import type { TaskStateName } from '../../../protocol/v1/types.js';

export type RunStatus = 'queued' | 'running' | 'success' | 'failure' | 'skipped' | 'killed';
export type Trigger = 'schedule' | 'manual' | 'dependency';

export interface Attempt {
  attempt: number;
  /** Set when an offer was accepted for it (`ct:<epochMillis>:<attempt>:<job>:<arguments>`). */
  taskId?: string;
  queuedAt: number;
  /** When the attempt may launch (retry delay); absent = now. */
  notBefore?: number;
  launchedAt?: number;
  startedAt?: number;
  finishedAt?: number;
  state?: TaskStateName;
  exitCode?: number | null;
  message?: string;
  agentId?: string;
  host?: string;
  /** `http://<agent>/files/browse?path=/frameworks/<fw>/executors/<task>/runs/latest`. */
  sandbox?: string;
}

export interface JobRun {
  /** Metronome's form: `yyyyMMddHHmmss` + 5 random characters. */
  runId: string;
  job: string;
  workflowId: string;
  trigger: Trigger;
  /** The occurrence (or request) this run stands for, ms. */
  scheduledAt: number;
  createdAt: number;
  status: RunStatus;
  message?: string;
  /** `?arguments=` of a manual Chronos run, appended to the command. */
  arguments?: string;
  frameworkId?: string;
  /** Set when we asked Mesos to kill the task (why): its TASK_KILLED then ends the run as `killed`. */
  killing?: string;
  attempts: Attempt[];
  finishedAt?: number;
}

export const ACTIVE: ReadonlySet<RunStatus> = new Set(['queued', 'running']);

export function isActive(run: JobRun): boolean {
  return ACTIVE.has(run.status);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

let issuedStamp = '';
const issued = new Set<string>();

/** A Metronome-style run id, e.g. `20160715130259A34HX` (UTC); never the same twice in a process. */
export function newRunId(now: number): string {
  const stamp = new Date(now).toISOString().slice(0, 19).replace(/[-T:]/g, '');
  if (stamp !== issuedStamp) {
    issuedStamp = stamp;
    issued.clear();
  }
  for (;;) {
    let tail = '';
    for (const b of randomBytes(5)) tail += ALPHABET[b % ALPHABET.length];
    if (!issued.has(tail)) {
      issued.add(tail);
      return `${stamp}${tail}`;
    }
  }
}

export function newRun(job: string, trigger: Trigger, scheduledAt: number, now: number, workflowId?: string, args?: string): JobRun {
  const runId = newRunId(now);
  return {
    runId,
    job,
    workflowId: workflowId ?? runId,
    trigger,
    scheduledAt,
    createdAt: now,
    status: 'queued',
    ...(args ? { arguments: args } : {}),
    attempts: [{ attempt: 0, queuedAt: now }],
  };
}

/** A skipped occurrence, recorded so users see it (missed-run policy, FORBID). */
export function skippedRun(job: string, trigger: Trigger, scheduledAt: number, now: number, message: string): JobRun {
  return { runId: newRunId(now), job, workflowId: '', trigger, scheduledAt, createdAt: now, status: 'skipped', message, attempts: [], finishedAt: now };
}

export function currentAttempt(run: JobRun): Attempt | undefined {
  return run.attempts[run.attempts.length - 1];
}

/** Chronos' task id: `ct:<epochMillis>:<attempt>:<jobName>:<arguments>`. */
export function chronosTaskId(now: number, attempt: number, job: string, args = ''): string {
  return `ct:${now}:${attempt}:${job}:${args}`;
}

/** The job name inside a Chronos task id (names have no `:`), or undefined for foreign ids. */
export function jobOfTaskId(taskId: string): string | undefined {
  const m = /^ct:\d+:\d+:([^:]+):/.exec(taskId);
  return m?.[1];
}

/** The exit code our agent (and upstream's command executor) writes in the terminal message. */
export function exitCodeOf(message: string | undefined, state: TaskStateName): number | null {
  const m = /exited with status (\d+)/i.exec(message ?? '');
  if (m) return Number(m[1]);
  return state === 'TASK_FINISHED' ? 0 : null;
}
