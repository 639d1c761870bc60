/**
 * Standbys answer by proxying to the leader (upstream Marathon `LeaderProxyFilter` +
 * `RequestForwarder`, Chronos' `RedirectFilter`): a fastify onRequest hook that, while this
 * instance does not lead, forwards the request as is (method, path, query, headers, streamed body)
 * to the leader's HTTP address and streams the answer back with the API's extra headers. Paths in
 * `localOnly` (liveness, metrics, "who leads", event streams) are answered by the standby itself.
 * A request that already went through one standby is not forwarded again (a stale view of who
 * leads must not bounce requests around): it gets the API's no-leader answer.
 * @module
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { FrameworkLeadership } from './leadership.js';

/** Marks a forwarded request, so the receiving instance never forwards it a second time. */
export const FORWARDED_HEADER = 'x-tsmesos-forwarded';

/** Hop-by-hop headers (RFC 7230 §6.1) are not passed on. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host']);

export interface LeaderProxyOptions {
  leadership: Pick<FrameworkLeadership, 'leading' | 'leader' | 'leaderHostPort'>;
  /** Paths (without query) answered locally even on a standby. */
  localOnly: (path: string) => boolean;
  /** Extra headers on a proxied answer, given the leader's `host:port`. */
  headers?: (leader: string) => Record<string, string>;
  /** Answers when no leader is known (or the leader is unreachable); status 503 is already set. */
  renderNoLeader: (reply: FastifyReply) => unknown;
  /** Milliseconds to wait for the leader's answer headers (default 30 s). */
  timeoutMs?: number;
}

export function installLeaderProxy(app: FastifyInstance, opts: LeaderProxyOptions): void {
  app.addHook('onRequest', async (req, reply) => {
    if (opts.leadership.leading) return;
    const path = req.url.split('?')[0] ?? '/';
    if (opts.localOnly(path)) return;
    const leader = opts.leadership.leader;
    const hostPort = opts.leadership.leaderHostPort;
    if (!leader || !hostPort || req.headers[FORWARDED_HEADER] !== undefined) {
      reply.code(503);
      await opts.renderNoLeader(reply);
      return reply;
    }
    await forward(req.raw, reply, leader, hostPort, opts);
    return reply;
  });
}

function forward(
  raw: import('node:http').IncomingMessage,
  reply: FastifyReply,
  leader: { host: string; port: number },
  hostPort: string,
  opts: LeaderProxyOptions,
): Promise<void> {
  const extra = opts.headers?.(hostPort) ?? {};
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(raw.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) headers[k] = v;
  headers.host = hostPort;
  headers[FORWARDED_HEADER] = '1';
  const fwdFor = raw.headers['x-forwarded-for'];
  headers['x-forwarded-for'] = [fwdFor, raw.socket.remoteAddress].filter(Boolean).join(', ');
  return new Promise<void>((resolve) => {
    let done = false;
    const fail = (why: string) => {
      if (done) return;
      done = true;
      if (reply.raw.headersSent) {
        reply.raw.destroy();
        return resolve();
      }
      reply.code(503);
      reply.header('x-tsmesos-proxy-error', why.slice(0, 200));
      resolve(Promise.resolve(opts.renderNoLeader(reply)).then(() => undefined));
    };
    const out = httpRequest(
      { host: leader.host, port: leader.port, method: raw.method, path: raw.url, headers, timeout: opts.timeoutMs ?? 30_000 },
      (res) => {
        done = true;
        reply.hijack();
        const answer: Record<string, string | string[]> = {};
        for (const [k, v] of Object.entries(res.headers as IncomingHttpHeaders)) if (v !== undefined && !HOP_BY_HOP.has(k)) answer[k] = v;
        for (const [k, v] of Object.entries(extra)) answer[k.toLowerCase()] = v;
        reply.raw.writeHead(res.statusCode ?? 502, answer);
        res.pipe(reply.raw);
        res.on('end', () => resolve());
        res.on('error', () => {
          reply.raw.destroy();
          resolve();
        });
        reply.raw.on('close', () => {
          res.destroy();
          resolve();
        });
      },
    );
    out.on('timeout', () => out.destroy(new Error(`the leader at ${hostPort} did not answer in time`)));
    out.on('error', (e) => fail(`proxying to the leader at ${hostPort}: ${e.message}`));
    raw.pipe(out);
  });
}
