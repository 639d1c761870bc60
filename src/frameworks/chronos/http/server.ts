/**
 * The Chronos-mode HTTP server: Chronos routes under `/v1/scheduler` and `/scheduler`, Metronome's
 * `/v1/jobs` and `/v1/queue`, `/ping` (`pong`), `/metrics` (Dropwizard-style, with `version` and
 * `gauges`), `/leader` and `/info`. Errors take the shape of the API the path belongs to: Chronos' ApiResult
 * `{"message","status":"400 Bad Request"}`, Metronome's `{"message"[,"details"]}`. A standby
 * proxies everything but `/ping`, `/metrics` and the leader routes to the leader (Chronos'
 * `RedirectFilter` proxies too).
 * @module
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../../http/http-error.js';
import { createServer, route } from '../../../http/server.js';
import { TSMESOS_VERSION } from '../../../lib/version.js';
import { installLeaderProxy } from '../../common/leader-proxy.js';
import { currentAttempt } from '../runs/run.js';
import { registerChronosJobs } from './chronos-jobs.js';
import { registerChronosStats } from './chronos-stats.js';
import type { ChronosHttpContext } from './context.js';
import { registerMetronomeJobs } from './metronome-jobs.js';
import { registerMetronomeRuns } from './metronome-runs.js';

/** Request bodies above this get 413. */
export const BODY_LIMIT = 1024 * 1024;
export const CHRONOS_PREFIXES = ['/v1/scheduler', '/scheduler'];
/** The Chronos release whose API we serve (clients read `/metrics` `version`). */
export const CHRONOS_VERSION = '3.0.2';

export function localOnly(path: string): boolean {
  return path === '/ping' || path === '/metrics' || path === '/info' || path === '/leader' || path === '/v1/scheduler/leader' || path === '/scheduler/leader';
}

const isMetronome = (url: string) => url.startsWith('/v1/jobs') || url.startsWith('/v1/queue') || url === '/info';

export function apiResult(message: string, status: number): { message: string; status: string } {
  return { message, status: `${status} ${STATUS_CODES[status] ?? ''}`.trim() };
}

export function createChronosServer(ctx: ChronosHttpContext): FastifyInstance {
  const app = createServer({
    logger: ctx.log,
    bodyLimit: BODY_LIMIT,
    renderError: (reply, status, message, err) => {
      if (isMetronome(reply.request.url)) {
        const detail = err instanceof HttpError && typeof err.detail === 'object' && err.detail !== null ? err.detail : {};
        return reply.send({ message, ...detail });
      }
      return reply.send(apiResult(message, status));
    },
  });
  installLeaderProxy(app, {
    leadership: ctx.leadership,
    localOnly,
    renderNoLeader: (reply) => reply.send(apiResult('Could not determine the current leader', 503)),
  });
  route(app, ['/ping'], { GET: (_req, reply) => reply.type('text/plain').send('pong') });
  route(app, ['/leader', ...CHRONOS_PREFIXES.map((p) => `${p}/leader`)], {
    GET: () => {
      const leader = ctx.leadership.leaderHostPort;
      if (!leader) throw new HttpError(404, 'There is no leader');
      return { leader };
    },
  });
  route(app, ['/info'], {
    GET: () => ({
      version: CHRONOS_VERSION,
      libVersion: TSMESOS_VERSION,
      name: ctx.frameworkName,
      elected: ctx.leadership.leading,
      leader: ctx.leadership.leaderHostPort ?? null,
      frameworkId: ctx.engine()?.model.frameworkId ?? null,
    }),
  });
  route(app, ['/metrics'], { GET: () => metrics(ctx) });
  registerChronosStats(app, ctx, CHRONOS_PREFIXES);
  registerChronosJobs(app, ctx, CHRONOS_PREFIXES);
  registerMetronomeJobs(app, ctx);
  registerMetronomeRuns(app, ctx);
  return app;
}

function metrics(ctx: ChronosHttpContext): Record<string, unknown> {
  const e = ctx.engine();
  const runs = e ? [...e.model.active.values()] : [];
  const gauge = (value: number) => ({ value });
  const mem = process.memoryUsage();
  return {
    version: '3.0.0',
    gauges: {
      'chronos.leader': gauge(ctx.leadership.leading ? 1 : 0),
      'chronos.jobs.count': gauge(e?.model.jobs.size ?? 0),
      'chronos.runs.active': gauge(runs.length),
      'chronos.runs.queued': gauge(runs.filter((r) => r.status === 'queued' && !currentAttempt(r)?.taskId).length),
      'chronos.runs.running': gauge(runs.filter((r) => currentAttempt(r)?.taskId !== undefined).length),
      'chronos.timers.pending': gauge(e?.due.size ?? 0),
      'jvm.memory.heap.used': gauge(mem.heapUsed),
      'jvm.memory.total.used': gauge(mem.rss),
      'service.uptime.ms': gauge(Date.now() - ctx.startedAt),
    },
    counters: {},
    histograms: {},
    meters: {},
    timers: {},
  };
}
