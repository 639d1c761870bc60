/**
 * Starting, cancelling, rolling back and finishing deployments (upstream `DeploymentManager`,
 * `GroupManager.updateRoot`, `DeploymentPlan`). A change is stored as the new app definitions at
 * once (GET answers with the target right away) plus a DeploymentRecord the executor works
 * through. An app belongs to one running deployment at a time: a change touching a locked app is
 * refused with 409 unless forced, which cancels the other deployment(s) first.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { HttpError } from '../../../http/http-error.js';
import { healthCheckToJson } from '../app-model/to-json.js';
import type { AppDefinition } from '../app-model/types.js';
import { type DeploymentPlan, planDeployment, planToJson } from '../deploy/plan.js';
import type { ActionName, DeploymentRecord } from './deployment-record.js';
import { withGroupDependencies } from './group-deps.js';
import type { MarathonScheduler } from './marathon-scheduler.js';

export interface DeploymentResult {
  deploymentId: string;
  version: string;
}

/** Running deployments that touch any of `appIds`. */
export function lockedBy(s: MarathonScheduler, appIds: Iterable<string>): DeploymentRecord[] {
  const ids = new Set(appIds);
  return [...s.store.deployments.values()].filter((d) => d.affectedApps.some((a) => ids.has(a)));
}

export function lockError(locks: DeploymentRecord[]): HttpError {
  const first = locks[0]!.id;
  return new HttpError(409, `App is locked by one or more deployments. Override with the option '?force=true'. View details at '/v2/deployments/${first}'.`, {}, { deployments: locks.map((d) => ({ id: d.id })) });
}

/**
 * Starts a deployment from the current apps to `changes` (undefined = remove the app). Returns
 * undefined when nothing changes. Throws 409 on a lock (unless `force`) and 403 past the cap.
 */
export function startDeployment(
  s: MarathonScheduler,
  changes: Map<string, AppDefinition | undefined>,
  opts: { force?: boolean; version: string; rollbackOf?: string; noDeadline?: boolean },
): DeploymentRecord {
  const original = new Map(s.store.apps);
  const target = new Map(s.store.apps);
  for (const [id, app] of changes) {
    if (app) target.set(id, app);
    else target.delete(id);
  }
  const locks = lockedBy(s, changes.keys());
  if (locks.length > 0 && !opts.force) throw lockError(locks);
  if (s.store.deployments.size - locks.length >= s.config.maxRunningDeployments) {
    throw new HttpError(403, `Max number (${s.config.maxRunningDeployments}) of running deployments is achieved. Wait for existing deployments to complete or cancel them.`);
  }
  for (const d of locks) cancelDeployment(s, d, `canceled by the forced deployment of ${[...changes.keys()].join(', ')}`);
  const id = randomUUID();
  const plan = planDeployment(withGroupDependencies(original, s.store.groups), withGroupDependencies(target, s.store.groups), id, opts.version);
  const affected = new Set([...plan.affectedApps, ...changes.keys()]);
  const deadlines = [...affected].map((a) => target.get(a)?.deploymentDeadlineSeconds).filter((x): x is number => typeof x === 'number' && x > 0);
  const now = s.now();
  const record: DeploymentRecord = {
    id,
    version: opts.version,
    affectedApps: [...affected].sort(),
    steps: plan.steps.map((st) => ({ actions: st.actions.map((a) => ({ action: a.action as ActionName, app: a.app })) })),
    currentStep: 0,
    original: [...affected].map((a) => original.get(a)).filter((a): a is AppDefinition => a !== undefined),
    target: [...affected].map((a) => target.get(a)).filter((a): a is AppDefinition => a !== undefined),
    startedAt: new Date(now).toISOString(),
    ...(deadlines.length > 0 && !opts.noDeadline ? { deadlineAt: now + Math.min(...deadlines) * 1000 } : {}),
    ...(opts.rollbackOf ? { rollbackOf: opts.rollbackOf } : {}),
  };
  for (const [appId, app] of changes) {
    const before = original.get(appId);
    const configChanged = !before || !app || before.versionInfo.lastConfigChangeAt !== app.versionInfo.lastConfigChangeAt;
    if (app) {
      s.remember(app);
      s.store.putApp(app);
      if (configChanged) s.launchDelay.reset(appId);
    } else s.store.deleteApp(appId);
    if (before) s.remember(before);
    if (configChanged) publishHealthCheckChanges(s, before, app);
  }
  s.store.putDeployment(record);
  // Nothing launches for the affected apps until the next pass has worked out their step.
  for (const appId of record.affectedApps) s.overrides.set(appId, 'hold');
  s.bus.publish('group_change_success', { groupId: '/', version: opts.version });
  s.bus.publish('deployment_info', { plan: planJson(s, record), currentStep: record.steps[0] ? stepJson(record.steps[0]) : null });
  s.wantOffers();
  s.schedule();
  return record;
}

