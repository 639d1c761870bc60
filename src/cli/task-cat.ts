/**
 * `tsmesos task cat <task> [name]`, after Mesosphere's `mesos cat <task> <file>` and the bundled
 * `mesos-cat --task --file` (mesos-api.md §8.2): prints a file of the task's sandbox, stdout by
 * default, copied as raw bytes by sandbox-copy.ts (shared with `tsmesos job logs`).
 */
import type { Command } from 'commander';
import type { CliContext } from './context.js';
import { MASTER_OPTION_HELP } from './master-address.js';
import { copySandboxFile } from './sandbox-copy.js';
import { FRAMEWORK_OPTION_HELP, type TaskTargetOptions, locateTask, sandboxFileError, sandboxPath } from './task-sandbox.js';

/**
 * The file argument is called `[name]`, not `[file]`: the completion generator completes arguments
 * named like files with LOCAL file names, and these live in a sandbox on an agent.
 */
export const FILE_ARGUMENT_HELP = 'stdout, stderr, or any path relative to the sandbox';

export function registerTaskCat(task: Command, ctx: CliContext): void {
  task
    .command('cat')
    .description("Print a file from the task's sandbox: its stdout unless another file is named.")
    .argument('<task>', 'task id, or a unique prefix or part of one')
    .argument('[name]', FILE_ARGUMENT_HELP, 'stdout')
    .option('--master <addr>', MASTER_OPTION_HELP)
    .option('--framework <id>', FRAMEWORK_OPTION_HELP)
    .addHelpText(
      'after',
      `
Finished tasks work too while the agent keeps their sandbox (its --gc_delay).

Examples:
  $ tsmesos task cat web.3f6c2a1e-a8b4-11ef-9c1a-0242ac110002
  $ tsmesos task cat 3f6c stderr                      any unique part of the id
  $ tsmesos task cat web --framework=marathon logs/app.log
  $ tsmesos task cat batch.5b5b > batch-output.txt    bytes are copied unchanged`,
    )
    .action(async (query: string, file: string, opts: TaskTargetOptions) => {
      await runTaskCat(ctx, query, file, opts);
    });
}

export async function runTaskCat(ctx: CliContext, query: string, file: string, opts: TaskTargetOptions): Promise<void> {
  const sb = await locateTask(ctx, query, opts);
  const path = sandboxPath(sb.directory, file);
  const fail = (e: unknown) => sandboxFileError(e, sb, file, path);
  await copySandboxFile(sb.files, path, ctx.stdout, fail);
}
