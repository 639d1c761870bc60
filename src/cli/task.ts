/**
 * `tsmesos task …`: the tasks of the cluster and their sandbox files. `list` mirrors the upstream
 * `mesos task list` (mesos-api.md §8.1); `cat`, `tail` and `ls` bring back Mesosphere's
 * `mesos cat|tail|ls` with partial task ids (§8.2), so reading a task's output no longer means
 * finding its agent and sandbox path by hand (§9, complaint 4). One file per subcommand.
 */
import type { Command } from 'commander';
import type { CliContext } from './context.js';
import { registerTaskCat } from './task-cat.js';
import { registerTaskList } from './task-list.js';
import { registerTaskLs } from './task-ls.js';
import { registerTaskTail } from './task-tail.js';

export function registerTask(program: Command, ctx: CliContext): void {
  const task = program
    .command('task')
    .summary('list tasks; read their stdout/stderr and sandbox files (cat, tail -f, ls)')
    .description(
      'Tasks known to the master, and the files in their sandboxes on the agents. ' +
        'Every <task> argument takes the full id or any unique prefix or part of it.',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ tsmesos task list --all
  $ tsmesos task cat 3f6c                    stdout of the task whose id contains 3f6c
  $ tsmesos task tail -f web stderr          follow its stderr until Ctrl-C
  $ tsmesos task ls web logs                 a directory of the sandbox, like ls -l`,
    );
  registerTaskList(task, ctx);
  registerTaskCat(task, ctx);
  registerTaskTail(task, ctx);
  registerTaskLs(task, ctx);
}
