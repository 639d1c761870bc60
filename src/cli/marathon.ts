/** `tsmesos marathon`: runs the Marathon-compatible long-running apps framework until SIGINT/SIGTERM. */
import type { Command } from 'commander';
import { MARATHON_FLAGS } from '../frameworks/marathon/flags.js';
import { configFrom, startMarathon } from '../frameworks/marathon/daemon.js';
import { createLogger } from '../lib/logger.js';
import type { CliContext } from './context.js';
import { addFlagOptions, cliValues } from './flags/commander-flags.js';
import { resolveFlags } from './flags/resolve-flags.js';
import { waitForShutdown } from './shutdown.js';

export function registerMarathon(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('marathon')
    .summary('run the Marathon-compatible apps framework (/v2 REST API, deployments, health checks)')
    .description(
      'Run Marathon mode: a framework on the Mesos master that keeps long-running apps at their instance\n' +
        'count, with the Marathon /v2 REST API and event stream. State and leader election live in\n' +
        'ZooKeeper under --zk; instances started with the same --zk elect one leader, the others proxy.',
    );
  addFlagOptions(cmd, MARATHON_FLAGS, 'MARATHON_');
  cmd.addHelpText(
    'after',
    `
Flags may also come from MARATHON_<FLAG> environment variables and the [marathon] table of the
config file; a flag on the command line wins over both.

Examples:
  $ tsmesos marathon --master=127.0.0.1:5050 --zk=zk://127.0.0.1:2181/marathon
  $ tsmesos marathon --master=zk://127.0.0.1:2181/mesos --http_port=0    # pick a free port
  $ MARATHON_MESOS_ROLE=web tsmesos marathon --master=127.0.0.1:5050
  $ curl -X POST -H 'Content-Type: application/json' localhost:8080/v2/apps \\
      -d '{"id":"test","cmd":"python3 -m http.server $PORT","cpus":0.1,"mem":16,"instances":3}'`,
  );
  cmd.action(async () => {
    const flags = resolveFlags({
      specs: MARATHON_FLAGS,
      cli: cliValues(cmd, MARATHON_FLAGS),
      env: ctx.env,
      envPrefix: 'MARATHON_',
      config: ctx.config(),
      table: 'marathon',
      ignoreKeys: ['address'],
    });
    const log = createLogger('marathon', { quiet: flags.bool('quiet'), logDir: flags.str('log_dir') });
    const running = await startMarathon(configFrom(flags), log);
    ctx.stdout.write(`tsmesos marathon listening on ${running.url}\n`);
    await waitForShutdown();
    ctx.stdout.write('tsmesos marathon: shutting down\n');
    await running.close();
  });
}
