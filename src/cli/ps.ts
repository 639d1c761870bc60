/**
 * `tsmesos ps`: the tasks of the cluster, like Mesosphere's `mesos ps` (mesos-api.md §8.2). Reads
 * master `/master/state`, then every agent's `/monitor/statistics` IN PARALLEL with a short
 * timeout: upstream asked agents one after another and took minutes on big clusters
 * (mesosphere-backup/mesos-cli#68). An agent that does not answer only blanks its tasks' columns.
 */
import type { Command } from 'commander';
import { AgentClient, agentBaseUrl } from '../client/agent-client.js';
import type { ExecutorStatistics, MasterState } from '../client/legacy-types.js';
import type { CliContext } from './context.js';
import { MASTER_OPTION_HELP, asUserError, masterClient } from './master-address.js';
import { type Column, renderTable, terminalWidth } from './output/table.js';
import { formatBytes, formatCpuTime, formatScalar } from './output/units.js';
import { type PsRow, agentsToQuery, buildPsRows, collectTasks } from './ps-rows.js';

/** Per agent; one slow agent must not hold the whole listing hostage. */
export const AGENT_STATS_TIMEOUT_MS = 2_000;

interface PsOptions {
  master?: string;
  all?: boolean;
  json?: boolean;
}

export function registerPs(program: Command, ctx: CliContext): void {
  program
    .command('ps')
    .summary('list tasks with cpu time and memory, like ps')
    .description(
      'List the tasks of the cluster with their state, allocated cpus, cpu time and memory. ' +
        'Cpu time and RSS come from each agent; an agent that does not answer within 2s shows "-".',
    )
    .option('--master <addr>', MASTER_OPTION_HELP)
    .option('-a, --all', 'also list completed and unreachable tasks')
    .option('--json', 'print the rows as a JSON array (raw numbers, never truncated)')
    .addHelpText(
      'after',
      `
Columns: TIME (user+sys cpu), STATE (R running, S staging/starting, K killing, F finished,
X failed, T killed, E error, L lost, D dropped, U unreachable, G gone, ? unknown), RSS,
CPU (allocated), %MEM (RSS of the memory limit), COMMAND (task name), USER, FRAMEWORK, ID.

Examples:
  $ tsmesos ps                               running tasks on the master at 127.0.0.1:5050
  $ tsmesos ps --master=10.0.0.1:5050 --all  include finished, failed and killed tasks
  $ tsmesos ps --json | jq '.[].id'          task ids for scripts`,
    )
    .action(async (opts: PsOptions) => {
      await runPs(ctx, opts);
    });
}

export async function runPs(ctx: CliContext, opts: PsOptions): Promise<void> {
  const state = await masterClient(opts.master, ctx).state().catch(asUserError);
  const all = opts.all === true;
  const { stats, failures } = await fetchAgentStatistics(state, [...agentsToQuery(collectTasks(state, all))]);
  const rows = buildPsRows(state, stats, all);
  if (opts.json) {
    ctx.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  ctx.stdout.write(renderTable(PS_COLUMNS, rows.map(psCells), terminalWidth(ctx.stdout, ctx.env)));
  for (const f of failures) ctx.stderr.write(`tsmesos: warning: no statistics from agent ${f}\n`);
}

/** Asks every agent at once; failures are collected as one-line reasons, never thrown. */
export async function fetchAgentStatistics(
  state: MasterState,
  agentIds: string[],
  timeoutMs = AGENT_STATS_TIMEOUT_MS,
): Promise<{ stats: Map<string, ExecutorStatistics[]>; failures: string[] }> {
  const slaves = new Map((state.slaves ?? []).map((s) => [s.id, s]));
  const stats = new Map<string, ExecutorStatistics[]>();
  const failures: string[] = [];
  await Promise.all(
    agentIds.map(async (id) => {
      const slave = slaves.get(id);
      if (!slave) return; // the master no longer lists the agent: nothing to ask
      try {
        stats.set(id, await new AgentClient(agentBaseUrl(slave), { timeoutMs }).monitorStatistics());
      } catch (e) {
        failures.push(`${slave.hostname}: ${(e as Error).message}`);
      }
    }),
  );
  return { stats, failures: failures.sort() };
}

const PS_COLUMNS: Column[] = [
  { header: 'TIME', align: 'right' },
  { header: 'STATE' },
  { header: 'RSS', align: 'right' },
  { header: 'CPU', align: 'right' },
  { header: '%MEM', align: 'right' },
  { header: 'COMMAND' },
  { header: 'USER' },
  { header: 'FRAMEWORK' },
  { header: 'ID', cut: 'middle' },
];

export function psCells(r: PsRow): string[] {
  return [
    formatCpuTime(r.time_secs ?? undefined),
    r.state_letter,
    formatBytes(r.rss_bytes ?? undefined),
    formatScalar(r.cpus ?? undefined),
    r.mem_percent === null ? '-' : r.mem_percent.toFixed(1),
    r.command,
    r.user || '-',
    r.framework,
    r.id,
  ];
}
