/**
 * `tsmesos`: one executable for the master, agent, ZooKeeper-compatible coordinator, frameworks, and
 * the operator CLI. Each subcommand lives in its own file and registers itself here.
 */
import { Command, CommanderError } from 'commander';
import { type CliContext, createContext } from './context.js';
import { UserError } from './errors.js';
import { registerCommands } from './registry.js';
import { TSMESOS_VERSION } from '../lib/version.js';
import { tolerateClosedReader } from './output/write-bytes.js';

export function buildProgram(env: NodeJS.ProcessEnv = process.env): { program: Command; ctx: CliContext } {
  const program = new Command('tsmesos');
  const ctx = createContext(program, env);
  program
    .description('Apache Mesos, Marathon and Chronos in one TypeScript executable')
    .version(TSMESOS_VERSION, '-V, --version', 'print the tsmesos version')
    .option('--config <path>', 'config file (default ~/.mesos/config.toml; env TSMESOS_CONFIG)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  $ tsmesos master --ip=127.0.0.1 --work_dir=/var/lib/mesos   start a master on :5050
  $ tsmesos ps --master=127.0.0.1:5050                         list running tasks
  $ tsmesos framework list --json                               frameworks as JSON
  $ tsmesos teardown 0a8b…-0000                                 tear a framework down

Exit status: 0 success, 1 failure, 2 usage error.`,
    );
  registerCommands(program, ctx);
  return { program, ctx };
}

/** Runs the CLI and returns the exit code; never calls process.exit itself. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { program, ctx } = buildProgram(env);
  // `tsmesos app tasks --json | head`: a reader that quits early ends the output quietly.
  tolerateClosedReader(ctx.stdout);
  try {
    await program.parseAsync(argv);
    return ctx.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UserError) {
      ctx.stderr.write(`tsmesos: error: ${e.message}\n${e.hint ? `  hint: ${e.hint}\n` : ''}`);
      return e.exitCode;
    }
    ctx.stderr.write(`tsmesos: internal error (please report it): ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}
