/**
 * /v2/queue (upstream `QueueResource`): apps waiting for launches, with their backoff delay and —
 * the "why isn't it launching" answer — how many offers were looked at and why each went unused.
 * @module
 */
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../../http/http-error.js';
import { route } from '../../../http/server.js';
import { appToJson } from '../app-model/to-json.js';
import { canonicalPath } from '../app-model/path-id.js';
import { type HttpContext, queryList, serviceOf } from './context.js';
import { counts } from './render.js';

export function registerQueue(app: FastifyInstance, ctx: HttpContext): void {
  route(app, ['/v2/queue'], {
    GET: (req) => {
      const s = serviceOf(ctx);
      const embedOffers = queryList(req, 'embed').includes('lastUnusedOffers');
      const queue = s.targets().map((t) => ({
        app: { ...appToJson(t.app), ...counts(s, t.app.id) },
        count: t.missing,
        role: t.app.role ?? s.config.role,
        delay: s.launchDelay.queueInfo(t.app.id) ?? { timeLeftSeconds: 0, overdue: true },
        since: new Date(s.queuedSince.get(t.app.id) ?? s.now()).toISOString(),
        processedOffersSummary: s.offerStats.summary(t.app.id),
        ...(embedOffers ? { lastUnusedOffers: s.offerStats.lastUnusedOffers(t.app.id) } : {}),
      }));
      return { queue };
    },
  });
  route(app, ['/v2/queue/*'], {
    DELETE: (req, reply) => {
      const s = serviceOf(ctx);
      const rest = (req.params as { '*': string })['*'];
      const m = /^(.*)\/delay\/?$/.exec(rest);
      if (!m) throw new HttpError(404, `No route for DELETE ${req.url.split('?')[0]}`);
      const id = canonicalPath('/' + m[1]!);
      if (!s.store.apps.has(id) || !s.launchDelay.queueInfo(id)) throw new HttpError(404, `Application ${id} not found in tasks queue.`);
      s.launchDelay.reset(id);
      s.wantOffers();
      return reply.code(204).send();
    },
  });
}
