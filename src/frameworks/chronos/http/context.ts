/**
 * What the Chronos/Metronome handlers share: the engine of the current leadership term (none on a
 * standby or while state loads), and the mapping of model errors to each API's statuses: Chronos
 * answers every client error 400 with an ApiResult (it has no 404 and no 422), Metronome 404/409/
 * 422 with Marathon's `{"message","details"}` shape.
 * @module
 */
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../../../http/http-error.js';
import { parseJsonBody } from '../../../http/json-body.js';
import type { Logger } from '../../../lib/logger.js';
import type { FrameworkLeadership } from '../../common/leadership.js';
import { type Engine, EngineStoppedError } from '../engine/engine.js';
import { NotLeaderError } from '../../common/state-store.js';
import { JobOpError, requireJob } from '../engine/job-ops.js';
import { type Issue, JobValidationError } from '../job-model/fields.js';
import type { JobRun } from '../runs/run.js';
import type { WaitingView } from '../runs/waiting.js';
import type { JobDoc } from '../store/chronos-store.js';

export interface ChronosHttpContext {
  log: Logger;
  leadership: Pick<FrameworkLeadership, 'leading' | 'leader' | 'leaderHostPort'>;
  /** `host:port` of this instance's API. */
  self(): string;
  /** The leader's engine; undefined on a standby or while the state loads. */
  engine(): Engine | undefined;
  startedAt: number;
  frameworkName: string;
}

export function engineOf(ctx: ChronosHttpContext): Engine {
  const e = ctx.engine();
  if (!e?.running) throw new HttpError(503, 'Chronos is not ready: this instance is not leading, or its state is still loading');
  return e;
}

/** Decodes a request body as JSON (400 "Failed to parse …" otherwise). */
export function jsonBody(req: FastifyRequest): unknown {
  return parseJsonBody(req.body as Buffer | undefined);
}

/** Metronome: a body that is not JSON is a 400 in Marathon's shape. */
export function metronomeBody(req: FastifyRequest): unknown {
  try {
    return parseJsonBody(req.body as Buffer | undefined);
  } catch (e) {
    if (e instanceof HttpError) throw new HttpError(400, 'Invalid JSON', {}, { details: [{ path: '/', errors: [e.message] }] });
    throw e;
  }
}

/** A write that could not land because leadership ended: 503, the client retries (via the new leader). */
function lostLeadership(err: unknown): void {
  if (err instanceof NotLeaderError || err instanceof EngineStoppedError) throw new HttpError(503, err.message);
}

/** Re-throws model errors as Chronos answers them: always 400. */
export function asChronos(err: unknown): never {
  lostLeadership(err);
  if (err instanceof JobValidationError || err instanceof JobOpError) throw new HttpError(400, err.message);
  throw err;
}

/** Metronome's 422 body: one entry per path, errors grouped. */
export function details(issues: Issue[]): Array<{ path: string; errors: string[] }> {
  const byPath = new Map<string, string[]>();
  for (const i of issues) byPath.set(i.path, [...(byPath.get(i.path) ?? []), i.error]);
  return [...byPath].map(([path, errors]) => ({ path, errors }));
}

export function invalid(issues: Issue[]): HttpError {
  return new HttpError(422, 'Object is not valid', {}, { details: details(issues) });
}

/** Re-throws model errors as Metronome answers them. */
export function asMetronome(err: unknown): never {
  lostLeadership(err);
  if (err instanceof JobValidationError) throw invalid(err.issues);
  if (err instanceof JobOpError) {
    if (err.kind === 'not_found') throw new HttpError(404, err.message);
    if (err.kind === 'conflict' || err.kind === 'dependents') throw new HttpError(409, err.message);
    throw invalid([{ path: '/dependencies', error: err.message, message: err.message }]);
  }
  throw err;
}

/** A path parameter. */
export function param(req: FastifyRequest, name: string): string {
  return (req.params as Record<string, string>)[name] ?? '';
}

/** The job, or Chronos' 400 "Job 'x' not found". */
export function chronosDoc(e: Engine, name: string): JobDoc {
  try {
    return requireJob(e, name);
  } catch (err) {
    return asChronos(err);
  }
}

/** What each queued run of this leader waits for (the engine's in-memory WaitingLog). */
export function waitingOf(e: Engine): (run: JobRun) => WaitingView | undefined {
  const now = e.now();
  return (run) => e.waiting.view(run, now);
}

/** The job, or Metronome's 404. */
export function metronomeDoc(e: Engine, id: string): JobDoc {
  const doc = e.model.jobs.get(id);
  if (!doc) throw new HttpError(404, `Job '${id}' does not exist`);
  return doc;
}
