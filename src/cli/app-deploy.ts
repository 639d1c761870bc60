/**
 * The end of every deploying `tsmesos app` command (add, update, scale, restart, destroy, kill
 * --scale, rollback): with `--no-wait`, say which deployment started; otherwise follow it
 * (app-wait.ts) and report how it ended. Ctrl-C stops following, not the deployment (exit 130).
 */
import type { MarathonClient } from '../client/marathon-client.js';
import type { DeploymentResult, MarathonApp } from '../client/marathon-types.js';
import { type DeployOptions, printJson } from './app-common.js';
import { type FollowOutcome, countsText, followDeployment } from './app-wait.js';
import type { CliContext } from './context.js';
import { UserError } from './errors.js';
import { formatElapsed } from './time-text.js';

/** Exit status after Ctrl-C, as a shell reports a SIGINT-ed command. */
export const INTERRUPTED_EXIT = 130;

export async function finishDeployment(
  ctx: CliContext,
  client: MarathonClient,
  result: DeploymentResult,
  appIds: string[],
  opts: DeployOptions,
  /** What was done, for the human line: "Created app /test", "Scaled /test to 5". */
  what: string,
): Promise<void> {
  const id = result.deploymentId;
  if (opts.wait === false || !id) {
    if (opts.json) return printJson(ctx, { deploymentId: id || null, version: result.version ?? null, apps: appIds, status: 'started' });
    ctx.stdout.write(`${what}: ${id ? `deployment ${id} started (follow it with \`tsmesos app deployments\`)` : 'done'}\n`);
    return;
  }
  const ctl = new AbortController();
  const stop = () => ctl.abort();
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  let end: FollowOutcome;
  try {
    end = await followDeployment(result, appIds, { client, out: ctx.stderr, timeoutMs: opts.timeout, signal: ctl.signal });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  if (opts.json) {
    printJson(ctx, { deploymentId: id, version: result.version ?? null, status: end.status, elapsedMs: end.elapsedMs, apps: end.apps.map(appSummary), ...(end.note ? { note: end.note } : {}) });
  }
  if (end.status === 'interrupted') {
    ctx.stderr.write(`tsmesos: stopped following deployment ${id}; it continues in Marathon (see \`tsmesos app deployments\`)\n`);
    ctx.exitCode = INTERRUPTED_EXIT;
    return;
  }
  if (end.status === 'rolled-back') {
    const err = new UserError(`deployment ${id} ended, but ${end.note}: it was rolled back or replaced`, `see \`tsmesos app show ${end.apps[0]?.id ?? '<app>'}\` for its last task failure and versions`);
    if (!opts.json) throw err;
    ctx.stderr.write(`tsmesos: error: ${err.message}\n  hint: ${err.hint}\n`);
    ctx.exitCode = 1;
    return;
  }
  if (!opts.json) {
    const counts = end.apps.map(countsText).join('; ');
    ctx.stdout.write(`${what}: deployment ${id} finished in ${formatElapsed(end.elapsedMs)}${counts ? ` · ${counts}` : ''}\n`);
  }
}

function appSummary(a: MarathonApp) {
  return {
    id: a.id,
    version: a.version ?? null,
    instances: a.instances ?? 0,
    tasksRunning: a.tasksRunning ?? 0,
    tasksStaged: a.tasksStaged ?? 0,
    tasksHealthy: a.tasksHealthy ?? 0,
    tasksUnhealthy: a.tasksUnhealthy ?? 0,
  };
}
