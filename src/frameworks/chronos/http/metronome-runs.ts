/**
 * Metronome runs, queue and schedules (`jobs.raml`): `GET /v1/queue` (runs waiting to be launched,
 * with our `waiting` extension), `GET /v1/jobs/{id}/runs` (active runs), `POST` (a
 * manual run, 201), `GET /runs/{runId}` (active or finished), `POST /runs/{runId}/actions/stop`;
 * `GET`/`POST /v1/jobs/{id}/schedules` and `GET`/`PUT`/`DELETE /schedules/{sid}` with at most one
 * schedule per job ("Only one schedule supported at the moment").
 * @module
 */
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../../http/http-error.js';
import { route } from '../../../http/server.js';
import type { Engine } from '../engine/engine.js';
import { putJob, runNow, stopRun } from '../engine/job-ops.js';
import { Fields, JobValidationError } from '../job-model/fields.js';
import { readScheduleSpec } from '../job-model/metronome-schedule.js';
import type { Job } from '../job-model/types.js';
import type { JobDoc } from '../store/chronos-store.js';
import { asMetronome, type ChronosHttpContext, engineOf, invalid, metronomeBody, metronomeDoc, param, waitingOf } from './context.js';
import { scheduleJson } from './metronome-jobs.js';
import { metronomeQueue, metronomeRun } from './render-runs.js';

function readSchedule(e: Engine, body: unknown) {
  const f = Fields.root(body);
  f.check();
  const parsed = readScheduleSpec(f, new Date(e.now()));
  f.check();
  return parsed!;
}

function scheduleOf(doc: JobDoc, sid: string) {
  if (doc.job.schedule?.id !== sid) throw new HttpError(404, `Schedule '${sid}' does not exist`);
  return doc.job.schedule;
}

async function saveSchedule(e: Engine, doc: JobDoc, body: unknown): Promise<JobDoc> {
  try {
    const { schedule, concurrencyPolicy } = readSchedule(e, body);
    if (doc.job.parents.length > 0) throw invalid([{ path: '/schedules', error: 'Jobs with dependencies may not have schedules', message: '' }]);
    const job: Job = { ...doc.job, schedule, concurrencyPolicy };
    return await putJob(e, job, undefined, 'replace');
  } catch (err) {
    if (err instanceof JobValidationError) throw invalid(err.issues);
    return asMetronome(err);
  }
}

export function registerMetronomeRuns(app: FastifyInstance, ctx: ChronosHttpContext): void {
  route(app, ['/v1/queue'], {
    GET: () => {
      const e = engineOf(ctx);
      return metronomeQueue(e.model.active.values(), waitingOf(e));
    },
  });
  route(app, ['/v1/jobs/:id/runs'], {
    GET: (req) => {
      const e = engineOf(ctx);
      return e.model.activeOf(metronomeDoc(e, param(req, 'id')).job.name).map(metronomeRun);
    },
    POST: async (req, reply) => {
      const e = engineOf(ctx);
      const doc = metronomeDoc(e, param(req, 'id'));
      const run = await runNow(e, doc.job.name).catch(asMetronome);
      return reply.code(201).send(metronomeRun(run));
    },
  });
  route(app, ['/v1/jobs/:id/runs/:runId'], {
    GET: (req) => {
      const e = engineOf(ctx);
      const name = metronomeDoc(e, param(req, 'id')).job.name;
      const runId = param(req, 'runId');
      const run = e.model.runsOf(name).find((r) => r.runId === runId);
      if (!run) throw new HttpError(404, `JobRun '${runId}' of job '${name}' does not exist`);
      return metronomeRun(run);
    },
  });
  route(app, ['/v1/jobs/:id/runs/:runId/actions/stop'], {
    POST: async (req) => {
      const e = engineOf(ctx);
      const name = metronomeDoc(e, param(req, 'id')).job.name;
      const run = await stopRun(e, name, param(req, 'runId')).catch(asMetronome);
      return metronomeRun(run);
    },
  });

  route(app, ['/v1/jobs/:id/schedules'], {
    GET: (req) => {
      const e = engineOf(ctx);
      const s = scheduleJson(e, metronomeDoc(e, param(req, 'id')));
      return s ? [s] : [];
    },
    POST: async (req, reply) => {
      const e = engineOf(ctx);
      const doc = metronomeDoc(e, param(req, 'id'));
      const body = metronomeBody(req);
      if (doc.job.schedule) {
        const sid = (body as { id?: unknown } | undefined)?.id;
        if (sid === doc.job.schedule.id) throw new HttpError(409, `Schedule with id '${sid}' already exists`);
        throw invalid([{ path: '/schedules', error: 'Only one schedule supported at the moment', message: '' }]);
      }
      const saved = await saveSchedule(e, doc, body);
      return reply.code(201).send(scheduleJson(e, saved));
    },
  });
  route(app, ['/v1/jobs/:id/schedules/:sid'], {
    GET: (req) => {
      const e = engineOf(ctx);
      const doc = metronomeDoc(e, param(req, 'id'));
      scheduleOf(doc, param(req, 'sid'));
      return scheduleJson(e, doc);
    },
    PUT: async (req) => {
      const e = engineOf(ctx);
      const doc = metronomeDoc(e, param(req, 'id'));
      const sid = param(req, 'sid');
      scheduleOf(doc, sid);
      const body = metronomeBody(req);
      const withId = typeof body === 'object' && body !== null && !Array.isArray(body) ? { id: sid, ...body } : body;
      return scheduleJson(e, await saveSchedule(e, doc, withId));
    },
    DELETE: async (req) => {
      const e = engineOf(ctx);
      const doc = metronomeDoc(e, param(req, 'id'));
      scheduleOf(doc, param(req, 'sid'));
      const shown = scheduleJson(e, doc);
      const { schedule: _gone, ...job } = doc.job;
      await putJob(e, job, undefined, 'replace').catch(asMetronome);
      return shown;
    },
  });
}
