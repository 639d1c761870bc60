/**
 * `tsmesos job add -f job.json`: Chronos job JSON goes to `POST /v1/scheduler/iso8601`, or to
 * `POST /v1/scheduler/dependency` when it has `parents` (marathon-chronos-api.md §4); Metronome job
 * JSON (it has a `run` object) goes to `POST /v1/jobs`, or `PUT /v1/jobs/{id}` when the id exists,
 * so `add` replaces an existing job under both APIs, as Chronos's own POST does. A file may hold an
 * array of jobs; they are added parents first.
 */
import type { Command } from 'commander';
import type { ChronosClient } from '../client/chronos-client.js';
import { ClientError } from '../client/client-error.js';
import type { CliContext } from './context.js';
import { UsageError } from './errors.js';
import { addChronosOption, type ChronosOption, chronosFor } from './job-common.js';
import { chronosSchedule } from './job-rows.js';
import { readJsonFile } from './json-file.js';
import { asUserError } from './master-address.js';

export type JobKind = 'iso8601' | 'dependency' | 'metronome';

export interface AddedJob {
  name: string;
  api: 'chronos' | 'metronome';
  endpoint: string;
  action: 'created' | 'replaced';
}

/** Where a job definition goes: Metronome when it has `run`, else Chronos by `parents`. */
export function jobKind(job: Record<string, unknown>): JobKind {
  if (job.run !== undefined && job.run !== null && typeof job.run === 'object') return 'metronome';
  return Array.isArray(job.parents) && job.parents.length > 0 ? 'dependency' : 'iso8601';
}

export function jobName(job: Record<string, unknown>): string {
  const n = jobKind(job) === 'metronome' ? job.id : job.name;
  return typeof n === 'string' ? n : '';
}

/** Parents before children among the jobs of one file (others keep the file's order). */
export function parentsFirst(jobs: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  const byName = new Map(jobs.map((j) => [jobName(j), j]));
  const out: Array<Record<string, unknown>> = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (j: Record<string, unknown>) => {
    const name = jobName(j);
    if (state.get(name)) return; // done, or a cycle: Chronos will say so
    state.set(name, 'visiting');
    const deps = Array.isArray(j.parents) ? j.parents : Array.isArray(j.dependencies) ? (j.dependencies as Array<{ id?: unknown }>).map((d) => d?.id) : [];
    for (const p of deps) if (typeof p === 'string' && byName.has(p)) visit(byName.get(p)!);
    state.set(name, 'done');
    out.push(j);
  };
  jobs.forEach(visit);
  return out;
}

export function registerJobAdd(job: Command, ctx: CliContext): void {
  addChronosOption(
    job
      .command('add')
      .description('Add (or replace) jobs from a Chronos or Metronome job JSON file.')
      .requiredOption('-f, --file <path>', 'job JSON: one job or an array of jobs (- reads stdin)')
      .option('--json', 'print [{name, api, endpoint, action}] as JSON'),
  )
    .addHelpText(
      'after',
      `
Chronos jobs have "name" and "schedule" (R[n]/start/period) or "parents"; Metronome jobs have "id"
and a "run" object (cron schedules are added with the Metronome API).

Examples:
  $ tsmesos job add -f backup.json
  $ echo '{"name":"tick","command":"date >> /tmp/tick.txt","schedule":"R/2024-01-01T00:00:00Z/PT10S"}' | tsmesos job add -f -
  $ tsmesos job add -f pipeline.json               an array: parents are added first`,
    )
    .action(async (opts: ChronosOption & { file: string; json?: boolean }) => {
      const value = await readJsonFile(opts.file);
      const list = Array.isArray(value) ? value : [value];
      if (list.length === 0 || list.some((j) => j === null || typeof j !== 'object' || Array.isArray(j))) {
        throw new UsageError(`${opts.file} must hold a job object or an array of job objects`, 'e.g. {"name": "tick", "command": "date", "schedule": "R/2024-01-01T00:00:00Z/PT1M"}');
      }
      const client = chronosFor(ctx, opts.chronos);
      const known = new Set((await client.jobs().catch(asUserError)).map((j) => j.name));
      const added: AddedJob[] = [];
      for (const j of parentsFirst(list as Array<Record<string, unknown>>)) {
        const done = await addOne(client, j, known);
        added.push(done);
        if (!opts.json) ctx.stdout.write(`${describe(done, j)}\n`);
      }
      if (opts.json) ctx.stdout.write(`${JSON.stringify(added, null, 2)}\n`);
    });
}

async function addOne(client: ChronosClient, job: Record<string, unknown>, known: Set<string>): Promise<AddedJob> {
  const kind = jobKind(job);
  const name = jobName(job);
  if (kind === 'iso8601' || kind === 'dependency') {
    await (kind === 'iso8601' ? client.addScheduled(job) : client.addDependent(job)).catch(asUserError);
    const action = known.has(name) ? 'replaced' : 'created';
    known.add(name);
    return { name, api: 'chronos', endpoint: `POST /v1/scheduler/${kind}`, action };
  }
  try {
    await client.createMetronomeJob(job);
    return { name, api: 'metronome', endpoint: 'POST /v1/jobs', action: 'created' };
  } catch (e) {
    if (!(e instanceof ClientError && e.status === 409 && name)) return asUserError(e);
  }
  await client.updateMetronomeJob(name, job).catch(asUserError);
  return { name, api: 'metronome', endpoint: `PUT /v1/jobs/${name}`, action: 'replaced' };
}

function describe(done: AddedJob, job: Record<string, unknown>): string {
  const verb = done.action === 'created' ? 'Added' : 'Replaced';
  if (done.api === 'metronome') return `${verb} Metronome job ${done.name}`;
  const spec = job as { schedule?: string; parents?: string[]; scheduleTimeZone?: string };
  return `${verb} job ${done.name} (${spec.schedule || spec.parents?.length ? chronosSchedule(spec) : 'no schedule: runs once now'})`;
}
