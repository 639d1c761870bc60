/**
 * The data behind `tsmesos ps` (after Mesosphere `mesos ps`, mesos-api.md §8.2): one row per task
 * from master `/master/state`, enriched with the agent's `/monitor/statistics` for the task's
 * executor. Pure: the command does the fetching, so this is tested against captured JSON.
 */
import type { ExecutorStatistics, LegacyFramework, LegacyTask, MasterState } from '../client/legacy-types.js';
import { isTerminal, type TaskStateName } from '../protocol/v1/types.js';

/**
 * One letter per task state, in the spirit of `ps`'s STAT column: R running, S staging/starting
 * (not yet running, like a sleeping process), K killing, F finished, X failed (dead, as `ps` X),
 * T killed (terminated), E error, L lost, D dropped, U unreachable, G gone / gone by operator,
 * ? unknown.
 */
export const STATE_LETTERS: Readonly<Record<TaskStateName, string>> = {
  TASK_RUNNING: 'R',
  TASK_STAGING: 'S',
  TASK_STARTING: 'S',
  TASK_KILLING: 'K',
  TASK_FINISHED: 'F',
  TASK_FAILED: 'X',
  TASK_KILLED: 'T',
  TASK_ERROR: 'E',
  TASK_LOST: 'L',
  TASK_DROPPED: 'D',
  TASK_UNREACHABLE: 'U',
  TASK_GONE: 'G',
  TASK_GONE_BY_OPERATOR: 'G',
  TASK_UNKNOWN: '?',
};

export function stateLetter(state: string): string {
  return STATE_LETTERS[state as TaskStateName] ?? '?';
}


/** One `ps` row; the `--json` output is an array of these, so the keys are a stable interface. */
export interface PsRow {
  id: string;
  name: string;
  /** What the COMMAND column shows: the legacy task JSON carries no command line, so the task name. */
  command: string;
  state: string;
  state_letter: string;
  user: string;
  framework_id: string;
  framework: string;
  agent_id: string;
  agent_hostname: string;
  /** Allocated resources from the master. */
  cpus: number | null;
  mem_mb: number | null;
  /** From the agent's statistics; null when the agent could not be asked or has no entry. */
  time_secs: number | null;
  rss_bytes: number | null;
  mem_percent: number | null;
}

export interface TaskRef {
  task: LegacyTask;
  framework: LegacyFramework;
}

/** Live tasks (including staging and killing); with `all`, also unreachable and completed ones. */
export function collectTasks(state: MasterState, all: boolean): TaskRef[] {
  const out: TaskRef[] = [];
  for (const framework of state.frameworks ?? []) {
    for (const task of framework.tasks ?? []) out.push({ task, framework });
  }
  if (!all) return out;
  for (const framework of state.frameworks ?? []) {
    for (const task of [...(framework.unreachable_tasks ?? []), ...(framework.completed_tasks ?? [])]) out.push({ task, framework });
  }
  for (const framework of state.completed_frameworks ?? []) {
    for (const task of [...(framework.tasks ?? []), ...(framework.completed_tasks ?? [])]) out.push({ task, framework });
  }
  return out;
}

/** The task's displayed state: the master's `state`, else the last `statuses[]` entry. */
export function taskState(task: LegacyTask): string {
  return task.state ?? task.statuses?.at(-1)?.state ?? 'TASK_UNKNOWN';
}

/** Agents worth asking for statistics: those running a non-terminal task in `refs`. */
export function agentsToQuery(refs: TaskRef[]): Set<string> {
  return new Set(refs.filter((r) => !isTerminal(taskState(r.task) as TaskStateName)).map((r) => r.task.slave_id));
}

/**
 * Statistics are per executor; a command task's executor id equals its task id (legacy JSON says
 * `executor_id: ""` for those), so that is the fallback key.
 */
export function statsKey(frameworkId: string, executorId: string): string {
  return `${frameworkId}\u0000${executorId}`;
}

export function indexStatistics(entries: ExecutorStatistics[]): Map<string, ExecutorStatistics> {
  return new Map(entries.map((e) => [statsKey(e.framework_id, e.executor_id), e]));
}

/** Builds the rows; `stats` maps agent id → that agent's statistics (absent = unknown). */
export function buildPsRows(state: MasterState, stats: Map<string, ExecutorStatistics[]>, all: boolean): PsRow[] {
  const hostnames = new Map((state.slaves ?? []).map((s) => [s.id, s.hostname]));
  const indexes = new Map([...stats].map(([agent, entries]) => [agent, indexStatistics(entries)]));
  return collectTasks(state, all).map(({ task, framework }) => {
    const st = taskState(task);
    const entry = isTerminal(st as TaskStateName)
      ? undefined
      : indexes.get(task.slave_id)?.get(statsKey(task.framework_id, task.executor_id || task.id))?.statistics;
    const rss = entry?.mem_rss_bytes;
    const memMb = num(task.resources?.mem);
    const limit = entry?.mem_limit_bytes || (memMb ? memMb * 1024 * 1024 : undefined);
    const cpuTime =
      entry && (entry.cpus_user_time_secs !== undefined || entry.cpus_system_time_secs !== undefined)
        ? (entry.cpus_user_time_secs ?? 0) + (entry.cpus_system_time_secs ?? 0)
        : null;
    return {
      id: task.id,
      name: task.name,
      command: task.name,
      state: st,
      state_letter: stateLetter(st),
      user: task.user ?? framework.user ?? '',
      framework_id: task.framework_id,
      framework: framework.name,
      agent_id: task.slave_id,
      agent_hostname: hostnames.get(task.slave_id) ?? '',
      cpus: num(task.resources?.cpus),
      mem_mb: memMb,
      time_secs: cpuTime === null ? null : round(cpuTime, 3),
      rss_bytes: rss ?? null,
      mem_percent: rss !== undefined && limit ? round((rss / limit) * 100, 1) : null,
    };
  });
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
