/**
 * Metronome job routes (`api/src/main/resources/routes`, `jobs.raml`): `GET /v1/jobs` and
 * `GET /v1/jobs/{id}` with `embed=activeRuns|history|historySummary|schedules` (repeatable or
 * comma-separated), `POST /v1/jobs` (201; 409 when the id exists; 422 when invalid), `PUT` (full
 * replace; schedules kept unless the body has some), `DELETE ?stopCurrentJobRuns=` (409 while runs
 * are active or other jobs depend on it).
 * @module
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../../../http/http-error.js';
import { queryOf, route } from '../../../http/server.js';
import type { Engine } from '../engine/engine.js';
import { deleteJob, putJob } from '../engine/job-ops.js';
import { parseJobSpec, renderJobSpec } from '../job-model/metronome-json.js';
import { nextDue } from '../job-model/schedule-spec.js';
import { renderScheduleSpec } from '../job-model/metronome-schedule.js';
import type { JobDoc } from '../store/chronos-store.js';
import { asMetronome, type ChronosHttpContext, engineOf, metronomeBody, metronomeDoc, param } from './context.js';
import { metronomeHistory, metronomeRun } from './render-runs.js';

const EMBEDS = new Set(['activeRuns', 'history', 'historySummary', 'schedules']);

export function embedsOf(req: FastifyRequest): Set<string> {
  const raw = (req.query as Record<string, string | string[] | undefined>).embed;
  const list = (Array.isArray(raw) ? raw : raw ? [raw] : []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  for (const v of list) if (!EMBEDS.has(v)) throw new HttpError(400, `Unknown embed '${v}'; use one of ${[...EMBEDS].join(', ')}`);
  return new Set(list);
}

/** A schedule as Metronome shows it, with the next run time. */
export function scheduleJson(e: Engine, doc: JobDoc): Record<string, unknown> | undefined {
  const s = doc.job.schedule;
  if (!s) return undefined;
  const next = s.enabled && !doc.job.disabled ? nextDue(s, doc.cursor, new Date(e.now())) : undefined;
  return { ...renderScheduleSpec(s, doc.job.concurrencyPolicy), ...(next !== undefined ? { nextRunAt: new Date(next).toISOString() } : {}) };
}

export function jobJson(e: Engine, doc: JobDoc, embeds: Set<string>): Record<string, unknown> {
  const out = renderJobSpec(doc.job, false);
  if (embeds.has('schedules')) {
    const s = scheduleJson(e, doc);
    out.schedules = s ? [s] : [];
  }
  if (embeds.has('activeRuns')) out.activeRuns = e.model.activeOf(doc.job.name).map(metronomeRun);
  const finished = e.model.history.get(doc.job.name) ?? [];
  if (embeds.has('history')) out.history = metronomeHistory(finished, true);
  if (embeds.has('historySummary')) out.historySummary = metronomeHistory(finished, false);
  return out;
}

export function registerMetronomeJobs(app: FastifyInstance, ctx: ChronosHttpContext): void {
  route(app, ['/v1/jobs'], {
    GET: (req) => {
      const e = engineOf(ctx);
      const embeds = embedsOf(req);
      return [...e.model.jobs.values()].sort((a, b) => a.job.name.localeCompare(b.job.name)).map((d) => jobJson(e, d, embeds));
    },
    POST: async (req, reply) => {
      const e = engineOf(ctx);
      const body = metronomeBody(req);
      try {
        const job = parseJobSpec(body, new Date(e.now()));
        const doc = await putJob(e, job, undefined, 'create');
        return reply.code(201).send(renderJobSpec(doc.job, job.schedule !== undefined));
      } catch (err) {
        return asMetronome(err);
      }
    },
  });
  route(app, ['/v1/jobs/:id'], {
    GET: (req) => {
      const e = engineOf(ctx);
      return jobJson(e, metronomeDoc(e, param(req, 'id')), embedsOf(req));
    },
    PUT: async (req) => {
      const e = engineOf(ctx);
      const id = param(req, 'id');
      const old = metronomeDoc(e, id);
      const body = metronomeBody(req);
      try {
        const job = parseJobSpec(body, new Date(e.now()), id);
        const hasSchedules = typeof body === 'object' && body !== null && 'schedules' in body;
        if (!hasSchedules && old.job.schedule && job.parents.length === 0) {
          job.schedule = old.job.schedule;
          job.concurrencyPolicy = old.job.concurrencyPolicy;
        }
        const doc = await putJob(e, job, undefined, 'replace');
        return renderJobSpec(doc.job, hasSchedules);
      } catch (err) {
        return asMetronome(err);
      }
    },
    DELETE: async (req) => {
      const e = engineOf(ctx);
      const doc = metronomeDoc(e, param(req, 'id'));
      const stop = queryOf(req).stopCurrentJobRuns === 'true';
      await deleteJob(e, doc.job.name, { stopRuns: stop }).catch(asMetronome);
      return renderJobSpec(doc.job, false);
    },
  });
}
