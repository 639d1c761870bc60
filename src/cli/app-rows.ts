/**
 * Pure rendering for `tsmesos app`: list rows, task rows, deployment rows, and the "why isn't it
 * launching" lines built from a `/v2/queue` entry (marathon-chronos-api.md §1.1: the queue with
 * `processedOffersSummary` and `lastUnusedOffers` is the tool for that question). No I/O.
 */
import type { Deployment, MarathonApp, MarathonTask, QueueEntry } from '../client/marathon-types.js';
import type { Column } from './output/table.js';
import { formatMegabytes, formatScalar } from './output/units.js';
import { formatAgo, formatElapsed } from './time-text.js';

/** One `app list` row; `--json` prints an array of these. */
export interface AppRow {
  id: string;
  status: 'Deploying' | 'Suspended' | 'Waiting' | 'Running';
  instances: number;
  running: number;
  staged: number;
  healthy: number | null;
  unhealthy: number | null;
  cpus: number;
  mem: number;
  deployments: string[];
  cmd: string;
}

/** The Marathon UI's status words, derived from counts and deployments. */
export function appStatus(app: MarathonApp): AppRow['status'] {
  if ((app.deployments ?? []).length > 0) return 'Deploying';
  const instances = app.instances ?? 0;
  if (instances === 0 && (app.tasksRunning ?? 0) === 0) return 'Suspended';
  if ((app.tasksRunning ?? 0) < instances) return 'Waiting';
  return 'Running';
}

/** The command line an app runs: `cmd`, else `args` joined, else its Docker image. */
export function appCommand(app: MarathonApp): string {
  if (app.cmd) return app.cmd;
  if (app.args?.length) return app.args.join(' ');
  const image = app.container?.docker?.image;
  return image ? `(image ${image})` : '';
}

export function appRow(app: MarathonApp): AppRow {
  const checked = (app.healthChecks ?? []).length > 0;
  return {
    id: app.id,
    status: appStatus(app),
    instances: app.instances ?? 0,
    running: app.tasksRunning ?? 0,
    staged: app.tasksStaged ?? 0,
    healthy: checked ? (app.tasksHealthy ?? 0) : null,
    unhealthy: checked ? (app.tasksUnhealthy ?? 0) : null,
    cpus: app.cpus ?? 0,
    mem: app.mem ?? 0,
    deployments: (app.deployments ?? []).map((d) => d.id),
    cmd: appCommand(app).replace(/\s+/g, ' '),
  };
}

export const APP_COLUMNS: Column[] = [
  { header: 'ID' },
  { header: 'STATUS' },
  { header: 'RUNNING', align: 'right' },
  { header: 'HEALTHY', align: 'right' },
  { header: 'CPUS', align: 'right' },
  { header: 'MEM', align: 'right' },
  { header: 'CMD' },
];

export function appCells(r: AppRow): string[] {
  return [r.id, r.status, `${r.running}/${r.instances}`, r.healthy === null ? '-' : String(r.healthy), formatScalar(r.cpus), formatMegabytes(r.mem), r.cmd];
}

/** `healthy`, `unhealthy` (with the last failure cause), or `-` without health checks. */
export function taskHealth(t: MarathonTask): string {
  const results = t.healthCheckResults ?? [];
  if (results.length === 0) return '-';
  const bad = results.find((h) => h.alive === false);
  if (!bad) return 'healthy';
  return bad.lastFailureCause ? `unhealthy: ${bad.lastFailureCause}` : 'unhealthy';
}

export const TASK_COLUMNS: Column[] = [
  { header: 'ID', cut: 'middle', keep: true },
  { header: 'HOST' },
  { header: 'PORTS' },
  { header: 'STATE' },
  { header: 'HEALTH' },
  { header: 'STARTED' },
  { header: 'VERSION' },
];

