/**
 * Chronos `GET /v1/scheduler/job/stat/{name}`, `GET /v1/scheduler/stats/{percentile}`,
 * `GET /v1/scheduler/graph/dot` and `graph/csv` (`JobStatWrapperSerializer.scala`,
 * `HistogramSerializer.scala`, `StatsResource.scala`, `JobGraph.makeDotFile`, `Exporter.scala`).
 * The histogram is over successful run durations in milliseconds (`stats/*` divides by 1000), from
 * the run history tsmesos keeps instead of Cassandra; numbers are written as Jackson writes doubles
 * (`0.0`), and `mean` is the median, as upstream fills it.
 * @module
 */
import type { FastifyInstance } from 'fastify';
import { route } from '../../../http/server.js';
import { toCsv, toDot } from '../dag.js';
import type { JobRun } from '../runs/run.js';
import { type ChronosHttpContext, chronosDoc, engineOf, param } from './context.js';
import { lastState, runState } from './render-runs.js';

export const PERCENTILES = ['75thPercentile', '95thPercentile', '98thPercentile', '99thPercentile', 'median', 'mean'] as const;
type Percentile = (typeof PERCENTILES)[number];
const Q: Record<Percentile, number> = { '75thPercentile': 0.75, '95thPercentile': 0.95, '98thPercentile': 0.98, '99thPercentile': 0.99, median: 0.5, mean: 0.5 };

/** A double as Jackson prints it: always with a fraction. */
export function jsonDouble(n: number): string {
  if (!Number.isFinite(n)) return '0.0';
  return Number.isInteger(n) ? n.toFixed(1) : String(n);
}

/** Codahale `Snapshot.getValue(q)` over sorted values (0 when empty). */
export function quantile(sorted: number[], q: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const pos = q * (n + 1);
  const index = Math.floor(pos);
  if (index < 1) return sorted[0]!;
  if (index >= n) return sorted[n - 1]!;
  const lower = sorted[index - 1]!;
  const upper = sorted[index]!;
  return lower + (pos - index) * (upper - lower);
}

/** Durations (ms) of the successful runs' final attempts. */
export function durations(runs: JobRun[]): number[] {
  const out: number[] = [];
  for (const r of runs) {
    const a = r.attempts[r.attempts.length - 1];
    if (r.status === 'success' && a?.startedAt !== undefined && a.finishedAt !== undefined) out.push(a.finishedAt - a.startedAt);
  }
  return out.sort((x, y) => x - y);
}

export function histogramJson(sorted: number[]): string {
  const fields = PERCENTILES.map((p) => `"${p}":${jsonDouble(quantile(sorted, Q[p]))}`);
  return `{${fields.join(',')},"count":${sorted.length}}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Joda `MM/dd/yy HH:mm:ss` (UTC), or "N/A". */
export function statTime(ms: number | undefined): string {
  if (ms === undefined) return 'N/A';
  const d = new Date(ms);
  return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${pad(d.getUTCFullYear() % 100)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Joda period `1d2h3m4s` (zero units left out, seconds always written). */
export function statDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${d ? `${d}d` : ''}${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s % 60}s`;
}

export function taskStatHistory(job: string, runs: JobRun[]): Array<Record<string, string>> {
  return runs.flatMap((r) =>
    r.attempts
      .filter((a) => a.taskId)
      .map((a) => ({
        taskId: a.taskId!,
        jobName: job,
        slaveId: a.agentId ?? '',
        startTime: statTime(a.startedAt),
        endTime: statTime(a.finishedAt),
        ...(a.startedAt !== undefined && a.finishedAt !== undefined ? { duration: statDuration(a.finishedAt - a.startedAt) } : {}),
        status: a.state ?? 'TASK_STAGING',
      })),
  );
}

export function registerChronosStats(app: FastifyInstance, ctx: ChronosHttpContext, prefixes: string[]): void {
  const at = (p: string) => prefixes.map((x) => `${x}${p}`);
  route(app, at('/job/stat/:name'), {
    GET: (req, reply) => {
      const e = engineOf(ctx);
      const name = param(req, 'name');
      chronosDoc(e, name);
      const runs = e.model.runsOf(name);
      const body = `{"histogram":${histogramJson(durations(runs))},"taskStatHistory":${JSON.stringify(taskStatHistory(name, runs))}}`;
      return reply.type('application/json').send(body);
    },
  });
  route(app, at('/stats/:percentile'), {
    GET: (req, reply) => {
      const e = engineOf(ctx);
      const p = param(req, 'percentile') as Percentile;
      if (!(PERCENTILES as readonly string[]).includes(p)) return reply.type('application/json').send('[]');
      const rows = [...e.model.jobs.keys()].map((name) => ({ name, time: quantile(durations(e.model.runsOf(name)), Q[p]) / 1000 }));
      rows.sort((a, b) => b.time - a.time || a.name.localeCompare(b.name));
      return reply.type('application/json').send(`[${rows.map((r) => `{"jobNameLabel":${JSON.stringify(r.name)},"time":${jsonDouble(r.time)}}`).join(',')}]`);
    },
  });
  route(app, at('/graph/dot'), { GET: (_req, reply) => reply.type('text/plain').send(toDot(engineOf(ctx).model.graph())) });
  route(app, at('/graph/csv'), {
    GET: (_req, reply) => {
      const e = engineOf(ctx);
      const csv = toCsv(e.model.graph(), (name) => ({ lastState: lastState(e.model.jobs.get(name)!.stats), state: runState(e.model.activeOf(name)) }));
      return reply.type('text/plain').send(csv);
    },
  });
}
