/**
 * Typed client for Chronos mode (`tsmesos chronos`, or a real Chronos 3 / Metronome): the Chronos
 * API `/v1/scheduler/{jobs, jobs/summary, iso8601, dependency, job/{name}, task/kill/{name},
 * graph/csv}` (marathon-chronos-api.md §4), the tsmesos run-history extension
 * `/v1/scheduler/job/{name}/history` (briefs/chronos-wire-ext.md), and Metronome's `/v1/jobs`,
 * `/v1/jobs/{id}`, `/v1/jobs/{id}/runs` (§5). Chronos errors are `ApiResult`
 * `{"message","status"}` (often a stack trace: only its first line is shown); Metronome answers in
 * Marathon's shape, worded by marathon-errors.ts.
 */
import type { ChronosJob, JobGraph, JobHistory, JobSummary, MetronomeJob, MetronomeRun } from './chronos-types.js';
import { type Worded, wordMarathonError } from './marathon-errors.js';
import { ServiceHttp, type ServiceHttpOptions, jsonObjectOf } from './service-http.js';
import { snippet } from './url-text.js';

export type ChronosClientOptions = ServiceHttpOptions;

export const DEFAULT_CHRONOS_UNREACHABLE_HINT = 'is `tsmesos chronos` running there? pass --chronos=HOST:PORT or set TSMESOS_CHRONOS';

const S = '/v1/scheduler';

export class ChronosClient {
  private readonly http: ServiceHttp;

