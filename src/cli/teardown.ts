/**
 * `tsmesos teardown <frameworkId>`: the operator's last resort for a framework, via master
 * `POST /master/teardown` with the form body `frameworkId=<id>` (mesos-api.md §1). The master kills
 * every task of the framework and refuses its id forever after, so this asks for an exact id.
 */
import type { Command } from 'commander';
import { ClientError } from '../client/client-error.js';
import type { CliContext } from './context.js';
import { UserError } from './errors.js';
import { MASTER_OPTION_HELP, asUserError, masterClient } from './master-address.js';

interface TeardownOptions {
  master?: string;
  json?: boolean;
}

export function registerTeardown(program: Command, ctx: CliContext): void {
  program
    .command('teardown')
    .summary('tear a framework down: kill all its tasks and remove it')
    .description(
      'Tear down a framework: the master kills all of its tasks and the framework can never ' +
        're-register with the same id. Find ids with `tsmesos framework list`.',
    )
    .argument('<frameworkId>', 'the framework id, e.g. 5e2d9b8c-…-0000')
    .option('--master <addr>', MASTER_OPTION_HELP)
    .option('--json', 'print {"framework_id": …, "torn_down": true} instead of a sentence')
    .addHelpText(
      'after',
      `
Examples:
  $ tsmesos framework list                          find the framework id
  $ tsmesos teardown 5e2d9b8c-1f3a-4c8e-9b7d-2a6f0c4e8d11-0001
  $ tsmesos teardown --master=10.0.0.1:5050 <id> --json`,
    )
    .action(async (frameworkId: string, opts: TeardownOptions) => {
      await runTeardown(ctx, frameworkId, opts);
    });
}

export async function runTeardown(ctx: CliContext, frameworkId: string, opts: TeardownOptions): Promise<void> {
  const client = masterClient(opts.master, ctx);
  try {
    await client.teardown(frameworkId);
  } catch (e) {
    if (e instanceof ClientError && e.kind === 'status' && e.status === 400) {
      // The master's own words ("No framework found with specified ID") say what went wrong.
      throw new UserError(
        `the master at ${client.baseUrl} refused to tear down ${frameworkId}: ${e.body || 'bad request'}`,
        'check the id with `tsmesos framework list` (completed frameworks can not be torn down again)',
      );
    }
    asUserError(e);
  }
  ctx.stdout.write(
    opts.json ? `${JSON.stringify({ framework_id: frameworkId, torn_down: true })}\n` : `Framework ${frameworkId} torn down\n`,
  );
}
