/**
 * The shape `tsmesos marathon` and `tsmesos chronos` share: upstream-named flags (with
 * `<PREFIX>_<FLAG>` env and a config table), a "listening on" line once the API answers, and a
 * clean stop on SIGINT/SIGTERM.
 */
import type { Command } from 'commander';
import { createLogger } from '../lib/logger.js';
import type { CliContext } from './context.js';
import type { FlagSpec } from './flags/flag-spec.js';
import { addFlagOptions, cliValues } from './flags/commander-flags.js';
import { type Flags, resolveFlags } from './flags/resolve-flags.js';
import { waitForShutdown } from './shutdown.js';

export interface FrameworkDaemonSpec {
  name: 'marathon' | 'chronos';
  envPrefix: string;
  flags: FlagSpec[];
  summary: string;
  description: string;
  examples: string;
  start(flags: Flags, log: ReturnType<typeof createLogger>): Promise<{ url: string; close(): Promise<void> }>;
}

export function registerFrameworkDaemon(program: Command, ctx: CliContext, spec: FrameworkDaemonSpec): void {
  const cmd = program.command(spec.name).summary(spec.summary).description(spec.description);
  addFlagOptions(cmd, spec.flags, spec.envPrefix);
  cmd.addHelpText(
    'after',
    `
Flags may also come from ${spec.envPrefix}<FLAG> environment variables and the [${spec.name}] table of the
config file; a flag on the command line wins over both.

Examples:
${spec.examples}`,
  );
  cmd.action(async () => {
    const flags = resolveFlags({
      specs: spec.flags,
      cli: cliValues(cmd, spec.flags),
      env: ctx.env,
      envPrefix: spec.envPrefix,
      config: ctx.config(),
      table: spec.name,
      ignoreKeys: ['address'],
    });
    const log = createLogger(spec.name, { quiet: flags.bool('quiet'), logDir: flags.str('log_dir') });
    const running = await spec.start(flags, log);
    ctx.stdout.write(`tsmesos ${spec.name} listening on ${running.url}\n`);
    await waitForShutdown();
    ctx.stdout.write(`tsmesos ${spec.name}: shutting down\n`);
    await running.close();
  });
}
