/**
 * The shared server kit: a fastify instance with raw-buffer body parsing (each API decides how to
 * decode), trailing-slash tolerance, one error → status mapping per server, and 405 for known paths
 * called with the wrong method.
 */
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from '../lib/logger.js';
import { HttpError } from './http-error.js';

/** Renders an error in the API's own shape; `status` has already been decided. */
export type ErrorRenderer = (reply: FastifyReply, status: number, message: string, err: unknown) => unknown;

export interface ServerOptions {
  logger: Logger;
  renderError: ErrorRenderer;
  /** Largest request body accepted; larger ones get 413. */
  bodyLimit?: number;
}

export type Handler = (req: FastifyRequest, reply: FastifyReply) => unknown;
export type Methods = Partial<Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', Handler>>;

const ALL_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** Past this many bytes an oversized body is not drained but the connection is dropped. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

function drainThen(req: FastifyRequest, send: () => unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const raw = req.raw;
    if (raw.complete) return resolve(send());
    let seen = 0;
    raw.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > MAX_DRAIN_BYTES) raw.destroy();
    });
    raw.on('end', () => resolve(send()));
    raw.on('close', () => resolve(undefined));
    raw.resume();
  });
}

export function createServer(opts: ServerOptions): FastifyInstance {
  const bodyLimit = opts.bodyLimit ?? 8 * 1024 * 1024;
  const app = Fastify({
    loggerInstance: opts.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit,
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true },
    forceCloseConnections: true,
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.setErrorHandler((err: unknown, req, reply) => {
    if (err instanceof HttpError) {
      for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
      return opts.renderError(reply.code(err.status), err.status, err.message, err);
    }
    const fe = err as { statusCode?: number; message?: string };
    if (fe.statusCode === 413) {
      // Read (and drop) the rest of the body first, so the client sees the 413 instead of a reset.
      return drainThen(req, () => opts.renderError(reply.code(413), 413, `Request body is larger than ${bodyLimit} bytes`, err));
    }
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
      return opts.renderError(reply.code(fe.statusCode), fe.statusCode, fe.message ?? 'Bad request', err);
    }
    req.log.error({ err, url: req.url, method: req.method }, 'request failed');
    return opts.renderError(reply.code(500), 500, 'Internal server error', err);
  });
  app.setNotFoundHandler((req, reply) =>
    opts.renderError(reply.code(404), 404, `No route for ${req.method} ${req.url.split('?')[0]}`, undefined),
  );
  return app;
}

/**
 * Registers `paths` (aliases of one endpoint) answering the given methods; any other method gets
 * 405 with an `Allow` header, as upstream does for e.g. `GET /api/v1/scheduler`.
 */
export function route(app: FastifyInstance, paths: string[], methods: Methods): void {
  const allowed = Object.keys(methods);
  if (methods.GET) allowed.push('HEAD');
  for (const url of paths) {
    app.route({
      method: [...ALL_METHODS],
      url,
      handler: async (req, reply) => {
        const m = (req.method === 'HEAD' ? 'GET' : req.method) as keyof Methods;
        const h = methods[m];
        if (!h) {
          throw new HttpError(405, `Expecting one of { '${allowed.join("', '")}' }, but received '${req.method}'`, {
            Allow: allowed.join(', '),
          });
        }
        return h(req, reply);
      },
    });
  }
}

/** Query string parameters as a plain string map (first value wins). */
export function queryOf(req: FastifyRequest): Record<string, string> {
  const q = (req.query ?? {}) as Record<string, string | string[]>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(q)) out[k] = Array.isArray(v) ? (v[0] ?? '') : v;
  return out;
}
