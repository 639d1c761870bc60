/** `tsmesos master`: runs a Mesos master (upstream `mesos-master`) until SIGINT/SIGTERM. */
import type { Command } from 'commander';
import { createLogger } from '../lib/logger.js';
import { startMaster } from '../master/daemon.js';
import { MASTER_FLAGS } from '../master/flags.js';
import type { CliContext } from './context.js';
import { addFlagOptions, cliValues } from './flags/commander-flags.js';
import { resolveFlags } from './flags/resolve-flags.js';
import { waitForShutdown } from './shutdown.js';

export function registerMaster(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('master')
    .summary('run a Mesos master (scheduler and operator APIs, DRF allocator)')
    .description('Run a Mesos master: agents register with it, frameworks subscribe to /api/v1/scheduler.');
  addFlagOptions(cmd, MASTER_FLAGS, 'MESOS_');
  cmd.addHelpText(
    'after',
    `
Flags may also come from MESOS_<FLAG> environment variables and the [master] table of the config
file; a flag on the command line wins over both.

Examples:
  $ tsmesos master --ip=127.0.0.1 --port=5050
  $ MESOS_ALLOCATION_INTERVAL=2secs tsmesos master --work_dir=/var/lib/mesos
  $ tsmesos master --port=0 --offer_timeout=30secs    # pick a free port`,
  );
  cmd.action(async () => {
    const flags = resolveFlags({
      specs: MASTER_FLAGS,
      cli: cliValues(cmd, MASTER_FLAGS),
      env: ctx.env,
      envPrefix: 'MESOS_',
      config: ctx.config(),
      table: 'master',
      ignoreKeys: ['address', 'zookeeper', 'principal', 'secret'],
    });
    const log = createLogger('master', { quiet: flags.bool('quiet'), logDir: flags.str('log_dir') });
    const running = await startMaster(flags, log);
    ctx.stdout.write(`tsmesos master ${running.master.id} listening on ${running.url}\n`);
    await waitForShutdown();
    ctx.stdout.write('tsmesos master: shutting down\n');
    await running.close();
  });
}
