/**
 * What the key handler needs to know about the screen: how many rows the current view has and
 * which one is selected, reduced to the fields an action uses. Computed from the UI state the key
 * arrives in (not the last rendered one), so keys typed faster than the screen redraws still act
 * on the row they meant.
 */
import type { KeyContext } from './keys.js';
import type { FrameworkRow, TaskRow } from './selectors.js';
import type { AppRow, JobRow } from './service-rows.js';
import { type UiState, type ViewName, selectedIndex } from './ui.js';

export type ViewLists = { [V in Exclude<ViewName, 'frameworks' | 'tasks' | 'apps' | 'jobs'>]: readonly unknown[] } & {
  frameworks: readonly FrameworkRow[];
  tasks: readonly TaskRow[];
  apps: readonly AppRow[];
  jobs: readonly JobRow[];
};

export function keyContext(ui: UiState, lists: ViewLists, page: number): KeyContext {
  const rows = lists[ui.view].length;
  const at = selectedIndex(ui, rows);
  const f = ui.view === 'frameworks' ? lists.frameworks[at] : undefined;
  const t = ui.view === 'tasks' ? lists.tasks[at] : undefined;
  const app = ui.view === 'apps' ? lists.apps[at] : undefined;
  const job = ui.view === 'jobs' ? lists.jobs[at] : undefined;
  return {
    rows,
    page,
    ...(f ? { framework: { id: f.id, name: f.name, tasks: f.tasks } } : {}),
    ...(t ? { task: { id: t.id, frameworkId: t.frameworkId, agentId: t.agentId, framework: t.framework, agent: t.agent, live: t.live, state: t.state } } : {}),
    ...(app ? { app: { id: app.id, instances: app.instances } } : {}),
    ...(job ? { job: { name: job.name } } : {}),
  };
}
