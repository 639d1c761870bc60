/**
 * Wire renderings of the service's state: Task (types/task.raml), AppInfo with its embeds
 * (types/appInfo.raml: counts, deployments, tasks, lastTaskFailure, readiness, taskStats), and the
 * text/plain endpoint lists haproxy bridge scripts read.
 * @module
 */
import { appToJson } from '../app-model/to-json.js';
import type { AppDefinition } from '../app-model/types.js';
import { safePath } from '../app-model/path-id.js';
import type { Instance } from '../scheduler/instance.js';
import type { MarathonScheduler } from '../scheduler/marathon-scheduler.js';
import { lockedBy } from '../scheduler/deployments.js';

export function taskJson(s: MarathonScheduler, i: Instance): Record<string, unknown> {
  return {
    id: i.taskId,
    appId: i.appId,
    host: i.host,
    ports: i.hostPorts,
    servicePorts: i.servicePorts,
    ipAddresses: i.ipAddresses,
    slaveId: i.agentId,
    state: i.killing && i.state === 'TASK_RUNNING' ? 'TASK_KILLING' : i.state,
    stagedAt: i.stagedAt,
    ...(i.startedAt ? { startedAt: i.startedAt } : {}),
    version: i.version,
    healthCheckResults: s.health.results(i.taskId),
    localVolumes: [],
    role: i.role,
  };
}

/** Which optional parts of AppInfo to include (embed=apps.tasks / app.tasks …). */
export interface Embeds {
  tasks: boolean;
  readiness: boolean;
  lastTaskFailure: boolean;
  taskStats: boolean;
}

/** Upstream (`InfoEmbedResolver`) takes `app.x` and `apps.x` alike on both app endpoints. */
export function parseEmbeds(values: string[], prefix: 'app' | 'apps' | 'group.apps'): Embeds {
  const prefixes = prefix === 'group.apps' ? ['group.apps'] : ['app', 'apps'];
  const has = (x: string) => prefixes.some((p) => values.includes(`${p}.${x}`));
  return { tasks: has('tasks'), readiness: has('readiness'), lastTaskFailure: has('lastTaskFailure') || has('failures'), taskStats: has('taskStats') };
}

export function counts(s: MarathonScheduler, appId: string): Record<string, number> {
  let staged = 0;
  let running = 0;
  let healthy = 0;
  let unhealthy = 0;
  for (const i of s.store.instancesOf(appId)) {
    if (i.state === 'TASK_RUNNING') running++;
    else if (i.state === 'TASK_STAGING' || i.state === 'TASK_STARTING') staged++;
    const app = s.appFor(i);
    if (app && app.healthChecks.length > 0) {
      const h = s.health.healthOf(i.taskId);
      if (h === true && i.state === 'TASK_RUNNING') healthy++;
      else if (h === false) unhealthy++;
    }
  }
  return { tasksStaged: staged, tasksRunning: running, tasksHealthy: healthy, tasksUnhealthy: unhealthy };
}

export function appInfo(s: MarathonScheduler, app: AppDefinition, e: Embeds): Record<string, unknown> {
  const out: Record<string, unknown> = { ...appToJson(app), ...counts(s, app.id) };
  out.deployments = lockedBy(s, [app.id]).map((d) => ({ id: d.id }));
  const tasks = s.store.instancesOf(app.id);
  if (e.tasks) out.tasks = tasks.map((i) => taskJson(s, i));
  if (e.readiness) out.readinessCheckResults = s.readiness.resultsFor(tasks.map((i) => i.taskId));
  const failure = s.store.failures.get(app.id);
  if (e.lastTaskFailure && failure) out.lastTaskFailure = failure;
  const df = s.store.deploymentFailures.get(app.id);
  if (df) out.lastDeploymentFailure = df;
  if (e.taskStats) out.taskStats = taskStats(s, tasks);
  return out;
}

function taskStats(s: MarathonScheduler, tasks: Instance[]): Record<string, unknown> {
  if (tasks.length === 0) return {};
  const now = s.now();
  const lifetimes = tasks.filter((i) => i.startedAt).map((i) => (now - Date.parse(i.startedAt!)) / 1000);
  const c = { staged: 0, running: 0, healthy: 0, unhealthy: 0 };
  for (const i of tasks) {
    if (i.state === 'TASK_RUNNING') c.running++;
    else c.staged++;
    const h = s.health.healthOf(i.taskId);
    if (h === true) c.healthy++;
    else if (h === false) c.unhealthy++;
  }
  const mean = lifetimes.length ? lifetimes.reduce((a, b) => a + b, 0) / lifetimes.length : 0;
  const sorted = [...lifetimes].sort((a, b) => a - b);
  const median = sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
  return { totalSummary: { stats: { counts: c, lifeTime: { averageSeconds: mean, medianSeconds: median } } } };
}

/** `app_id<TAB>servicePort<TAB>host:port<TAB>…` lines, one per app and service port (upstream EndpointsHelper). */
export function endpointsText(s: MarathonScheduler, apps: AppDefinition[], delimiter: string, filter: (i: Instance) => boolean = () => true): string {
  let out = '';
  for (const app of apps) {
    const clean = safePath(app.id);
    const tasks = s.store.instancesOf(app.id).filter((i) => !i.killing && filter(i));
    const servicePorts = app.portDefinitions.length > 0 ? app.portDefinitions.map((p) => p.port) : (app.container?.portMappings ?? []).map((m) => m.servicePort);
    if (servicePorts.length === 0) {
      out += `${clean}${delimiter} ${delimiter}${tasks.map((t) => `${t.host}${delimiter}`).join('')}\n`;
      continue;
    }
    servicePorts.forEach((sp, j) => {
      out += `${clean}${delimiter}${sp}${delimiter}${tasks.map((t) => `${t.host}:${t.hostPorts[j] ?? ''}${delimiter}`).join('')}\n`;
    });
  }
  return out;
}
