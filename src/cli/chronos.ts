/** `tsmesos chronos`: runs the Chronos/Metronome-compatible jobs framework until SIGINT/SIGTERM. */
import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { startChronos } from '../frameworks/chronos/daemon.js';
import { CHRONOS_FLAGS, chronosConfig } from '../frameworks/chronos/flags.js';
import type { CliContext } from './context.js';
import { registerFrameworkDaemon } from './framework-daemon.js';

export function registerChronos(program: Command, ctx: CliContext): void {
  registerFrameworkDaemon(program, ctx, {
    name: 'chronos',
    envPrefix: 'CHRONOS_',
    flags: CHRONOS_FLAGS,
    summary: 'run the Chronos/Metronome-compatible jobs framework (cron and ISO 8601 schedules, dependencies)',
    description:
      'Run Chronos mode: a framework on the Mesos master that runs scheduled and dependent jobs as Mesos ' +
        'tasks, with the Chronos /v1/scheduler and Metronome /v1/jobs REST APIs. Jobs, schedules and run ' +
        'history live in ZooKeeper under --zk; instances started with the same --zk elect one leader, ' +
        'the others proxy to it.',
    examples: `  $ tsmesos chronos --master=127.0.0.1:5050 --zk=zk://127.0.0.1:2181/chronos
  $ tsmesos chronos --master=zk://127.0.0.1:2181/mesos --http_port=0 --failure_retry=5secs
  $ CHRONOS_MESOS_ROLE=batch tsmesos chronos --master=127.0.0.1:5050
  $ curl -X POST -H 'Content-Type: application/json' localhost:4400/v1/scheduler/iso8601 \\
      -d '{"name":"tick","command":"date >> /tmp/tick.txt","schedule":"R//PT2S","owner":"me@example.com"}'
  $ curl -X POST -H 'Content-Type: application/json' localhost:4400/v1/jobs \\
      -d '{"id":"nightly","run":{"cmd":"backup.sh","mem":64},"schedules":[{"id":"n","cron":"0 2 * * *","timezone":"Europe/Berlin"}]}'`,
    start: (flags, log) => startChronos(chronosConfig(flags, userInfo().username), log),
  });
}
