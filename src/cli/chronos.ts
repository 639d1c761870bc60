/** `tsmesos chronos`: runs the Chronos/Metronome-compatible jobs framework until SIGINT/SIGTERM. */
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { startChronos } from '../frameworks/chronos/daemon.js';
import { CHRONOS_FLAGS, chronosConfig } from '../frameworks/chronos/flags.js';
import { createLogger } from '../lib/logger.js';
import type { CliContext } from './context.js';
import { addFlagOptions, cliValues } from './flags/commander-flags.js';
import { resolveFlags } from './flags/resolve-flags.js';
import { waitForShutdown } from './shutdown.js';

export function registerChronos(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('chronos')
    .summary('run the Chronos/Metronome-compatible jobs framework (cron and ISO 8601 schedules, dependencies)')
    .description(
      'Run Chronos mode: a framework on the Mesos master that runs scheduled and dependent jobs as Mesos ' +
        'tasks, with the Chronos /v1/scheduler and Metronome /v1/jobs REST APIs. Jobs, schedules and run ' +
        'history live in ZooKeeper under --zk; instances started with the same --zk elect one leader, ' +
        'the others proxy to it.',
    );
  addFlagOptions(cmd, CHRONOS_FLAGS, 'CHRONOS_');
  cmd.addHelpText(
    'after',
    `
Flags may also come from CHRONOS_<FLAG> environment variables and the [chronos] table of the
config file; a flag on the command line wins over both.

Examples:
  $ tsmesos chronos --master=127.0.0.1:5050 --zk=zk://127.0.0.1:2181/chronos
  $ tsmesos chronos --master=zk://127.0.0.1:2181/mesos --http_port=0 --failure_retry=5secs
  $ CHRONOS_MESOS_ROLE=batch tsmesos chronos --master=127.0.0.1:5050
  $ curl -X POST -H 'Content-Type: application/json' localhost:4400/v1/scheduler/iso8601 \\
      -d '{"name":"tick","command":"date >> /tmp/tick.txt","schedule":"R//PT2S","owner":"me@example.com"}'
  $ curl -X POST -H 'Content-Type: application/json' localhost:4400/v1/jobs \\
      -d '{"id":"nightly","run":{"cmd":"backup.sh","mem":64},"schedules":[{"id":"n","cron":"0 2 * * *","timezone":"Europe/Berlin"}]}'`,
  );
  cmd.action(async () => {
    const flags = resolveFlags({
      specs: CHRONOS_FLAGS,
      cli: cliValues(cmd, CHRONOS_FLAGS),
      env: ctx.env,
      envPrefix: 'CHRONOS_',
      config: ctx.config(),
      table: 'chronos',
      ignoreKeys: ['address'],
    });
    const log = createLogger('chronos', { quiet: flags.bool('quiet'), logDir: flags.str('log_dir') });
    const running = await startChronos(chronosConfig(flags, userInfo().username), log);
    ctx.stdout.write(`tsmesos chronos listening on ${running.url}\n`);
    await waitForShutdown();
    ctx.stdout.write('tsmesos chronos: shutting down\n');
    await running.close();
  });
}