  constructor(baseUrl: string, opts: ChronosClientOptions = {}) {
    this.http = new ServiceHttp(
      baseUrl,
      'Chronos API',
      { unreachableHint: DEFAULT_CHRONOS_UNREACHABLE_HINT, ...opts },
      wordChronosError,
      'is that address really Chronos (or `tsmesos chronos`)? check --chronos',
    );
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  async jobs(): Promise<ChronosJob[]> {
    return (await this.http.json<ChronosJob[]>('GET', `${S}/jobs`)) ?? [];
  }

  async summary(): Promise<JobSummary[]> {
    return (await this.http.json<{ jobs?: JobSummary[] }>('GET', `${S}/jobs/summary`))?.jobs ?? [];
  }

  /** Chronos has no 404: an unknown job is a 400 (see `isUnknownJob`). */
  job(name: string): Promise<ChronosJob> {
    return this.http.json('GET', `${S}/job/${encodeURIComponent(name)}`);
  }

  /** `POST /v1/scheduler/iso8601` (upsert by name; 204). */
  async addScheduled(job: unknown): Promise<void> {
    await this.http.send('POST', `${S}/iso8601`, { json: job });
  }

  /** `POST /v1/scheduler/dependency` (a job with `parents`; 204). */
  async addDependent(job: unknown): Promise<void> {
    await this.http.send('POST', `${S}/dependency`, { json: job });
  }

  /** `PUT /v1/scheduler/job/{name}`: run it now (a manual trigger, attempt 0). */
  async run(name: string, args?: string): Promise<void> {
    await this.http.send('PUT', `${S}/job/${encodeURIComponent(name)}`, { query: { arguments: args } });
  }

  async delete(name: string): Promise<void> {
    await this.http.send('DELETE', `${S}/job/${encodeURIComponent(name)}`);
  }

  /** `DELETE /v1/scheduler/task/kill/{name}`: kills every running task of the job. */
  async killTasks(name: string): Promise<void> {
    await this.http.send('DELETE', `${S}/task/kill/${encodeURIComponent(name)}`);
  }

  /** The tsmesos history extension, newest run first. */
  async history(name: string, limit?: number): Promise<JobHistory> {
    const body = await this.http.json<JobHistory>('GET', `${S}/job/${encodeURIComponent(name)}/history`, { query: { limit } });
    return { name: body?.name ?? name, runs: body?.runs ?? [] };
  }

  async graph(): Promise<JobGraph> {
    return parseGraphCsv((await this.http.send('GET', `${S}/graph/csv`, { accept: 'text/plain' })).text);
  }

  async metronomeJobs(embed: string[] = []): Promise<MetronomeJob[]> {
    return (await this.http.json<MetronomeJob[]>('GET', '/v1/jobs', { query: { embed } })) ?? [];
  }

  metronomeJob(id: string, embed: string[] = []): Promise<MetronomeJob> {
    return this.http.json('GET', `/v1/jobs/${encodeURIComponent(id)}`, { query: { embed } });
  }

  /** `POST /v1/jobs` (201 + the job; 409 when the id exists). */
  createMetronomeJob(spec: unknown): Promise<MetronomeJob> {
    return this.http.json('POST', '/v1/jobs', { json: spec });
  }

  /** `PUT /v1/jobs/{id}`: full replace. */
  updateMetronomeJob(id: string, spec: unknown): Promise<MetronomeJob> {
    return this.http.json('PUT', `/v1/jobs/${encodeURIComponent(id)}`, { json: spec });
  }

  /** `POST /v1/jobs/{id}/runs`: a manual run (201 + the run). */
  runMetronomeJob(id: string): Promise<MetronomeRun> {
    return this.http.json('POST', `/v1/jobs/${encodeURIComponent(id)}/runs`, { json: {} });
  }

  async deleteMetronomeJob(id: string, stopCurrentJobRuns = false): Promise<void> {
    await this.http.send('DELETE', `/v1/jobs/${encodeURIComponent(id)}`, { query: { stopCurrentJobRuns: stopCurrentJobRuns || undefined } });
  }

  async metronomeRuns(id: string): Promise<MetronomeRun[]> {
    return (await this.http.json<MetronomeRun[]>('GET', `/v1/jobs/${encodeURIComponent(id)}/runs`)) ?? [];
  }
}

/** Lines `node,<name>,<lastState>,<state>` and `link,<parent>,<child>`; anything else is skipped. */
export function parseGraphCsv(text: string): JobGraph {
  const graph: JobGraph = { nodes: [], links: [] };
  for (const raw of text.split(/\r?\n/)) {
    const cells = raw.split(',').map((c) => c.trim());
    if (cells[0] === 'node' && cells[1]) graph.nodes.push({ name: cells[1], lastState: cells[2] ?? '', state: cells[3] ?? '' });
    else if (cells[0] === 'link' && cells[1] && cells[2]) graph.links.push({ parent: cells[1], child: cells[2] });
  }
  return graph;
}

/** First line of a Chronos `ApiResult` message (the rest is usually a Java-style stack trace). */
export function chronosMessage(body: string): string | undefined {
  const obj = jsonObjectOf(body);
  const text = typeof obj?.message === 'string' ? obj.message : body.trim();
  const first = text.split('\n').find((l) => l.trim() !== '');
  return first === undefined ? undefined : snippet(first);
}

function wordChronosError(e: { status: number; body: string; method: string; path: string; origin: string }): Worded {
  if (e.path.startsWith('/v1/jobs')) return wordMarathonError(e, 'Metronome API', 'job');
  const head = `Chronos at ${e.origin} answered ${e.status} to ${e.method} ${e.path}`;
  const message = chronosMessage(e.body);
  const full = `${head}${message ? `: ${message}` : ''}`;
  if (e.status === 400 && /\/(iso8601|dependency)$/.test(e.path.split('?')[0]!)) {
    return { message: full, hint: 'fix the job JSON and run the command again' };
  }
  if (e.status === 400 && e.method === 'DELETE' && /depend/i.test(message ?? '')) {
    return { message: full, hint: 'delete the dependent jobs first, or re-add them with other parents (`tsmesos job graph` shows who depends on whom)' };
  }
  if (e.status === 400 && /\/job\//.test(e.path)) return { message: full, hint: 'see `tsmesos job list` for the jobs Chronos knows' };
  if (e.status === 404 || e.status === 405) return { message: full, hint: 'is that address really Chronos (or `tsmesos chronos`)? check --chronos' };
  if (e.status === 503) return { message: full, hint: 'Chronos has no leader right now (starting, or electing one); wait a moment and try again' };
  if (e.status >= 500) return { message: full, hint: 'Chronos failed internally; its log says why' };
  return { message: full };
}
