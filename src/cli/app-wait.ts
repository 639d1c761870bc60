/**
 * Follows a Marathon deployment until it is over, the way the Marathon UI does: poll
 * `GET /v2/deployments` until the id disappears (upstream lists only running deployments), showing
 * the step (`currentStep/totalSteps`), the current actions and the affected apps' task counts.
 * On a terminal the progress is one line rewritten in place on stderr; otherwise a plain line is
 * printed whenever it changes (logs and CI stay readable). Then it checks how the deployment ended:
 * an app whose version is not the deployment's was rolled back or replaced meanwhile.
 */
import { ClientError } from '../client/client-error.js';
import type { MarathonClient } from '../client/marathon-client.js';
import type { Deployment, DeploymentResult, MarathonApp } from '../client/marathon-types.js';
import { appStatus, currentActions, queueLines } from './app-rows.js';
import { UserError } from './errors.js';
import { abortableSleep } from './task-follow.js';
import { formatElapsed } from './time-text.js';

export const POLL_INTERVAL_MS = 500;
/** Task counts are shown for at most this many affected apps. */
const MAX_COUNTED_APPS = 3;

export interface FollowDeps {
  client: Pick<MarathonClient, 'deployments' | 'app' | 'queue'>;
  /** Where progress goes (stderr); `isTTY` picks the in-place line. */
  out: NodeJS.WritableStream & { isTTY?: boolean };
  timeoutMs: number;
  intervalMs?: number;
  signal?: AbortSignal;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface FollowOutcome {
  status: 'finished' | 'rolled-back' | 'interrupted';
  elapsedMs: number;
  /** The affected apps as they are at the end (absent: removed). */
  apps: MarathonApp[];
  /** For `rolled-back`: which app is at which version instead. */
  note?: string;
}

/** One progress line: `step 1/2 ScaleApplication /test · /test 3/5 running, 2 healthy (4s)`. */
export function progressText(d: Deployment | undefined, apps: MarathonApp[], elapsedMs: number, id: string): string {
  const step = d ? `step ${d.currentStep ?? 0}/${d.totalSteps ?? d.steps?.length ?? 0}` : 'starting';
  const actions = d ? currentActions(d) : '';
  const counts = apps.map(countsText).join('; ');
  return `deployment ${id}: ${step}${actions ? ` ${actions}` : ''}${counts ? ` · ${counts}` : ''} (${formatElapsed(elapsedMs)})`;
}

/** `/test 3/5 running, 1 staged, 2 healthy` */
export function countsText(app: MarathonApp): string {
  const parts = [`${app.tasksRunning ?? 0}/${app.instances ?? 0} running`];
  if (app.tasksStaged) parts.push(`${app.tasksStaged} staged`);
  if ((app.healthChecks ?? []).length > 0) parts.push(`${app.tasksHealthy ?? 0} healthy`);
  if (app.tasksUnhealthy) parts.push(`${app.tasksUnhealthy} unhealthy`);
  return `${app.id} ${parts.join(', ')}`;
}

export async function followDeployment(result: DeploymentResult, appIds: string[], deps: FollowDeps): Promise<FollowOutcome> {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? defaultSleep;
  const start = now();
  const id = result.deploymentId;
  const tty = deps.out.isTTY === true;
  let last = '';
  let ids = appIds;
  const show = (text: string) => {
    if (text === last) return;
    deps.out.write(tty ? `\r\x1b[2K${text}` : `${text}\n`);
    last = text;
  };
  const endLine = () => {
    if (tty && last) deps.out.write('\n');
  };
  try {
    for (;;) {
      if (deps.signal?.aborted) return { status: 'interrupted', elapsedMs: now() - start, apps: await appsNow(deps.client, ids) };
      const dep = id ? (await deps.client.deployments()).find((d) => d.id === id) : undefined;
      if (dep?.affectedApps?.length) ids = dep.affectedApps;
      const apps = await appsNow(deps.client, ids.slice(0, MAX_COUNTED_APPS));
      if (!dep) return outcome(result, apps, now() - start);
      const text = progressText(dep, apps, now() - start, id);
      // Plain output changes only when the state does, not with every elapsed second.
      if (tty) show(text);
      else if (text.replace(/ \([^)]*\)$/, '') !== last.replace(/ \([^)]*\)$/, '')) show(text);
      if (now() - start >= deps.timeoutMs) {
        endLine();
        last = '';
        throw await timeoutError(deps, dep, apps, now() - start);
      }
      await sleep(deps.intervalMs ?? POLL_INTERVAL_MS, deps.signal);
    }
  } finally {
    endLine();
  }
}

function outcome(result: DeploymentResult, apps: MarathonApp[], elapsedMs: number): FollowOutcome {
  const moved = result.version ? apps.filter((a) => a.version && a.version !== result.version) : [];
  if (moved.length) {
    const note = moved.map((a) => `${a.id} is at version ${a.version}, not ${result.version}`).join('; ');
    return { status: 'rolled-back', elapsedMs, apps, note };
  }
  return { status: 'finished', elapsedMs, apps };
}

/** The apps as they are now; a removed app (404) is left out, other failures are thrown. */
async function appsNow(client: FollowDeps['client'], ids: string[]): Promise<MarathonApp[]> {
  const apps = await Promise.all(
    ids.map((id) =>
      client.app(id).catch((e) => {
        if (e instanceof ClientError && e.status === 404) return undefined;
        throw e;
      }),
    ),
  );
  return apps.filter((a): a is MarathonApp => a !== undefined);
}

async function timeoutError(deps: FollowDeps, dep: Deployment, apps: MarathonApp[], elapsedMs: number): Promise<UserError> {
  const lines = [`deployment ${dep.id} is still running after ${formatElapsed(elapsedMs)}: ${progressText(dep, apps, elapsedMs, dep.id).replace(/^deployment \S+: /, '')}`];
  const waiting = apps.filter((a) => appStatus(a) !== 'Running');
  if (waiting.length) {
    const queue = await deps.client.queue().catch(() => []);
    for (const app of waiting) {
      const entry = queue.find((q) => q.app?.id === app.id);
      if (entry) lines.push(`  why ${app.id} is not launching:`, ...queueLines(entry, Date.now()).map((l) => `    ${l}`));
    }
  }
  const first = apps[0]?.id;
  return new UserError(
    lines.join('\n'),
    `it continues in Marathon: watch it with \`tsmesos app deployments\`${first ? `, look at \`tsmesos app show ${first}\`` : ''}, or undo it with \`tsmesos app rollback ${dep.id}\``,
  );
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return abortableSleep(ms, signal ?? new AbortController().signal);
}