/** add_health_check_event / remove_health_check_event when a new config version replaces another. */
function publishHealthCheckChanges(s: MarathonScheduler, before: AppDefinition | undefined, after: AppDefinition | undefined): void {
  for (const hc of before?.healthChecks ?? []) s.bus.publish('remove_health_check_event', { appId: before!.id, version: before!.version, healthCheck: healthCheckToJson(hc) });
  for (const hc of after?.healthChecks ?? []) s.bus.publish('add_health_check_event', { appId: after!.id, version: after!.version, healthCheck: healthCheckToJson(hc) });
}

/** Stops a deployment where it stands (apps keep their target definitions). */
export function cancelDeployment(s: MarathonScheduler, d: DeploymentRecord, reason: string): void {
  s.store.deleteDeployment(d.id);
  s.bus.publish('deployment_failed', { id: d.id, plan: planJson(s, d), reason });
  s.schedule();
}

/** A deployment back to `d.original` for the apps `d` touched (DELETE /v2/deployments/{id}). */
export function rollbackDeployment(s: MarathonScheduler, d: DeploymentRecord, reason: string): DeploymentRecord {
  cancelDeployment(s, d, reason);
  const version = new Date(s.now()).toISOString();
  const changes = new Map<string, AppDefinition | undefined>();
  for (const appId of d.affectedApps) {
    const before = d.original.find((a) => a.id === appId);
    const now = s.store.apps.get(appId);
    if (before) {
      // Back to the old definition, as a new version (upstream: the original root group, re-stamped).
      const scaleOnly = now !== undefined && now.versionInfo.lastConfigChangeAt === before.versionInfo.lastConfigChangeAt;
      changes.set(appId, { ...before, version, versionInfo: { lastScalingAt: version, lastConfigChangeAt: scaleOnly ? before.versionInfo.lastConfigChangeAt : version } });
    } else if (now) changes.set(appId, undefined);
  }
  return startDeployment(s, changes, { force: true, version, rollbackOf: d.id, noDeadline: true });
}

/** The deadline passed: the deployment fails with `reason`, which the apps keep, and is rolled back. */
export function failDeployment(s: MarathonScheduler, d: DeploymentRecord, reason: string): void {
  s.log.warn({ deployment: d.id, reason }, 'deployment failed');
  const at = new Date(s.now()).toISOString();
  const step = d.steps[d.currentStep];
  if (step) s.bus.publish('deployment_step_failure', { plan: planJson(s, d), currentStep: stepJson(step), reason });
  s.bus.publish('group_change_failed', { groupId: '/', version: d.version, reason });
  const rollback = rollbackDeployment(s, d, reason);
  for (const appId of d.affectedApps) s.store.putDeploymentFailure({ appId, deploymentId: d.id, reason, timestamp: at, version: d.version, rollbackDeploymentId: rollback.id });
}

export function finishDeployment(s: MarathonScheduler, d: DeploymentRecord): void {
  s.store.deleteDeployment(d.id);
  s.bus.publish('deployment_success', { id: d.id, plan: planJson(s, d) });
  s.schedule();
}

function planOf(d: DeploymentRecord): DeploymentPlan {
  return {
    id: d.id,
    version: d.version,
    original: new Map(d.original.map((a) => [a.id, a])),
    target: new Map(d.target.map((a) => [a.id, a])),
    steps: d.steps,
    affectedApps: d.affectedApps,
  };
}

/** GET /v2/deployments row, with readiness results of the current actions. */
export function planJson(s: MarathonScheduler, d: DeploymentRecord): Record<string, unknown> {
  const step = d.steps[d.currentStep];
  const currentActions = (step?.actions ?? []).map((a) => ({
    action: a.action,
    app: a.app,
    readinessCheckResults: s.readiness.resultsFor(s.store.instancesOf(a.app).map((i) => i.taskId)),
  }));
  return planToJson(planOf(d), Math.min(d.currentStep + 1, d.steps.length), currentActions);
}

export function stepJson(step: DeploymentRecord['steps'][number]): Record<string, unknown> {
  return { actions: step.actions.map((a) => ({ action: a.action, app: a.app })) };
}
