/** `tsmesos marathon`: runs the Marathon-compatible long-running apps framework until SIGINT/SIGTERM. */
import type { Command } from 'commander';
import { configFrom, startMarathon } from '../frameworks/marathon/daemon.js';
import { MARATHON_FLAGS } from '../frameworks/marathon/flags.js';
import type { CliContext } from './context.js';
import { registerFrameworkDaemon } from './framework-daemon.js';

export function registerMarathon(program: Command, ctx: CliContext): void {
  registerFrameworkDaemon(program, ctx, {
    name: 'marathon',
    envPrefix: 'MARATHON_',
    flags: MARATHON_FLAGS,
    summary: 'run the Marathon-compatible apps framework (/v2 REST API, deployments, health checks)',
    description:
      'Run Marathon mode: a framework on the Mesos master that keeps long-running apps at their instance\n' +
        'count, with the Marathon /v2 REST API and event stream. State and leader election live in\n' +
        'ZooKeeper under --zk; instances started with the same --zk elect one leader, the others proxy.',
    examples: `  $ tsmesos marathon --master=127.0.0.1:5050 --zk=zk://127.0.0.1:2181/marathon
  $ tsmesos marathon --master=zk://127.0.0.1:2181/mesos --http_port=0    # pick a free port
  $ MARATHON_MESOS_ROLE=web tsmesos marathon --master=127.0.0.1:5050
  $ curl -X POST -H 'Content-Type: application/json' localhost:8080/v2/apps \\
      -d '{"id":"test","cmd":"python3 -m http.server $PORT","cpus":0.1,"mem":16,"instances":3}'`,
    start: (flags, log) => startMarathon(configFrom(flags), log),
  });
}