export function taskCells(t: MarathonTask, now: number): string[] {
  return [
    t.id,
    t.host ?? '-',
    (t.ports ?? []).join(',') || '-',
    t.state ?? '-',
    taskHealth(t),
    formatAgo(t.startedAt ?? t.stagedAt, now),
    t.version ?? '-',
  ];
}

export const DEPLOYMENT_COLUMNS: Column[] = [
  { header: 'ID', cut: 'middle' },
  { header: 'APPS' },
  { header: 'STEP', align: 'right' },
  { header: 'ACTIONS' },
  { header: 'STARTED' },
];

/** `ScaleApplication /a, RestartApplication /b`: what the current step is doing. */
export function currentActions(d: Deployment): string {
  const step = d.currentStep ?? 0;
  const actions = d.currentActions?.length ? d.currentActions : (d.steps?.[Math.max(0, step - 1)]?.actions ?? []);
  return actions.map((a) => `${a.action} ${a.app ?? a.pod ?? ''}`.trim()).join(', ');
}

export function deploymentCells(d: Deployment, now: number): string[] {
  const apps = [...(d.affectedApps ?? []), ...(d.affectedPods ?? [])];
  return [d.id, apps.join(',') || '-', `${d.currentStep ?? 0}/${d.totalSteps ?? d.steps?.length ?? 0}`, currentActions(d) || '-', formatAgo(d.version, now)];
}

/**
 * Why an app is not launching, from its `/v2/queue` entry: how many instances wait, the launch
 * backoff, which checks declined the last offers (in Marathon's pipeline order, only the steps
 * that declined some), and the most recent unused offers with their reasons.
 */
export function queueLines(entry: QueueEntry, now: number, maxOffers = 5): string[] {
  const lines: string[] = [];
  const since = entry.since ? `, waiting since ${formatAgo(entry.since, now)}` : '';
  lines.push(`${entry.count ?? 0} instance${entry.count === 1 ? '' : 's'} waiting to launch${since}`);
  const delay = entry.delay;
  if (delay && !delay.overdue && (delay.timeLeftSeconds ?? 0) > 0) {
    lines.push(`launch delayed by backoff for another ${formatElapsed((delay.timeLeftSeconds ?? 0) * 1000)} (after failures; \`DELETE /v2/queue/<app>/delay\` resets it)`);
  }
  const summary = entry.processedOffersSummary;
  const rejects = (summary?.rejectSummaryLastOffers ?? []).filter((r) => (r.declined ?? 0) > 0);
  if (summary && (summary.processedOffersCount ?? 0) > 0) {
    const used = (summary.processedOffersCount ?? 0) - (summary.unusedOffersCount ?? 0);
    lines.push(`offers processed: ${summary.processedOffersCount}, unused: ${summary.unusedOffersCount ?? 0}, used: ${used}${summary.lastUnusedOfferAt ? ` (last unused ${formatAgo(summary.lastUnusedOfferAt, now)})` : ''}`);
  } else if (summary) {
    lines.push('no offers processed yet: is an agent with free resources registered (`tsmesos agent list`)?');
  }
  if (rejects.length) {
    lines.push('declined last offers because:');
    for (const r of rejects) lines.push(`  ${r.reason}: ${r.declined} of ${r.processed ?? r.declined}`);
  }
  const offers = (entry.lastUnusedOffers ?? []).slice(-maxOffers).reverse();
  if (offers.length) {
    lines.push('recent unused offers:');
    for (const o of offers) {
      const host = o.offer?.hostname ?? o.offer?.agentId ?? '?';
      lines.push(`  ${host}: ${(o.reason ?? []).join(', ') || 'no reason given'}${o.timestamp ? ` (${formatAgo(o.timestamp, now)})` : ''}`);
    }
  }
  return lines;
}

/** `cpus 0.1, mem 16M, disk 0` */
export function resourcesText(app: MarathonApp): string {
  return `cpus ${formatScalar(app.cpus ?? 0)}, mem ${formatMegabytes(app.mem ?? 0)}, disk ${formatMegabytes(app.disk ?? 0)}`;
}
