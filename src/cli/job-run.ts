/**
 * `tsmesos job run <name>` (Chronos `PUT /v1/scheduler/job/{name}`, a manual trigger; Metronome
 * `POST /v1/jobs/{id}/runs`) and `tsmesos job delete <name>` (Chronos `DELETE
 * /v1/scheduler/job/{name}`: upstream Chronos rewires the job's dependents to its parents or
 * schedule, tsmesos chronos refuses while jobs depend on it; Metronome `DELETE /v1/jobs/{id}`,
 * refused while runs are active unless `--stop-runs`).
 */
import type { Command } from 'commander';
import type { CliContext } from './context.js';
import { addChronosOption, type ChronosOption, chronosFor, findJob } from './job-common.js';
import { asUserError } from './master-address.js';

export function registerJobRun(job: Command, ctx: CliContext): void {
  addChronosOption(
    job
      .command('run')
      .description('Run a job now (a manual trigger), whatever its schedule; its dependents follow when it succeeds.')
      .argument('<name>', 'job name (Chronos) or id (Metronome)')
      .option('--arguments <args>', 'Chronos: appended to the command for this run (unless the job has shell:false)')
      .option('--json', 'print {name, api, runId} as JSON'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ tsmesos job run nightly-backup
  $ tsmesos job run report --arguments='--since=yesterday'
  $ tsmesos job logs nightly-backup --follow       watch its output`,
    )
    .action(async (name: string, opts: ChronosOption & { arguments?: string; json?: boolean }) => {
      const client = chronosFor(ctx, opts.chronos);
      const found = await findJob(client, name);
      let runId: string | null = null;
      if (found.kind === 'chronos') await client.run(name, opts.arguments).catch(asUserError);
      else runId = (await client.runMetronomeJob(name).catch(asUserError))?.id ?? null;
      if (opts.json) return void ctx.stdout.write(`${JSON.stringify({ name, api: found.kind, runId })}\n`);
      ctx.stdout.write(`Started job ${name}${runId ? ` (run ${runId})` : ''}; see \`tsmesos job history ${name}\`\n`);
    });
}

export function registerJobDelete(job: Command, ctx: CliContext): void {
  addChronosOption(
    job
      .command('delete')
      .description('Delete a job. tsmesos chronos refuses while other jobs depend on it; upstream Chronos rewires them to its parents or schedule.')
      .argument('<name>', 'job name (Chronos) or id (Metronome)')
      .option('--stop-runs', 'Metronome: also stop its active runs (otherwise deleting a running job is refused)')
      .option('--json', 'print {name, api, deleted, rewired} as JSON'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ tsmesos job delete old-report
  $ tsmesos job delete prod.cleanup --stop-runs`,
    )
    .action(async (name: string, opts: ChronosOption & { stopRuns?: boolean; json?: boolean }) => {
      const client = chronosFor(ctx, opts.chronos);
      const found = await findJob(client, name);
      let rewired: string[] = [];
      if (found.kind === 'chronos') {
        rewired = (await client.jobs().catch(asUserError)).filter((j) => j.parents?.includes(name)).map((j) => j.name);
        await client.delete(name).catch(asUserError);
      } else {
        await client.deleteMetronomeJob(name, opts.stopRuns === true).catch(asUserError);
      }
      if (opts.json) return void ctx.stdout.write(`${JSON.stringify({ name, api: found.kind, deleted: true, rewired })}\n`);
      const note = rewired.length ? `; Chronos rewired its dependents ${rewired.join(', ')} to its parents (or its schedule)` : '';
      ctx.stdout.write(`Deleted job ${name}${note}\n`);
    });
}
