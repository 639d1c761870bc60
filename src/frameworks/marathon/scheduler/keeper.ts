/**
 * Keeping apps at their instance count (upstream `SchedulerActions.scale`, the launch queue):
 * which app needs how many more tasks, and which extras or stuck launches to kill. An app in a
 * running deployment follows the executor's launch target instead (or is held still until its step).
 * @module
 */
import { selectKills } from '../constraints.js';
import type { AppDefinition } from '../app-model/types.js';
import { isActive, type Instance } from './instance.js';
import type { MarathonScheduler } from './marathon-scheduler.js';

export interface LaunchTarget {
  /** The definition new tasks are launched from. */
  app: AppDefinition;
  /** Tasks of `app.version` still to launch. */
  missing: number;
}

/** What the executor sets for an app of the step it runs; 'hold' for apps of later steps. */
export type Override = { app: AppDefinition; count: number } | 'hold';

export function placementOf(i: Instance): { hostname: string; attributes: Record<string, string> } {
  return { hostname: i.host, attributes: i.attributes };
}

/** What an app should have now: `count` tasks (of `app.version` only when `ofVersion`); undefined when held or gone. */
export interface Want {
  app: AppDefinition;
  count: number;
  /** A deployment's target counts only tasks of its version; steady state counts every active task. */
  ofVersion: boolean;
}

export function wantOf(s: MarathonScheduler, appId: string): Want | undefined {
  const app = s.store.apps.get(appId);
  const o = s.overrides.get(appId);
  if (!app || o === 'hold') return undefined;
  return o ? { app: o.app, count: o.count, ofVersion: true } : { app, count: app.instances, ofVersion: false };
}

export function launchTargets(s: MarathonScheduler, byApp: Map<string, Instance[]> = activeByApp(s)): LaunchTarget[] {
  const out: LaunchTarget[] = [];
  for (const id of s.store.apps.keys()) {
    const w = wantOf(s, id);
    if (!w) continue;
    const active = byApp.get(id) ?? [];
    let have = active.length;
    if (w.ofVersion) {
      have = 0;
      for (const i of active) if (i.version === w.app.version) have++;
    }
    if (w.count > have) out.push({ app: w.app, missing: w.count - have });
  }
  return out;
}

/** Every task (being killed or not), by app: one walk a scheduler pass shares. */
export function instancesByApp(s: MarathonScheduler): Map<string, Instance[]> {
  const m = new Map<string, Instance[]>();
  for (const i of s.store.instances.values()) {
    const list = m.get(i.appId);
    if (list) list.push(i);
    else m.set(i.appId, [i]);
  }
  return m;
}

/** Tasks not being killed, by app (from `all` when given, else one walk over all tasks). */
export function activeByApp(s: MarathonScheduler, all?: Map<string, Instance[]>): Map<string, Instance[]> {
  const m = new Map<string, Instance[]>();
  if (all) {
    for (const [appId, list] of all) {
      const active = list.filter(isActive);
      if (active.length > 0) m.set(appId, active);
    }
    return m;
  }
  for (const i of s.store.instances.values()) {
    if (!isActive(i)) continue;
    const list = m.get(i.appId);
    if (list) list.push(i);
    else m.set(i.appId, [i]);
  }
  return m;
}

/** Tasks not yet running are killed before running ones; then the app's killSelection decides. */
export function chooseKills(instances: Instance[], count: number, app: Pick<AppDefinition, 'constraints' | 'killSelection'>): Instance[] {
  if (count <= 0) return [];
  const notRunning = instances.filter((i) => i.state !== 'TASK_RUNNING');
  const picked = notRunning.slice(0, count);
  if (picked.length === count) return picked;
  const running = instances
    .filter((i) => i.state === 'TASK_RUNNING')
    .map((i) => ({ i, placement: placementOf(i), startedAt: Date.parse(i.startedAt ?? i.stagedAt) }));
  return [...picked, ...selectKills(running, count - picked.length, app).map((x) => x.i)];
}

/**
 * Steady-state upkeep: extras killed; with `sweep` (about once a second, it walks every task) also
 * launches stuck past --task_launch_timeout (killed, then replaced) and tasks of deleted apps.
 */
export function keepApps(s: MarathonScheduler, byApp: Map<string, Instance[]>, sweep: boolean): void {
  const now = s.now();
  for (const app of s.store.apps.values()) {
    if (s.overrides.has(app.id)) continue;
    const active = byApp.get(app.id) ?? [];
    if (active.length > app.instances) {
      for (const i of chooseKills(active, active.length - app.instances, app)) s.killer.kill(i, { reason: `scaling ${app.id} down to ${app.instances}` });
    }
  }
  if (!sweep) return;
  // One walk: launches stuck past the timeout (ISO stamps compare as strings), then tasks of
  // deleted apps (e.g. after a forced change).
  const stuckBefore = new Date(now - s.config.taskLaunchTimeoutMs).toISOString();
  for (const i of s.store.instances.values()) {
    if (i.killing) continue;
    if ((i.state === 'TASK_STAGING' || i.state === 'TASK_STARTING') && i.stagedAt < stuckBefore) {
      s.killer.kill(i, { reason: `not running ${s.config.taskLaunchTimeoutMs} ms after launch (--task_launch_timeout)`, failure: true });
    } else if (!s.store.apps.has(i.appId)) s.killer.kill(i, { reason: `app ${i.appId} no longer exists` });
  }
}
