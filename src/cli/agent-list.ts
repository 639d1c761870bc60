/**
 * `tsmesos agent list`, after the upstream `mesos agent list` (mesos-api.md §8.1): a table
 * `AGENT ID | HOSTNAME | ACTIVE` plus used/total cpus and mem, from master `/master/slaves`.
 * `tsmesos agent` itself will also become the agent daemon (`tsmesos agent --master=…`), so this
 * file owns only the `list` subcommand of a plain `agent` command: the daemon can later be added as
 * the default action (or a default subcommand) without breaking `agent list`.
 */
import type { Command } from 'commander';
import type { MasterSlaves } from '../client/legacy-types.js';
import type { CliContext } from './context.js';
import { MASTER_OPTION_HELP, asUserError, masterClient } from './master-address.js';
import { renderTable, terminalWidth } from './output/table.js';
import { formatMegabytes, formatScalar } from './output/units.js';

/** One `agent list` row; `--json` prints an array of these (legacy resource names and units). */
export interface AgentRow {
  id: string;
  hostname: string;
  port: number | null;
  active: boolean;
  resources: { cpus: number; mem: number; disk: number; gpus: number };
  used_resources: { cpus: number; mem: number; disk: number; gpus: number };
}

/** Returns the `agent` command so the agent daemon's registration can extend it. */
export function registerAgentList(program: Command, ctx: CliContext): Command {
  const agent =
    program.commands.find((c) => c.name() === 'agent') ??
    program.command('agent').summary('agents: list them').description('Agents registered with the master.');
  agent
    .command('list')
    .description('List agents: AGENT ID, HOSTNAME, ACTIVE and used/total CPUS and MEM.')
    .option('--master <addr>', MASTER_OPTION_HELP)
    .option('--json', 'print the rows as a JSON array')
    .addHelpText(
      'after',
      `
Examples:
  $ tsmesos agent list
  $ tsmesos agent list --master=10.0.0.1:5050
  $ tsmesos agent list --json | jq -r '.[] | select(.active | not) | .hostname'`,
    )
    .action(async (opts: { master?: string; json?: boolean }) => {
      const rows = agentRows(await masterClient(opts.master, ctx).slaves().catch(asUserError));
      if (opts.json) return void ctx.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      const cells = rows.map((r) => [
        r.id,
        r.hostname,
        r.active ? 'True' : 'False',
        `${formatScalar(r.used_resources.cpus)}/${formatScalar(r.resources.cpus)}`,
        `${formatMegabytes(r.used_resources.mem)}/${formatMegabytes(r.resources.mem)}`,
      ]);
      const columns = [
        { header: 'AGENT ID', cut: 'middle' as const },
        'HOSTNAME',
        'ACTIVE',
        { header: 'CPUS', align: 'right' as const },
        { header: 'MEM', align: 'right' as const },
      ];
      ctx.stdout.write(renderTable(columns, cells, terminalWidth(ctx.stdout, ctx.env)));
    });
  return agent;
}

export function agentRows(data: MasterSlaves): AgentRow[] {
  const scalars = (r: Record<string, unknown> | undefined) => ({
    cpus: Number(r?.cpus ?? 0),
    mem: Number(r?.mem ?? 0),
    disk: Number(r?.disk ?? 0),
    gpus: Number(r?.gpus ?? 0),
  });
  return (data.slaves ?? []).map((s) => ({
    id: s.id,
    hostname: s.hostname,
    port: s.port ?? null,
    active: s.active === true,
    resources: scalars(s.resources),
    used_resources: scalars(s.used_resources),
  }));
}
