/**
 * `tsmesos job show <name>`: one job (Chronos `/v1/scheduler/jobs` entry, or Metronome
 * `/v1/jobs/{id}`) with its last runs from the history (the tsmesos extension
 * `/v1/scheduler/job/{name}/history`, or Metronome's runs).
 */
import type { Command } from 'commander';
import type { ChronosClient } from '../client/chronos-client.js';
import type { JobRun } from '../client/chronos-types.js';
import { ClientError } from '../client/client-error.js';
import type { CliContext } from './context.js';
import { NoHistoryError } from './no-history-error.js';
import { addChronosOption, type ChronosOption, type FoundJob, chronosFor, findJob } from './job-common.js';
import { RUN_COLUMNS, chronosDetails, keyValues, metronomeDetails, metronomeRuns, runCells, waitingText } from './job-rows.js';
import { asUserError } from './master-address.js';
import { renderTable, terminalWidth } from './output/table.js';

const SHOWN_RUNS = 5;
const METRONOME_EMBED = ['activeRuns', 'schedules', 'history', 'historySummary'];

export function registerJobShow(job: Command, ctx: CliContext): void {
  addChronosOption(
    job
      .command('show')
      .description('Show a job: command, schedule or parents, results, resources, and its last runs.')
      .argument('<name>', 'job name (Chronos) or id (Metronome)')
      .option('--json', 'print {"api", "job", "runs"} as JSON'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ tsmesos job show nightly-backup
  $ tsmesos job show nightly-backup --json | jq .job.schedule
  $ tsmesos job history nightly-backup           every run`,
    )
    .action(async (name: string, opts: ChronosOption & { json?: boolean }) => {
      const client = chronosFor(ctx, opts.chronos);
      const found = await findJob(client, name, METRONOME_EMBED);
      const runs = await jobRuns(client, found, SHOWN_RUNS).catch((e) => {
        if (e instanceof NoHistoryError) return undefined; // an upstream Chronos: no history to show
        throw e;
      });
      if (opts.json) return void ctx.stdout.write(`${JSON.stringify({ api: found.kind, job: found.job, runs }, null, 2)}\n`);
      const now = Date.now();
      const kv = found.kind === 'chronos' ? chronosDetails(found.job, now) : metronomeDetails(found.job, now);
      let out = keyValues(`Job ${found.kind === 'chronos' ? found.job.name : `${found.job.id} (Metronome)`}`, kv);
      if (!runs) out += '\nRun history: not kept by this Chronos.\n';
      else out += runs.length ? `\nLast runs:\n${renderTable(RUN_COLUMNS, runs.map((r) => runCells(r, now)), terminalWidth(ctx.stdout, ctx.env))}${waitingText(runs, now)}` : '\nNo runs yet.\n';
      ctx.stdout.write(out);
    });
}

/** The newest runs of a job, newest first (Chronos history extension, or Metronome runs). */
export async function jobRuns(client: ChronosClient, found: FoundJob, limit?: number): Promise<JobRun[]> {
  if (found.kind === 'chronos') {
    const history = await client.history(found.job.name, limit).catch((e) => {
      if (e instanceof ClientError && e.kind === 'status' && [400, 404, 405].includes(e.status ?? 0)) {
        throw new NoHistoryError(client.baseUrl, found.job.name, e.status);
      }
      return asUserError(e);
    });
    return history.runs.slice(0, limit);
  }
  const job = found.job.history || found.job.activeRuns ? found.job : await client.metronomeJob(found.job.id, METRONOME_EMBED).catch(asUserError);
  // Finished runs in `embed=history` carry no status: the list they are in says it.
  const all = [
    ...(job.activeRuns ?? []),
    ...(job.history?.successfulFinishedRuns ?? []).map((r) => ({ status: 'SUCCESS', ...r })),
    ...(job.history?.failedFinishedRuns ?? []).map((r) => ({ status: 'FAILED', ...r })),
  ];
  return metronomeRuns(all).slice(0, limit);
}
