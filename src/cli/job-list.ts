/**
 * `tsmesos job list`: Chronos jobs (`GET /v1/scheduler/jobs` with `/jobs/summary` for the last
 * result and state) and the Metronome jobs Chronos mode also serves (`GET /v1/jobs?embed=…`),
 * one table: NAME, SCHEDULE (or "after <parents>"), LAST, STATE, OK, FAILED, LAST RUN, COMMAND.
 */
import type { Command } from 'commander';
import type { ChronosClient } from '../client/chronos-client.js';
import type { JobSummary, MetronomeJob } from '../client/chronos-types.js';
import { ClientError } from '../client/client-error.js';
import type { CliContext } from './context.js';
import { addChronosOption, type ChronosOption, chronosFor } from './job-common.js';
import { JOB_COLUMNS, type JobRow, chronosRow, jobCells, metronomeRow } from './job-rows.js';
import { asUserError } from './master-address.js';
import { renderTable, terminalWidth } from './output/table.js';

export function registerJobList(job: Command, ctx: CliContext): void {
  addChronosOption(
    job
      .command('list')
      .description('List jobs: NAME, SCHEDULE (or the parents it runs after), LAST result, STATE, OK and FAILED counts, LAST RUN, COMMAND.')
      .option('--json', 'print the rows as a JSON array (ISO timestamps, never truncated)'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ tsmesos job list
  $ tsmesos job list --chronos=10.0.0.1:4400
  $ tsmesos job list --json | jq -r '.[] | select(.status == "failure") | .name'`,
    )
    .action(async (opts: ChronosOption & { json?: boolean }) => {
      const rows = await jobRows(chronosFor(ctx, opts.chronos));
      if (opts.json) return void ctx.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      const now = Date.now();
      ctx.stdout.write(renderTable(JOB_COLUMNS, rows.map((r) => jobCells(r, now)), terminalWidth(ctx.stdout, ctx.env)));
    });
}

export async function jobRows(client: ChronosClient): Promise<JobRow[]> {
  const [jobs, summary, metronome] = await Promise.all([
    client.jobs().catch(asUserError),
    client.summary().catch((): JobSummary[] => []), // older Chronos: results derived from the job
    client.metronomeJobs(['historySummary', 'activeRuns', 'schedules']).catch((e): MetronomeJob[] => {
      if (e instanceof ClientError && e.kind === 'status' && [400, 404, 405].includes(e.status ?? 0)) return []; // no Metronome API
      return asUserError(e);
    }),
  ]);
  const bySummary = new Map(summary.map((s) => [s.name, s]));
  const rows = jobs.map((j) => chronosRow(j, bySummary.get(j.name)));
  const names = new Set(rows.map((r) => r.name));
  for (const m of metronome) if (!names.has(m.id)) rows.push(metronomeRow(m));
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}
