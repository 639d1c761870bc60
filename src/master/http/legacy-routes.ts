/**
 * The legacy read endpoints and the two legacy writes (mesos-api.md §1, compat-rules.md "Routes"):
 * each answers at `/master/<x>`, `/<x>` and the old `.json` spellings, with `?jsonp=cb` support.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../http/http-error.js';
import { queryOf, route } from '../../http/server.js';
import { removeFramework } from '../core/frameworks.js';
import { leaderBase } from '../ha/leader-gate.js';
import type { Master } from '../master.js';
import { renderMetrics } from '../metrics.js';
import * as legacy from './legacy/index.js';
import { versionInfo } from './version-info.js';

/** `/master/x`, `/x`, `/master/x.json`, `/x.json`. */
export function aliases(name: string, master = true): string[] {
  const base = master ? [`/master/${name}`, `/${name}`] : [`/${name}`];
  return [...base, ...base.map((p) => `${p}.json`)];
}

function sendJson(req: FastifyRequest, reply: FastifyReply, body: unknown): FastifyReply {
  const cb = queryOf(req).jsonp;
  if (cb && /^[A-Za-z_$][\w$.]*$/.test(cb)) {
    return reply.type('application/javascript').send(`${cb}(${JSON.stringify(body)});`);
  }
  return reply.type('application/json').send(JSON.stringify(body));
}

function intParam(q: Record<string, string>, name: string, dflt: number): number {
  const v = q[name];
  if (v === undefined || v === '') return dflt;
  if (!/^-?\d+$/.test(v)) throw new HttpError(400, `Failed to parse '${name}': '${v}' is not a number`);
  return Number(v);
}

export function registerLegacyRoutes(app: FastifyInstance, m: Master): void {
  const get = (name: string, render: (q: Record<string, string>) => unknown) =>
    route(app, aliases(name), { GET: (req, reply) => sendJson(req, reply, render(queryOf(req))) });

  get('state', () => legacy.renderState(m));
  get('state-summary', () => legacy.renderStateSummary(m));
  get('frameworks', (q) => legacy.renderFrameworks(m, { frameworkId: q.framework_id }));
  get('slaves', (q) => legacy.renderSlaves(m, { slaveId: q.slave_id }));
  get('roles', () => legacy.renderRoles(m));
  get('flags', () => legacy.renderFlags(m));
  get('tasks', (q) => {
    const order = q.order ?? 'desc';
    if (order !== 'asc' && order !== 'desc') throw new HttpError(400, `Failed to parse 'order': '${order}' is not 'asc' or 'desc'`);
    return legacy.renderTasks(m, {
      frameworkId: q.framework_id,
      taskId: q.task_id,
      limit: intParam(q, 'limit', 100),
      offset: intParam(q, 'offset', 0),
      order,
    });
  });
  route(app, aliases('weights'), {
    GET: (req, reply) => sendJson(req, reply, Object.entries(m.weights).map(([role, weight]) => ({ role, weight }))),
  });
  route(app, aliases('health'), { GET: (_req, reply) => reply.code(200).send() });
  // The leader's base URL (never the path, which would loop), or 503 while no master leads.
  route(app, aliases('redirect'), {
    GET: (_req, reply) => {
      const base = leaderBase(m);
      if (!base) return reply.code(503).type('text/plain; charset=utf-8').send('No leader elected');
      return reply.code(307).header('Location', base).send();
    },
  });
  route(app, ['/version', '/version.json'], { GET: (req, reply) => sendJson(req, reply, versionInfo()) });
  route(app, ['/metrics/snapshot', '/metrics/snapshot.json'], {
    GET: (req, reply) => sendJson(req, reply, renderMetrics(m, { allocationRuns: m.counters.allocationRuns })),
  });
  route(app, aliases('teardown'), {
    POST: (req, reply) => {
      const form = new URLSearchParams(Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '');
      const id = form.get('frameworkId') ?? queryOf(req).frameworkId;
      if (!id) throw new HttpError(400, "Missing 'frameworkId' query parameter in the request body");
      const fw = m.frameworks.get(id);
      if (!fw) throw new HttpError(400, 'No framework found with specified ID');
      removeFramework(m, fw, 'operator teardown');
      return reply.code(200).send();
    },
  });
}
