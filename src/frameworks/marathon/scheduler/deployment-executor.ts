/**
 * Runs deployments (upstream `DeploymentActor`, `TaskStartActor`, `TaskReplaceActor`,
 * `AppStopActor`): every scheduler pass re-reads each running deployment's current step and moves
 * its actions on, from the state alone — so a new leader resumes a deployment where it stood.
 *
 * - StartApplication: the app exists with its definition; instances come in the scale step.
 * - StopApplication: kill every task of the app; done when none is left (app_terminated_event).
 * - ScaleApplication: launch up to / kill down to `instances`; done when exactly that many are
 *   running, healthy and ready, and no task of the app is still being killed.
 * - RestartApplication: rolling replacement by CORE `replaceStep` within minimumHealthCapacity /
 *   maximumOverCapacity; new tasks count once running, healthy and ready; done when no old task
 *   is left and `instances` new ones are ready.
 * Apps of later steps are held (nothing launched for them). Past the tsmesos deadline
 * (`deploymentDeadlineSeconds`), the deployment fails with a reason and is rolled back.
 * @module
 */
import { replaceStep } from '../deploy/replace-math.js';
import { type DeploymentRecord, targetOf } from './deployment-record.js';
import { failDeployment, finishDeployment, planJson, stepJson } from './deployments.js';
import { chooseKills, instancesByApp } from './keeper.js';
import { isActive, type Instance } from './instance.js';
import type { MarathonScheduler } from './marathon-scheduler.js';

/** `all`: every task by app, from the pass's one walk (tasks are neither added nor removed during a pass). */
export function evaluateDeployments(s: MarathonScheduler, all: Map<string, Instance[]> = instancesByApp(s)): void {
  s.overrides.clear();
  const running = [...s.store.deployments.values()].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  for (const d of running) {
    if (d.deadlineAt !== undefined && s.now() > d.deadlineAt) {
      failDeployment(s, d, deadlineReason(s, d));
      continue;
    }
    runSteps(s, d, all);
  }
}

function runSteps(s: MarathonScheduler, d: DeploymentRecord, all: Map<string, Instance[]>): void {
  while (d.currentStep < d.steps.length) {
    const step = d.steps[d.currentStep]!;
    const done = step.actions.map((a) => runAction(s, d, a.action, a.app, all.get(a.app) ?? [])).every(Boolean);
    if (!done) break;
    s.bus.publish('deployment_step_success', { plan: planJson(s, d), currentStep: stepJson(step) });
    d.currentStep++;
    s.store.putDeployment(d);
    if (d.currentStep < d.steps.length) s.bus.publish('deployment_info', { plan: planJson(s, d), currentStep: stepJson(d.steps[d.currentStep]!) });
  }
  if (d.currentStep >= d.steps.length) return finishDeployment(s, d);
  for (const later of d.steps.slice(d.currentStep + 1)) for (const a of later.actions) if (!s.overrides.has(a.app)) s.overrides.set(a.app, 'hold');
}

function runAction(s: MarathonScheduler, d: DeploymentRecord, action: string, appId: string, all: Instance[]): boolean {
  const active = all.filter(isActive);
  const target = targetOf(d, appId);
  if (action === 'StopApplication' || !target) {
    s.overrides.set(appId, 'hold');
    for (const i of active) s.killer.kill(i, { reason: `app ${appId} is being removed (deployment ${d.id})` });
    if (all.length > 0) return false;
    s.bus.publish('app_terminated_event', { appId });
    return true;
  }
  if (action === 'StartApplication') {
    s.overrides.set(appId, 'hold');
    return true;
  }
  if (action === 'ScaleApplication') {
    const others = active.filter((i) => i.version !== target.version).length;
    s.overrides.set(appId, { app: target, count: target.instances - others });
    if (active.length > target.instances) {
      for (const i of chooseKills(active, active.length - target.instances, target)) s.killer.kill(i, { reason: `scaling ${appId} to ${target.instances} (deployment ${d.id})` });
      return false;
    }
    return active.length === target.instances && all.length === active.length && active.every((i) => s.isReady(i));
  }
  // RestartApplication
  const fresh = active.filter((i) => i.version === target.version);
  const old = active.filter((i) => i.version !== target.version);
  const newReady = fresh.filter((i) => s.isReady(i)).length;
  const oldKilling = all.filter((i) => i.killing && i.version !== target.version).length;
  const next = replaceStep({ instances: target.instances, oldRunning: old.length, oldKilling, newStarted: fresh.length, newReady, strategy: target.upgradeStrategy });
  if (next.killOld > 0) for (const i of chooseKills(old, next.killOld, target)) s.killer.kill(i, { reason: `replaced by version ${target.version} (deployment ${d.id})` });
  s.overrides.set(appId, { app: target, count: Math.max(fresh.length + next.startNew, fresh.length) });
  const oldLeft = all.filter((i) => i.version !== target.version).length;
  if (fresh.length > target.instances) {
    for (const i of chooseKills(fresh, fresh.length - target.instances, target)) s.killer.kill(i, { reason: `scaling ${appId} to ${target.instances}` });
  }
  return oldLeft === 0 && newReady >= target.instances && fresh.length === target.instances;
}

function deadlineReason(s: MarathonScheduler, d: DeploymentRecord): string {
  const step = d.steps[d.currentStep];
  const waiting = (step?.actions ?? []).map((a) => {
    const target = targetOf(d, a.app);
    const tasks = s.store.instancesOf(a.app).filter(isActive);
    const ready = tasks.filter((i) => target !== undefined && i.version === target.version && s.isReady(i)).length;
    const failure = s.store.failures.get(a.app);
    const last = failure && Date.parse(failure.timestamp) >= Date.parse(d.startedAt) ? `; last task failure: ${failure.state} ${failure.message}` : '';
    return `${a.action} ${a.app}: ${ready}/${target?.instances ?? 0} new tasks ready${last}`;
  });
  const secs = Math.round(((d.deadlineAt ?? 0) - Date.parse(d.startedAt)) / 1000);
  return `deployment deadline of ${secs}s exceeded at step ${d.currentStep + 1}/${d.steps.length} (${waiting.join('; ')}): rolled back`;
}
