/**
 * What the /v2 routes need: the service while it leads (absent on a standby or while the new
 * leader recovers its state), the event bus (kept across leadership changes, so event streams
 * survive), the flags and the leadership.
 * @module
 */
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../../../http/http-error.js';
import type { Logger } from '../../../lib/logger.js';
import type { EventBus } from '../event-bus.js';
import type { MarathonConfig } from '../flags.js';
import type { MarathonScheduler } from '../scheduler/marathon-scheduler.js';

export interface LeadershipView {
  readonly leading: boolean;
  readonly leaderHostPort: string | undefined;
  abdicate(reason: string): void;
}

export interface HttpContext {
  config: MarathonConfig;
  bus: EventBus;
  log: Logger;
  leadership: LeadershipView;
  /** The scheduler while leading and recovered. */
  service?: MarathonScheduler;
  /** Our own `host:port` (once listening). */
  self(): string;
  startedAt: number;
}

/** The running service, or 503 (the leader is still recovering, or we just lost leadership). */
export function serviceOf(ctx: HttpContext): MarathonScheduler {
  if (!ctx.service) throw new HttpError(503, ctx.leadership.leading ? 'Marathon is recovering its state; try again shortly' : 'Could not determine the current leader');
  return ctx.service;
}

/** Repeated query parameters (`embed=a&embed=b`, `status[]=x`) as a list. */
export function queryList(req: FastifyRequest, name: string): string[] {
  const q = (req.query ?? {}) as Record<string, string | string[] | undefined>;
  const out: string[] = [];
  for (const key of [name, `${name}[]`]) {
    const v = q[key];
    if (Array.isArray(v)) out.push(...v);
    else if (typeof v === 'string') out.push(v);
  }
  return out.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

/**
 * A boolean query flag (`force=true`); absent → `dflt`. As upstream (JAX-RS `Boolean.valueOf`),
 * `true` in any case is true and anything else false — clients send `True`/`False`.
 */
export function queryBool(req: FastifyRequest, name: string, dflt: boolean): boolean {
  const v = ((req.query ?? {}) as Record<string, unknown>)[name];
  const s = Array.isArray(v) ? v[0] : v;
  if (s === undefined || s === '') return dflt;
  return String(s).toLowerCase() === 'true';
}
