/**
 * Chronos job routes under `/v1/scheduler` and the old `/scheduler` (`Iso8601JobResource`,
 * `DependentJobResource`, `JobManagementResource`, `TaskManagementResource`): `jobs`, `iso8601`
 * (204, upsert), `dependency` (204), `job/{name}` GET / PUT (run now, `?arguments=`) / DELETE,
 * `task/kill/{name}`, `jobs/search`, `jobs/summary` (plus `waiting` on a queued job), `job/success/{name}`,
 * and the tsmesos history extension `job/{name}/history?limit=N`.
 * @module
 */
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../../http/http-error.js';
import { queryOf, route } from '../../../http/server.js';
import { deleteJob, killJobRuns, markSuccess, putJob, runNow } from '../engine/job-ops.js';
import { parseChronosJob } from '../job-model/chronos-json.js';
import { renderChronosJob } from '../job-model/chronos-json.js';
import type { JobDoc } from '../store/chronos-store.js';
import { asChronos, type ChronosHttpContext, chronosDoc, engineOf, jsonBody, param, waitingOf } from './context.js';
import { historyEntries, lastState, runState } from './render-runs.js';

const render = (d: JobDoc) => renderChronosJob(d.job, d.stats);

function intParam(q: Record<string, string>, key: string, fallback: number): number {
  const v = q[key];
  if (v === undefined || v === '') return fallback;
  if (!/^\d+$/.test(v)) throw new HttpError(400, `${key} must be a non-negative integer, got '${v}'`);
  return Number(v);
}

export function registerChronosJobs(app: FastifyInstance, ctx: ChronosHttpContext, prefixes: string[]): void {
  const at = (p: string) => prefixes.map((x) => `${x}${p}`);

  route(app, at('/jobs'), { GET: () => [...engineOf(ctx).model.jobs.values()].sort((a, b) => a.job.name.localeCompare(b.job.name)).map(render) });

  const post = (endpoint: 'iso8601' | 'dependency') => async (req: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) => {
    const e = engineOf(ctx);
    const body = jsonBody(req);
    try {
      const { job, stats } = parseChronosJob(body, endpoint, new Date(e.now()));
      await putJob(e, job, stats, 'upsert');
    } catch (err) {
      asChronos(err);
    }
    return reply.code(204).send();
  };
  route(app, at('/iso8601'), { POST: post('iso8601') });
  route(app, at('/dependency'), { POST: post('dependency'), PUT: post('dependency') });

  route(app, at('/job/:name'), {
    GET: (req) => render(chronosDoc(engineOf(ctx), param(req, 'name'))),
    PUT: async (req, reply) => {
      const e = engineOf(ctx);
      const args = queryOf(req).arguments;
      await runNow(e, param(req, 'name'), args || undefined).catch(asChronos);
      return reply.code(204).send();
    },
    DELETE: async (req, reply) => {
      await deleteJob(engineOf(ctx), param(req, 'name'), { stopRuns: true }).catch(asChronos);
      return reply.code(204).send();
    },
  });

  route(app, at('/job/:name/history'), {
    GET: (req) => {
      const e = engineOf(ctx);
      const name = param(req, 'name');
      chronosDoc(e, name);
      const limit = intParam(queryOf(req), 'limit', 100);
      return { name, runs: historyEntries(e.model.runsOf(name), limit, waitingOf(e)) };
    },
  });

  route(app, at('/task/kill/:name'), {
    DELETE: async (req, reply) => {
      await killJobRuns(engineOf(ctx), param(req, 'name')).catch(asChronos);
      return reply.code(204).send();
    },
  });

  route(app, at('/job/success/:name'), {
    PUT: async (req, reply) => {
      const name = param(req, 'name');
      const ok = await markSuccess(engineOf(ctx), name).catch(asChronos);
      return reply.type('text/plain').send(`marked job ${name} as successful: ${ok}`);
    },
  });

  route(app, at('/jobs/search'), {
    GET: (req) => {
      const q = queryOf(req);
      const limit = intParam(q, 'limit', 10);
      const offset = intParam(q, 'offset', 0);
      const has = (hay: string, needle: string | undefined) => !!needle && hay.toLowerCase().includes(needle.toLowerCase());
      const docs = [...engineOf(ctx).model.jobs.values()].sort((a, b) => a.job.name.localeCompare(b.job.name));
      const hits = docs.filter(({ job }) => {
        // Upstream returns everything for `any` alone (it only widens name/command); we filter by it.
        if (!q.name && !q.command && q.any) return has(job.name, q.any) || has(job.command, q.any);
        let valid = true;
        if (q.name && !has(job.name, q.name)) valid = false;
        if (q.command && !has(job.command, q.command)) valid = false;
        if (!valid && (has(job.name, q.any) || has(job.command, q.any))) valid = true;
        return valid;
      });
      return hits.slice(offset, offset + limit).map(render);
    },
  });

  route(app, at('/jobs/summary'), {
    GET: () => {
      const e = engineOf(ctx);
      const waiting = waitingOf(e);
      const jobs = [...e.model.jobs.values()]
        .sort((a, b) => a.job.name.localeCompare(b.job.name))
        .map(({ job, stats }) => {
          const active = e.model.activeOf(job.name);
          const state = runState(active);
          // Extension: why the oldest queued run has not launched (`state` keeps upstream's values).
          const why = state === 'queued' ? active.map(waiting).find((w) => w !== undefined) : undefined;
          return {
            name: job.name,
            status: lastState(stats),
            state,
            schedule: job.parents.length ? '' : (job.schedule?.expression ?? ''),
            parents: job.parents,
            disabled: job.disabled,
            ...(why ? { waiting: why.summary } : {}),
          };
        });
      return { jobs };
    },
  });
}
