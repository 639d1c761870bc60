/**
 * `tsmesos task list [--all]`, after the upstream `mesos task list [-a]` (mesos-api.md §8.1):
 * upstream prints `ID | State | Framework ID | Executor ID` with the state of the LAST status
 * update; we add the framework's name, the agent and the task name, because the next thing an
 * operator does with the list is `tsmesos task cat|tail|ls <id>` and wants to know where it ran.
 * Reads master `/master/state` once (it carries the framework names and agent hostnames that
 * `/master/tasks` lacks).
 */
import type { Command } from 'commander';
import type { MasterState } from '../client/legacy-types.js';
import type { CliContext } from './context.js';
import { MASTER_OPTION_HELP, asUserError, masterClient } from './master-address.js';
import { renderTable, terminalWidth } from './output/table.js';
import { FRAMEWORK_OPTION_HELP } from './task-sandbox.js';
import { lastState, resolveFrameworkFilter, taskPools } from './task-resolve.js';

interface ListOptions {
  master?: string;
  framework?: string;
  all?: boolean;
  json?: boolean;
}

/** One `task list` row; `--json` prints an array of these, so the keys are a stable interface. */
export interface TaskRow {
  id: string;
  name: string;
  state: string;
  framework_id: string;
  framework: string;
  agent_id: string;
  agent_hostname: string;
  /** As the master reports it: `""` for a command task, whose executor id is its task id. */
  executor_id: string;
  completed: boolean;
}

export function registerTaskList(task: Command, ctx: CliContext): void {
  task
    .command('list')
    .description('List tasks: ID, STATE (of the last status update), FRAMEWORK, AGENT, EXECUTOR and NAME.')
    .option('--master <addr>', MASTER_OPTION_HELP)
    .option('-a, --all', 'also list completed tasks (finished, failed, killed, …)')
    .option('--framework <id>', FRAMEWORK_OPTION_HELP)
    .option('--json', 'print the rows as a JSON array (never truncated)')
    .addHelpText(
      'after',
      `
EXECUTOR is "-" for command tasks: their executor id is the task id.

Examples:
  $ tsmesos task list                         live tasks on the master at 127.0.0.1:5050
  $ tsmesos task list --all --framework=marathon
  $ tsmesos task list --json | jq -r '.[] | select(.state == "TASK_FAILED") | .id'`,
    )
    .action(async (opts: ListOptions) => {
      const state = await masterClient(opts.master, ctx).state().catch(asUserError);
      const rows = taskRows(state, opts.all === true, opts.framework);
      if (opts.json) return void ctx.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      const cells = rows.map((r) => [r.id, r.state, r.framework, r.agent_hostname || r.agent_id, r.executor_id || '-', r.name]);
      const columns = [{ header: 'ID', cut: 'middle' as const }, 'STATE', 'FRAMEWORK', 'AGENT', { header: 'EXECUTOR', cut: 'middle' as const }, 'NAME'];
      ctx.stdout.write(renderTable(columns, cells, terminalWidth(ctx.stdout, ctx.env)));
    });
}

/** Live tasks (running, staging, unreachable…), then with `all` the completed ones. */
export function taskRows(state: MasterState, all: boolean, framework?: string): TaskRow[] {
  const hostnames = new Map((state.slaves ?? []).map((s) => [s.id, s.hostname]));
  const keep = framework === undefined ? () => true : resolveFrameworkFilter(state, framework);
  const { live, completed } = taskPools(state);
  return [...live, ...(all ? completed : [])]
    .filter((r) => keep(r.framework))
    .map(({ task, framework: fw, completed: done }) => ({
      id: task.id,
      name: task.name,
      state: lastState(task),
      framework_id: task.framework_id,
      framework: fw.name,
      agent_id: task.slave_id,
      agent_hostname: hostnames.get(task.slave_id) ?? '',
      executor_id: task.executor_id ?? '',
      completed: done,
    }));
}
