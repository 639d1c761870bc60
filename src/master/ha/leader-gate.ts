/**
 * Only the leader serves the cluster (upstream `Master::Http::redirect` in `src/master/http.cpp`,
 * reached from the "not elected → redirect" guard at the top of nearly every handler): on any
 * other master a request gets `307` with a protocol-relative `Location: //<leader host>:<port>`
 * plus the original path and query, or `503 No leader elected` when ZooKeeper names no leader.
 * `/health`, `/metrics/snapshot`, `/version`, `/flags` and `/redirect` answer on every master, so
 * monitoring can tell standbys apart (`master/elected` is 0 there).
 * @module
 */
import type { FastifyInstance } from 'fastify';
import type { Master } from '../master.js';

/** Paths (without `/master` duplicates, `.json` and trailing slashes) any master answers itself. */
const ANY_MASTER = new Set(['/health', '/metrics/snapshot', '/version', '/flags', '/redirect']);

/** `/master/flags.json/?x` → `/flags`: the spelling-independent form of a request path. */
export function canonicalPath(url: string): string {
  const path = (url.split('?', 1)[0] ?? '/').replace(/\/{2,}/g, '/').replace(/(.)\/+$/, '$1').replace(/\.json$/, '');
  return path.startsWith('/master/') ? path.slice('/master'.length) : path;
}

/** `//leader-host:port` of the leader this master knows of, if any (upstream prefers the hostname). */
export function leaderBase(m: Master): string | undefined {
  const info = m.leaderInfo;
  if (!info) return undefined;
  const host = info.hostname || info.address?.hostname || info.address?.ip;
  const port = info.address?.port ?? info.port;
  return host && port ? `//${host.includes(':') ? `[${host}]` : host}:${port}` : undefined;
}

export function installLeaderGate(app: FastifyInstance, m: Master): void {
  app.addHook('onRequest', async (req, reply) => {
    if (m.elected && !m.recovering) return;
    if (ANY_MASTER.has(canonicalPath(req.url))) return;
    const text = (status: number, body: string) => reply.code(status).type('text/plain; charset=utf-8').send(body);
    if (m.elected) return text(503, 'Master has not finished recovery');
    const base = leaderBase(m);
    if (!base) return text(503, 'No leader elected');
    return reply.code(307).header('Location', `${base}${req.url}`).send();
  });
}
