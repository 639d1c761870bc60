/**
 * /v2/events: the event bus as Server-Sent Events (compat-rules.md). Needs `Accept:
 * text/event-stream` (405 otherwise); each message is `event: <eventType>` plus `data: <json>`;
 * the first is always `event_stream_attached`; `event_type` (repeatable) filters the rest. A standby does not
 * relay (as upstream since 1.8): it redirects to the leader with a usable Location.
 * @module
 */
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../../http/http-error.js';
import { route } from '../../../http/server.js';
import { type MarathonEvent, passesFilter, sseFrame } from '../event-bus.js';
import { type HttpContext, queryList } from './context.js';

export function registerEvents(app: FastifyInstance, ctx: HttpContext): void {
  route(app, ['/v2/events'], {
    GET: (req, reply) => {
      const accept = req.headers.accept ?? '';
      if (!accept.includes('text/event-stream')) {
        throw new HttpError(405, 'The event stream needs the header Accept: text/event-stream', { Allow: 'GET' });
      }
      if (!ctx.leadership.leading) {
        const leader = ctx.leadership.leaderHostPort;
        if (!leader) throw new HttpError(503, 'Could not determine the current leader');
        return reply.code(307).header('Location', `http://${leader}${req.url}`).send();
      }
      const filter = new Set(queryList(req, 'event_type'));
      const remoteAddress = req.ip;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache, no-store, must-revalidate', Connection: 'keep-alive', 'X-Marathon-Leader': `http://${ctx.self()}` });
      const send = (e: MarathonEvent) => {
        if (passesFilter(filter, e.eventType) && res.writable) res.write(sseFrame(e));
      };
      res.flushHeaders();
      // The first message is always event_stream_attached, whatever the filter (clients wait for it).
      res.write(sseFrame(ctx.bus.publish('event_stream_attached', { remoteAddress })));
      ctx.bus.on('event', send);
      const close = () => {
        ctx.bus.off('event', send);
        ctx.bus.publish('event_stream_detached', { remoteAddress });
      };
      res.on('close', close);
    },
  });
}
