/**
 * Which task the operator means by `tsmesos task cat|tail|ls <task>`: Mesosphere's `mesos cat`,
 * `tail` and `ls` took PARTIAL task ids (mesos-api.md §8.2), because ids like
 * `web.3f6c2a1e-a8b4-11ef-9c1a-0242ac110002` are painful to type. Pure: it works on a master
 * `/master/state` snapshot, so the rules are unit-tested without a cluster.
 *
 * Rules, first hit wins:
 *  1. an exact id (live tasks before completed ones);
 *  2. over live tasks (running, staging, unreachable…): a unique id prefix, else a unique substring;
 *  3. the same over completed tasks, so the logs of a finished task stay reachable while its
 *     sandbox exists.
 * Several matches at any step is an error listing them, never a guess.
 */
import type { LegacyFramework, LegacyTask, MasterState } from '../client/legacy-types.js';
import { UsageError, UserError } from './errors.js';

export interface ResolvedTask {
  task: LegacyTask;
  framework: LegacyFramework;
  /** From `completed_tasks` or a completed framework: the sandbox may already be gone. */
  completed: boolean;
}

export interface ResolveOptions {
  /** `--framework`: a framework id, a unique prefix of one, or a framework name. */
  framework?: string;
}

/** How many candidates an ambiguity error lists. */
export const MAX_CANDIDATES = 10;

/**
 * The state `tsmesos task list` shows, as upstream `mesos task list` does: the last status
 * update's state, else the master's `state` (a staging task may have no status yet).
 */
export function lastState(task: LegacyTask): string {
  return task.statuses?.at(-1)?.state ?? task.state ?? 'TASK_UNKNOWN';
}

/** Live tasks (what the master is running or waiting on) and completed ones, in master order. */
export function taskPools(state: MasterState): { live: ResolvedTask[]; completed: ResolvedTask[] } {
  const live: ResolvedTask[] = [];
  const completed: ResolvedTask[] = [];
  for (const framework of state.frameworks ?? []) {
    for (const task of [...(framework.tasks ?? []), ...(framework.unreachable_tasks ?? [])]) live.push({ task, framework, completed: false });
    for (const task of framework.completed_tasks ?? []) completed.push({ task, framework, completed: true });
  }
  for (const framework of state.completed_frameworks ?? []) {
    for (const task of [...(framework.tasks ?? []), ...(framework.completed_tasks ?? [])]) completed.push({ task, framework, completed: true });
  }
  return { live, completed };
}

/** Finds the one task `query` names, or throws a `UserError` that says what to do instead. */
export function resolveTask(state: MasterState, query: string, opts: ResolveOptions = {}): ResolvedTask {
  if (query.trim() === '') throw new UsageError('the task id is empty', 'give a task id or a part of one; see `tsmesos task list`');
  const pools = taskPools(state);
  const frameworkFilter = opts.framework === undefined ? undefined : resolveFrameworkFilter(state, opts.framework);
  const keep = (refs: ResolvedTask[]) => (frameworkFilter ? refs.filter((r) => frameworkFilter(r.framework)) : refs);
  const live = keep(pools.live);
  const completed = keep(pools.completed);

  const steps: Array<() => ResolvedTask[]> = [
    () => live.filter((r) => r.task.id === query),
    () => completed.filter((r) => r.task.id === query),
    () => live.filter((r) => r.task.id.startsWith(query)),
    () => live.filter((r) => r.task.id.includes(query)),
    () => completed.filter((r) => r.task.id.startsWith(query)),
    () => completed.filter((r) => r.task.id.includes(query)),
  ];
  for (const step of steps) {
    const hits = step();
    if (hits.length === 1) return hits[0]!;
    if (hits.length > 1) throw ambiguous(query, hits);
  }
  const where = opts.framework === undefined ? '' : ` in framework ${JSON.stringify(opts.framework)}`;
  throw new UserError(
    `no task matches ${JSON.stringify(query)}${where}`,
    'run `tsmesos task list --all` to see the task ids the master knows (completed ones included)',
  );
}

function ambiguous(query: string, hits: ResolvedTask[]): UserError {
  const listed = hits.slice(0, MAX_CANDIDATES);
  const width = Math.max(...listed.map((r) => r.task.id.length));
  const shown = listed.map((r) => `    ${r.task.id.padEnd(width)}  ${r.framework.name} (${r.framework.id})  ${lastState(r.task)}`);
  if (hits.length > MAX_CANDIDATES) shown.push(`    … and ${hits.length - MAX_CANDIDATES} more`);
  return new UserError(
    `${hits.length} tasks match ${JSON.stringify(query)}:\n${shown.join('\n')}`,
    'give a longer prefix of the task id, or pick the framework with --framework <id>',
  );
}

/**
 * `--framework` accepts what operators have at hand: the full id, a unique prefix of it, or the
 * framework's name (e.g. `marathon`). Names may repeat, so a name keeps every framework with it.
 */
export function resolveFrameworkFilter(state: MasterState, filter: string): (f: LegacyFramework) => boolean {
  const every = [...(state.frameworks ?? []), ...(state.completed_frameworks ?? [])];
  if (every.some((f) => f.id === filter)) return (f) => f.id === filter;
  const byPrefix = [...new Set(every.filter((f) => f.id.startsWith(filter)).map((f) => f.id))];
  if (byPrefix.length === 1) return (f) => f.id === byPrefix[0];
  if (every.some((f) => f.name === filter)) return (f) => f.name === filter;
  if (byPrefix.length > 1) {
    throw new UserError(`${byPrefix.length} frameworks match --framework ${JSON.stringify(filter)}`, 'give more of the framework id; see `tsmesos framework list --all`');
  }
  throw new UserError(`no framework matches --framework ${JSON.stringify(filter)}`, 'see `tsmesos framework list --all` for framework ids and names');
}
