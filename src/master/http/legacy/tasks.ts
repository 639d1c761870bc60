/**
 * Body of `/master/tasks` (upstream `Master::Http::tasks` in `src/master/http.cpp`): live,
 * unreachable and completed tasks of live and completed frameworks, sorted by the timestamp of their
 * latest status, then paged with `offset`/`limit`. `limit=-1` means every task (compat-rules: the
 * `mesos` CLI lists all tasks with `order=asc&limit=-1`).
 */
import type { FrameworkRecord, MasterView, TaskRecord } from '../../model.js';
import { lastStatusTime, renderTask } from './task.js';

/** Upstream's default page size. */
export const DEFAULT_TASKS_LIMIT = 100;

export interface TasksQuery {
  frameworkId?: string;
  taskId?: string;
  /** Page size; default 100; any negative value means no limit. */
  limit?: number;
  offset?: number;
  /** By latest status time; default `desc` (newest first). */
  order?: 'asc' | 'desc';
}

function tasksOf(fw: FrameworkRecord): TaskRecord[] {
  return [...fw.tasks.values(), ...fw.unreachableTasks.values(), ...fw.completedTasks];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function renderTasks(view: MasterView, query: TasksQuery = {}): { tasks: Record<string, unknown>[] } {
  const frameworks = [...view.frameworks.values(), ...view.completedFrameworks].filter(
    (f) => query.frameworkId === undefined || f.id === query.frameworkId,
  );
  const tasks = frameworks
    .flatMap(tasksOf)
    .filter((t) => query.taskId === undefined || t.taskId === query.taskId);
  const sign = query.order === 'asc' ? 1 : -1;
  // Ties broken by ids so pages are stable between requests.
  tasks.sort(
    (a, b) =>
      sign * (lastStatusTime(a) - lastStatusTime(b)) ||
      compareText(a.frameworkId, b.frameworkId) ||
      compareText(a.taskId, b.taskId),
  );
  const offset = Math.max(0, Math.trunc(query.offset ?? 0));
  const limit = query.limit ?? DEFAULT_TASKS_LIMIT;
  const page = limit < 0 ? tasks.slice(offset) : tasks.slice(offset, offset + Math.trunc(limit));
  return { tasks: page.map((t) => renderTask(t, view)) };
}
