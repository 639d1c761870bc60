/**
 * `tsmesos app list`: Marathon's apps from `GET /v2/apps` (counts and deployments are always
 * embedded), like the Marathon UI's app list: ID, STATUS, RUNNING/INSTANCES, HEALTHY, CPUS, MEM, CMD.
 */
import type { Command } from 'commander';
import { asUserError } from './master-address.js';
import { addMarathonOption, type MarathonOption, marathonFor, printJson } from './app-common.js';
import { APP_COLUMNS, appCells, appRow } from './app-rows.js';
import type { CliContext } from './context.js';
import { renderTable, terminalWidth } from './output/table.js';

interface ListOptions extends MarathonOption {
  json?: boolean;
  filter?: string;
  label?: string;
}

export function registerAppList(app: Command, ctx: CliContext): void {
  addMarathonOption(
    app
      .command('list')
      .description('List apps: ID, STATUS (Running, Deploying, Waiting, Suspended), RUNNING/INSTANCES, HEALTHY, CPUS, MEM and CMD.')
      .option('--filter <text>', 'only apps whose id contains this text (Marathon ?id=, case-insensitive)')
      .option('--label <selector>', 'only apps matching a label selector: key, key==value, key!=value, key in (a,b)')
      .option('--json', 'print the rows as a JSON array (raw numbers, never truncated)'),
  )
    .addHelpText(
      'after',
      `
HEALTHY is "-" for apps without health checks.

Examples:
  $ tsmesos app list
  $ tsmesos app list --marathon=10.0.0.1:8080 --filter=web
  $ tsmesos app list --label 'tier==frontend'
  $ tsmesos app list --json | jq -r '.[] | select(.running < .instances) | .id'`,
    )
    .action(async (opts: ListOptions) => {
      const apps = await marathonFor(ctx, opts.marathon).apps({ id: opts.filter, label: opts.label }).catch(asUserError);
      const rows = apps.map(appRow).sort((a, b) => a.id.localeCompare(b.id));
      if (opts.json) return printJson(ctx, rows);
      ctx.stdout.write(renderTable(APP_COLUMNS, rows.map(appCells), terminalWidth(ctx.stdout, ctx.env)));
    });
}
