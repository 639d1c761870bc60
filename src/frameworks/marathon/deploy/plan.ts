/**
 * Deployment plans (upstream `DeploymentPlan.apply`, marathon-chronos-api.md §3.3). A plan is a list
 * of steps run one after another; the actions of a step run concurrently:
 *   1. StopApplication for every app that disappears,
 *   2. StartApplication (0 instances) for every new app,
 *   3. one step per dependency depth (dependencies first): ScaleApplication for new apps and
 *      scale-only changes, RestartApplication for changed definitions (or a restart's new version).
 * Pure: the caller persists the plan and executes it.
 */
import { isOnlyScaleChange, isUpgrade } from '../app-model/compare.js';
import type { AppDefinition } from '../app-model/types.js';

export type DeploymentActionName = 'StartApplication' | 'StopApplication' | 'ScaleApplication' | 'RestartApplication';
export type DeploymentAction = { action: DeploymentActionName; app: string };

export interface DeploymentPlan {
  id: string;
  version: string;
  original: Map<string, AppDefinition>;
  target: Map<string, AppDefinition>;
  steps: Array<{ actions: DeploymentAction[] }>;
  affectedApps: string[];
}

/** Apps a dependency names: the app itself, or every app inside the named group. */
function resolveDependency(dep: string, apps: Map<string, AppDefinition>): string[] {
  if (apps.has(dep)) return [dep];
  const prefix = dep === '/' ? '/' : `${dep}/`;
  return [...apps.keys()].filter((id) => id.startsWith(prefix));
}

/**
 * Length of the longest dependency chain below each app (0 = depends on nothing in `apps`). A cycle,
 * which validation should reject, is cut where it closes rather than looping.
 */
export function dependencyDepths(apps: Map<string, AppDefinition>): Map<string, number> {
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return -1;
    visiting.add(id);
    let d = 0;
    for (const dep of apps.get(id)?.dependencies ?? []) {
      for (const target of resolveDependency(dep, apps)) if (target !== id) d = Math.max(d, visit(target) + 1);
    }
    visiting.delete(id);
    depth.set(id, d);
    return d;
  };
  for (const id of apps.keys()) visit(id);
  return depth;
}

/** The apps that take part in a dependency cycle, or [] (for a 422 before any plan is made). */
export function dependencyCycle(apps: Map<string, AppDefinition>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const walk = (id: string): string[] => {
    if (state.get(id) === 'done') return [];
    if (state.get(id) === 'open') return stack.slice(stack.indexOf(id));
    state.set(id, 'open');
    stack.push(id);
    for (const dep of apps.get(id)?.dependencies ?? []) {
      for (const t of resolveDependency(dep, apps)) {
        const cycle = t === id ? [] : walk(t);
        if (cycle.length > 0) return cycle;
      }
    }
    stack.pop();
    state.set(id, 'done');
    return [];
  };
  for (const id of apps.keys()) {
    const c = walk(id);
    if (c.length > 0) return c;
  }
  return [];
}

/** A restart of the same definition shows as a new lastConfigChangeAt (POST /v2/apps/{id}/restart). */
function needsRestart(from: AppDefinition, to: AppDefinition): boolean {
  return isUpgrade(from, to) || from.versionInfo.lastConfigChangeAt !== to.versionInfo.lastConfigChangeAt;
}

export function planDeployment(original: Map<string, AppDefinition>, target: Map<string, AppDefinition>, id: string, version: string): DeploymentPlan {
  const originalDepth = dependencyDepths(original);
  const stops = [...original.keys()]
    .filter((a) => !target.has(a))
    .sort((a, b) => (originalDepth.get(b) ?? 0) - (originalDepth.get(a) ?? 0) || a.localeCompare(b))
    .map((app): DeploymentAction => ({ action: 'StopApplication', app }));
  const starts = [...target.keys()]
    .filter((a) => !original.has(a))
    .sort()
    .map((app): DeploymentAction => ({ action: 'StartApplication', app }));
  const depth = dependencyDepths(target);
  const levels = new Map<number, DeploymentAction[]>();
  for (const appId of [...target.keys()].sort()) {
    const to = target.get(appId) as AppDefinition;
    const from = original.get(appId);
    let action: DeploymentActionName | undefined;
    if (!from) action = 'ScaleApplication';
    else if (needsRestart(from, to)) action = 'RestartApplication';
    else if (isOnlyScaleChange(from, to)) action = 'ScaleApplication';
    if (!action) continue;
    const d = depth.get(appId) ?? 0;
    levels.set(d, [...(levels.get(d) ?? []), { action, app: appId }]);
  }
  const ordered = [...levels.entries()].sort(([a], [b]) => a - b).map(([, actions]) => ({ actions }));
  const steps = [{ actions: stops }, { actions: starts }, ...ordered].filter((s) => s.actions.length > 0);
  const affectedApps = [...new Set(steps.flatMap((s) => s.actions.map((a) => a.app)))].sort();
  return { id, version, original, target, steps, affectedApps };
}

/**
 * A GET /v2/deployments row. `currentStep` is 1-based as upstream shows it (0 = not started);
 * `currentActions` defaults to the actions of the current step with empty readiness results.
 */
export function planToJson(plan: DeploymentPlan, currentStep: number, currentActions?: unknown[]): Record<string, unknown> {
  const step = plan.steps[currentStep - 1];
  return {
    id: plan.id,
    version: plan.version,
    affectedApps: [...plan.affectedApps],
    affectedPods: [],
    steps: plan.steps.map((s) => ({ actions: s.actions.map((a) => ({ action: a.action, app: a.app })) })),
    currentActions: currentActions ?? (step ? step.actions.map((a) => ({ action: a.action, app: a.app, readinessCheckResults: [] })) : []),
    currentStep,
    totalSteps: plan.steps.length,
  };
}
