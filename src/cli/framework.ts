/**
 * `tsmesos framework list [-a]` and `tsmesos framework inspect <id>`, after the upstream `mesos
 * framework` plugin (mesos-api.md §8.1): a table `ID | ACTIVE | HOSTNAME | NAME` (+ task count and
 * allocated cpus/mem) from master `/master/frameworks`, and one framework's JSON without its task
 * arrays (those can be huge; `tsmesos ps` shows tasks).
 */
import type { Command } from 'commander';
import type { LegacyFramework, MasterFrameworks } from '../client/legacy-types.js';
import type { CliContext } from './context.js';
import { UserError } from './errors.js';
import { MASTER_OPTION_HELP, asUserError, masterClient } from './master-address.js';
import { renderTable, terminalWidth } from './output/table.js';
import { formatMegabytes, formatScalar } from './output/units.js';

interface ListOptions {
  master?: string;
  all?: boolean;
  json?: boolean;
}

/** One `framework list` row; `--json` prints an array of these. */
export interface FrameworkRow {
  id: string;
  name: string;
  active: boolean;
  hostname: string;
  user: string;
  tasks: number;
  cpus: number;
  mem_mb: number;
  completed: boolean;
}

export function registerFramework(program: Command, ctx: CliContext): void {
  const framework = program
    .command('framework')
    .summary('list and inspect frameworks')
    .description('Frameworks registered with the master.')
    .addHelpText(
      'after',
      `
Examples:
  $ tsmesos framework list                 active frameworks
  $ tsmesos framework list --all --json    also completed ones, as JSON
  $ tsmesos framework inspect 5e2d9b8c-1f3a-4c8e-9b7d-2a6f0c4e8d11-0000`,
    );
  framework
    .command('list')
    .description('List frameworks: ID, ACTIVE, HOSTNAME, NAME, TASKS and allocated CPUS and MEM.')
    .option('--master <addr>', MASTER_OPTION_HELP)
    .option('-a, --all', 'also list completed (torn down or removed) frameworks')
    .option('--json', 'print the rows as a JSON array')
    .addHelpText(
      'after',
      `
Examples:
  $ tsmesos framework list
  $ tsmesos framework list -a --master=10.0.0.1:5050
  $ tsmesos framework list --json | jq -r '.[] | select(.active) | .id'`,
    )
    .action(async (opts: ListOptions) => {
      const data = await masterClient(opts.master, ctx).frameworks().catch(asUserError);
      const rows = frameworkRows(data, opts.all === true);
      if (opts.json) return void ctx.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      const cells = rows.map((r) => [r.id, r.active ? 'True' : 'False', r.hostname, r.name, String(r.tasks), formatScalar(r.cpus), formatMegabytes(r.mem_mb)]);
      const columns = [
        { header: 'ID', cut: 'middle' as const },
        'ACTIVE',
        'HOSTNAME',
        'NAME',
        { header: 'TASKS', align: 'right' as const },
        { header: 'CPUS', align: 'right' as const },
        { header: 'MEM', align: 'right' as const },
      ];
      ctx.stdout.write(renderTable(columns, cells, terminalWidth(ctx.stdout, ctx.env)));
    });
  framework
    .command('inspect')
    .description('Print one framework as JSON, without its task arrays.')
    .argument('<frameworkId>', 'framework id, or a unique prefix of one')
    .option('--master <addr>', MASTER_OPTION_HELP)
    .addHelpText(
      'after',
      `
Examples:
  $ tsmesos framework inspect 5e2d9b8c-1f3a-4c8e-9b7d-2a6f0c4e8d11-0000
  $ tsmesos framework inspect 5e2d9b8c --master=10.0.0.1:5050 | jq .used_resources`,
    )
    .action(async (id: string, opts: { master?: string }) => {
      const data = await masterClient(opts.master, ctx).frameworks().catch(asUserError);
      ctx.stdout.write(`${JSON.stringify(withoutTasks(findFramework(data, id)), null, 2)}\n`);
    });
}

export function frameworkRows(data: MasterFrameworks, all: boolean): FrameworkRow[] {
  const row = (f: LegacyFramework, completed: boolean): FrameworkRow => ({
    id: f.id,
    name: f.name,
    active: f.active === true,
    hostname: f.hostname ?? '',
    user: f.user ?? '',
    tasks: f.tasks?.length ?? 0,
    cpus: f.used_resources?.cpus ?? 0,
    mem_mb: f.used_resources?.mem ?? 0,
    completed,
  });
  const rows = (data.frameworks ?? []).map((f) => row(f, false));
  if (all) rows.push(...(data.completed_frameworks ?? []).map((f) => row(f, true)));
  return rows;
}

/** Exact id first, then a unique prefix (ids are long; upstream mesos-cli matched partially too). */
export function findFramework(data: MasterFrameworks, id: string): LegacyFramework {
  const every = [...(data.frameworks ?? []), ...(data.completed_frameworks ?? [])];
  const exact = every.find((f) => f.id === id);
  if (exact) return exact;
  const matches = every.filter((f) => f.id.startsWith(id));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new UserError(`${matches.length} frameworks match ${JSON.stringify(id)}`, 'give more of the id; see `tsmesos framework list --all`');
  }
  throw new UserError(`no framework with id ${JSON.stringify(id)}`, 'see `tsmesos framework list --all` for the ids the master knows');
}

/** The framework JSON minus `tasks`, `completed_tasks` and `unreachable_tasks`, as upstream prints it. */
export function withoutTasks(f: LegacyFramework): Record<string, unknown> {
  const { tasks: _t, completed_tasks: _c, unreachable_tasks: _u, ...rest } = f;
  return rest;
}
