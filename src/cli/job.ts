/**
 * `tsmesos job …`: scheduled and dependent jobs from the terminal, against `tsmesos chronos` (or a
 * real Chronos 3 / Metronome) at `--chronos` (service-address.ts). Chronos and Metronome job JSON
 * are both understood. One file per subcommand (or pair).
 */
import type { Command } from 'commander';
import type { CliContext } from './context.js';
import { registerJobAdd } from './job-add.js';
import { registerJobGraph } from './job-graph.js';
import { registerJobHistory } from './job-history.js';
import { registerJobList } from './job-list.js';
import { registerJobLogs } from './job-logs.js';
import { registerJobDelete, registerJobRun } from './job-run.js';
import { registerJobShow } from './job-show.js';

export function registerJob(program: Command, ctx: CliContext): void {
  const job = program
    .command('job')
    .summary('Chronos jobs: list, show, add, run, delete, history, logs, graph')
    .description(
      'Scheduled and dependent jobs on Chronos mode (`tsmesos chronos`) or Chronos/Metronome. The address comes from ' +
        '--chronos, else TSMESOS_CHRONOS or CHRONOS_URL, else [chronos] address in the config file, else 127.0.0.1:4400.',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ tsmesos job add -f tick.json               a Chronos (or Metronome) job
  $ tsmesos job list
  $ tsmesos job run tick                       run it now
  $ tsmesos job history tick
  $ tsmesos job logs tick --stderr
  $ tsmesos job graph                          the dependency DAG`,
    );
  registerJobList(job, ctx);
  registerJobShow(job, ctx);
  registerJobAdd(job, ctx);
  registerJobRun(job, ctx);
  registerJobDelete(job, ctx);
  registerJobHistory(job, ctx);
  registerJobLogs(job, ctx);
  registerJobGraph(job, ctx);
}
