/**
 * `tsmesos app show <id>`: one app from `GET /v2/apps/{id}` (tasks, counts, deployments and
 * lastTaskFailure embedded) and, when instances are waiting, its `GET /v2/queue` entry, which
 * answers "why isn't it launching": the backoff delay, which checks declined the last offers, and
 * the recent unused offers with their reasons (marathon-chronos-api.md §1.1, issue 5 item 5).
 */
import type { Command } from 'commander';
import { canonicalAppId } from '../client/marathon-client.js';
import type { MarathonApp, QueueEntry } from '../client/marathon-types.js';
import { addMarathonOption, type MarathonOption, marathonFor, printJson } from './app-common.js';
import { TASK_COLUMNS, appCommand, appStatus, queueLines, resourcesText, taskCells } from './app-rows.js';
import { countsText } from './app-wait.js';
import type { CliContext } from './context.js';
import { asUserError } from './master-address.js';
import { renderTable, terminalWidth } from './output/table.js';
import { formatAgo } from './time-text.js';

export function registerAppShow(app: Command, ctx: CliContext): void {
  addMarathonOption(
    app
      .command('show')
      .description("Show an app: definition summary, task counts, its tasks, deployments, last task failure, and why instances are not launching.")
      .argument('<id>', 'app id, e.g. /test (the leading / may be left out)')
      .option('--json', 'print {"app": …, "queue": … | null} as JSON'),
  )
    .addHelpText(
      'after',
      `
"Waiting to launch" comes from Marathon's launch queue: the launch backoff after failures, the
checks that declined the last offers (UnfulfilledRole, UnfulfilledConstraint, InsufficientCpus,
InsufficientMemory, InsufficientPorts…) and the most recent offers that did not fit.

Examples:
  $ tsmesos app show /test
  $ tsmesos app show test --marathon=10.0.0.1:8080
  $ tsmesos app show /test --json | jq '.queue.processedOffersSummary'`,
    )
    .action(async (id: string, opts: MarathonOption & { json?: boolean }) => {
      const client = marathonFor(ctx, opts.marathon);
      const found = await client.app(id).catch(asUserError);
      const waiting = (found.tasksRunning ?? 0) + (found.tasksStaged ?? 0) < (found.instances ?? 0) || (found.deployments ?? []).length > 0;
      const queue = waiting ? (await client.queue().catch(asUserError)).find((q) => q.app?.id === canonicalAppId(found.id)) : undefined;
      if (opts.json) return printJson(ctx, { app: found, queue: queue ?? null });
      ctx.stdout.write(renderAppShow(found, queue, Date.now(), terminalWidth(ctx.stdout, ctx.env)));
    });
}

/** The human page of `app show`. */
export function renderAppShow(app: MarathonApp, queue: QueueEntry | undefined, now: number, width: number): string {
  const kv: Array<[string, string]> = [
    ['status', appStatus(app)],
    ['command', appCommand(app) || '-'],
    ['tasks', countsText(app).replace(/^\S+ /, '')],
    ['resources', resourcesText(app)],
  ];
  if (app.container?.type) kv.push(['container', `${app.container.type}${app.container.docker?.image ? ` ${app.container.docker.image}` : ''}`]);
  if (app.user) kv.push(['user', app.user]);
  if (app.constraints?.length) kv.push(['constraints', app.constraints.map((c) => c.join(':')).join(', ')]);
  const labels = Object.entries(app.labels ?? {});
  if (labels.length) kv.push(['labels', labels.map(([k, v]) => `${k}=${v}`).join(', ')]);
  for (const h of app.healthChecks ?? []) {
    const target = h.path ? ` ${String(h.path)}` : h.command ? ` ${String((h.command as { value?: string }).value ?? '')}` : '';
    kv.push(['health check', `${String(h.protocol ?? 'HTTP')}${target} every ${String(h.intervalSeconds ?? 60)}s, ${String(h.maxConsecutiveFailures ?? 3)} failures kill`]);
  }
  kv.push(['version', `${app.version ?? '-'}${app.versionInfo?.lastConfigChangeAt ? ` (config changed ${formatAgo(app.versionInfo.lastConfigChangeAt, now)})` : ''}`]);
  if (app.deployments?.length) kv.push(['deployments', app.deployments.map((d) => d.id).join(', ')]);
  const f = app.lastTaskFailure;
  if (f) kv.push(['last failure', `${f.state ?? '?'} ${formatAgo(f.timestamp, now)} on ${f.host ?? '?'}: ${f.message || '(no message)'}`]);
  const pad = Math.max(...kv.map(([k]) => k.length));
  const out = [`App ${app.id}`, ...kv.map(([k, v]) => `  ${k.padEnd(pad)}  ${v}`)];
  const tasks = [...(app.tasks ?? [])].sort((a, b) => (a.startedAt ?? a.stagedAt ?? '').localeCompare(b.startedAt ?? b.stagedAt ?? ''));
  out.push('', tasks.length ? `Tasks (${tasks.length}):` : 'Tasks: none');
  let text = `${out.join('\n')}\n`;
  if (tasks.length) text += renderTable(TASK_COLUMNS, tasks.map((t) => taskCells(t, now)), width);
  if (queue) text += `\nWaiting to launch:\n${queueLines(queue, now).map((l) => `  ${l}`).join('\n')}\n`;
  return text;
}
