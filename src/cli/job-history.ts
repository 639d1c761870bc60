/**
 * `tsmesos job history <name>`: every recorded run of a job, newest first: when it started, its
 * status (success, failure, killed, skipped, running, queued), exit code, attempt, trigger
 * (schedule, manual, dependency, retry), duration, host, message and task id. From the tsmesos
 * extension `GET /v1/scheduler/job/{name}/history` (briefs/chronos-wire-ext.md) or Metronome's runs.
 */
import type { Command } from 'commander';
import type { CliContext } from './context.js';
import { addChronosOption, type ChronosOption, chronosFor, findJob } from './job-common.js';
import { RUN_COLUMNS, runCells, waitingText } from './job-rows.js';
import { jobRuns } from './job-show.js';
import { renderTable, terminalWidth } from './output/table.js';
import { UsageError } from './errors.js';

export function registerJobHistory(job: Command, ctx: CliContext): void {
  addChronosOption(
    job
      .command('history')
      .description('List the runs of a job, newest first: STARTED, STATUS, EXIT, TRY, TRIGGER, DURATION, HOST, MESSAGE, TASK.')
      .argument('<name>', 'job name (Chronos) or id (Metronome)')
      .option('--limit <N>', 'at most this many runs (newest first)', parseLimit, 20)
      .option('--json', 'print {"name", "api", "runs"} as JSON (ISO timestamps, never truncated)'),
  )
    .addHelpText(
      'after',
      `
Skipped occurrences (a missed period, or FORBID while the previous run was still going) are listed
with status "skipped" and the reason in MESSAGE.

Examples:
  $ tsmesos job history nightly-backup
  $ tsmesos job history nightly-backup --limit 100 --json | jq '[.runs[] | select(.status == "failure")] | length'
  $ tsmesos job logs nightly-backup --run <RUN>        the output of one of them`,
    )
    .action(async (name: string, opts: ChronosOption & { limit: number; json?: boolean }) => {
      const client = chronosFor(ctx, opts.chronos);
      const found = await findJob(client, name, ['activeRuns', 'history']);
      const runs = await jobRuns(client, found, opts.limit);
      if (opts.json) return void ctx.stdout.write(`${JSON.stringify({ name, api: found.kind, runs }, null, 2)}\n`);
      if (runs.length === 0) return void ctx.stdout.write(`Job ${name} has not run yet.\n`);
      const now = Date.now();
      ctx.stdout.write(renderTable(RUN_COLUMNS, runs.map((r) => runCells(r, now)), terminalWidth(ctx.stdout, ctx.env)) + waitingText(runs, now));
    });
}

function parseLimit(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) === 0) throw new UsageError(`--limit needs a whole number of runs ≥ 1, not ${JSON.stringify(value)}`, 'e.g. --limit 50');
  return Number(value);
}
