/**
 * `tsmesos app tasks <id>` (`GET /v2/apps/{id}/tasks`) and `tsmesos app kill <task> [--scale]`
 * (`DELETE /v2/apps/{appId}/tasks/{taskId}`). `kill` takes the full task id or any unique prefix or
 * part of it, looked up in `GET /v2/tasks` like `tsmesos task` does on the master. Without
 * `--scale` Marathon replaces the killed task; with it, `instances` drops by one (a deployment).
 */
import type { Command } from 'commander';
import type { MarathonTask } from '../client/marathon-types.js';
import { type DeployOptions, addDeployOptions, addMarathonOption, type MarathonOption, marathonFor, printJson } from './app-common.js';
import { finishDeployment } from './app-deploy.js';
import { TASK_COLUMNS, taskCells } from './app-rows.js';
import type { CliContext } from './context.js';
import { UserError } from './errors.js';
import { asUserError } from './master-address.js';
import { renderTable, terminalWidth } from './output/table.js';

interface KillOptions extends DeployOptions {
  scale?: boolean;
  wipe?: boolean;
}

export function registerAppTasks(app: Command, ctx: CliContext): void {
  addMarathonOption(
    app
      .command('tasks')
      .description("List an app's tasks: ID, HOST, PORTS, STATE, HEALTH, STARTED and VERSION.")
      .argument('<id>', 'app id, e.g. /test')
      .option('--json', 'print Marathon\'s task objects as a JSON array'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ tsmesos app tasks /test
  $ tsmesos app tasks /test --json | jq -r '.[] | "\\(.host):\\(.ports[0])"'
  $ tsmesos task cat <ID>                        the stdout of one of them`,
    )
    .action(async (id: string, opts: MarathonOption & { json?: boolean }) => {
      const tasks = await marathonFor(ctx, opts.marathon).appTasks(id).catch(asUserError);
      const sorted = [...tasks].sort((a, b) => (a.startedAt ?? a.stagedAt ?? '').localeCompare(b.startedAt ?? b.stagedAt ?? ''));
      if (opts.json) return printJson(ctx, sorted);
      const now = Date.now();
      ctx.stdout.write(renderTable(TASK_COLUMNS, sorted.map((t) => taskCells(t, now)), terminalWidth(ctx.stdout, ctx.env)));
    });
}

export function registerAppKill(app: Command, ctx: CliContext): void {
  addDeployOptions(
    app
      .command('kill')
      .description('Kill one task of an app. Marathon starts a replacement unless --scale lowers the instance count.')
      .argument('<task>', 'task id, or a unique prefix or part of one')
      .option('--scale', 'also lower the app\'s instances by one, so the task is not replaced')
      .option('--wipe', 'also forget the task\'s reservation (resident tasks)'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ tsmesos app tasks /test                         find the task ids
  $ tsmesos app kill test.instance-3f6c2a1e-a8b4-11ef-9c1a-0242ac110002._app.1
  $ tsmesos app kill 3f6c                           any unique part of the id
  $ tsmesos app kill 3f6c --scale                   and do not replace it`,
    )
    .action(async (query: string, opts: KillOptions) => {
      const client = marathonFor(ctx, opts.marathon);
      const task = findTask(await client.tasks().catch(asUserError), query);
      const appId = task.appId ?? '';
      const killed = await client.killTask(appId, task.id, { scale: opts.scale, wipe: opts.wipe, force: opts.force }).catch(asUserError);
      if (killed.deployment) {
        await finishDeployment(ctx, client, killed.deployment, [appId], opts, `Killed ${task.id} and scaled ${appId} down by one`);
        return;
      }
      if (opts.json) return printJson(ctx, { task: killed.task ?? task, appId, replaced: true });
      ctx.stdout.write(`Killed ${task.id} of ${appId}; Marathon will start a replacement\n`);
    });
}

/** Exact id, else a unique prefix, else a unique part; an ambiguous query lists the candidates. */
export function findTask(tasks: MarathonTask[], query: string): MarathonTask {
  const exact = tasks.find((t) => t.id === query);
  if (exact) return exact;
  for (const match of [(t: MarathonTask) => t.id.startsWith(query), (t: MarathonTask) => t.id.includes(query)]) {
    const hits = tasks.filter(match);
    if (hits.length === 1) return hits[0]!;
    if (hits.length > 1) {
      const list = hits.slice(0, 10).map((t) => `    ${t.id}  ${t.appId ?? '?'} (${t.state ?? '?'} on ${t.host ?? '?'})`);
      throw new UserError(`${hits.length} tasks match ${JSON.stringify(query)}:\n${list.join('\n')}${hits.length > 10 ? '\n    …' : ''}`, 'give more of the id');
    }
  }
  throw new UserError(`no Marathon task matches ${JSON.stringify(query)}`, 'see `tsmesos app tasks <app>` for the task ids (finished tasks are not listed)');
}
