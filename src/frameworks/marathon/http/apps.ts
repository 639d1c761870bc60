/**
 * /v2/apps (upstream `AppsResource`, `AppTasksResource`, `AppVersionsResource`). App ids contain
 * slashes, so one wildcard route takes everything under /v2/apps/ and splits off the sub-resource
 * from the end (`/restart`, `/tasks[/{taskId}]`, `/versions[/{version}]`, `/*`): ids can not end
 * in those reserved words.
 * @module
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../../http/http-error.js';
import { parseJsonBody } from '../../../http/json-body.js';
import { route } from '../../../http/server.js';
import { canonicalPath } from '../app-model/path-id.js';
import type { AppDefinition } from '../app-model/types.js';
import { createApp, deleteApp, notFound, parseNew, restartApp, stamp, updateApp } from '../scheduler/app-ops.js';
import { appToJson } from '../app-model/to-json.js';
import type { DeploymentRecord } from '../scheduler/deployment-record.js';
import { startDeployment } from '../scheduler/deployments.js';
import type { MarathonScheduler } from '../scheduler/marathon-scheduler.js';
import { appTasksRoute } from './app-tasks.js';
import { type HttpContext, queryBool, queryList, serviceOf } from './context.js';
import { matchesLabelSelector } from './label-selector.js';
import { appInfo, parseEmbeds } from './render.js';

export function readBody(req: FastifyRequest): unknown {
  try {
    return parseJsonBody(req.body as Buffer | undefined);
  } catch (e) {
    throw new HttpError(400, 'Invalid JSON', {}, { details: [{ path: '/', errors: [(e as Error).message.replace(/^Failed to parse body( into JSON)?: ?/, '')] }] });
  }
}

export async function deploymentReply(s: MarathonScheduler, reply: FastifyReply, d: DeploymentRecord, status = 200): Promise<unknown> {
  await s.store.flush();
  reply.header('Marathon-Deployment-Id', d.id).code(status);
  return { deploymentId: d.id, version: d.version };
}

function publishPost(ctx: HttpContext, req: FastifyRequest, app: AppDefinition, s: MarathonScheduler): void {
  ctx.bus.publish('api_post_event', { clientIp: req.ip, uri: req.url.split('?')[0], appDefinition: appInfo(s, app, { tasks: false, readiness: false, lastTaskFailure: false, taskStats: false }) });
}

export function registerApps(app: FastifyInstance, ctx: HttpContext): void {
  route(app, ['/v2/apps'], {
    GET: (req) => {
      const s = serviceOf(ctx);
      const q = req.query as Record<string, string | undefined>;
      const embeds = parseEmbeds(queryList(req, 'embed'), 'apps');
      const idFilter = q.id?.toLowerCase();
      const labels = q.label;
      const apps = [...s.store.apps.values()]
        .filter((a) => !q.cmd || (a.cmd ?? '').includes(q.cmd))
        .filter((a) => !idFilter || a.id.toLowerCase().includes(idFilter))
        .filter((a) => !labels || matchesLabelSelector(labels, a.labels))
        .sort((a, b) => a.id.localeCompare(b.id));
      return { apps: apps.map((a) => appInfo(s, a, embeds)) };
    },
    POST: async (req, reply) => {
      const s = serviceOf(ctx);
      const { app: created, deployment } = createApp(s, readBody(req), queryBool(req, 'force', false));
      await s.store.flush();
      publishPost(ctx, req, created, s);
      const host = req.headers.host ?? ctx.self();
      reply.code(201).header('Location', `http://${host}${created.id}`).header('Marathon-Deployment-Id', deployment.id);
      // As upstream: the new app with zero counts and no tasks yet, plus its deployment.
      const zero = { tasksStaged: 0, tasksRunning: 0, tasksHealthy: 0, tasksUnhealthy: 0 };
      return { ...appInfo(s, created, { tasks: false, readiness: false, lastTaskFailure: false, taskStats: false }), ...zero, deployments: [{ id: deployment.id }], tasks: [] };
    },
    PUT: (req, reply) => bulk(ctx, req, reply, queryBool(req, 'partialUpdate', true)),
    PATCH: (req, reply) => bulk(ctx, req, reply, true),
  });

  route(app, ['/v2/apps/*'], {
    GET: (req, reply) => dispatch(ctx, req, reply, 'GET'),
    POST: (req, reply) => dispatch(ctx, req, reply, 'POST'),
    PUT: (req, reply) => dispatch(ctx, req, reply, 'PUT'),
    PATCH: (req, reply) => dispatch(ctx, req, reply, 'PATCH'),
    DELETE: (req, reply) => dispatch(ctx, req, reply, 'DELETE'),
  });
}

/** PUT/PATCH /v2/apps with an array of apps: one deployment for all of them. */
async function bulk(ctx: HttpContext, req: FastifyRequest, reply: FastifyReply, partial: boolean): Promise<unknown> {
  const s = serviceOf(ctx);
  const body = readBody(req);
  if (!Array.isArray(body)) throw new HttpError(422, 'Object is not valid', {}, { details: [{ path: '/', errors: ['error.expected.jsarray'] }] });
  const changes = new Map<string, AppDefinition>();
  const version = new Date(s.now()).toISOString();
  for (const raw of body) {
    const id = typeof (raw as { id?: unknown })?.id === 'string' ? canonicalPath((raw as { id: string }).id) : undefined;
    const prev = id ? s.store.apps.get(id) : undefined;
    const parsed = parseNew(s, raw, prev && partial ? { base: prev } : {});
    changes.set(parsed.id, { ...stamp(s, parsed, prev), version });
  }
  const d = startDeployment(s, changes, { force: queryBool(req, 'force', false), version });
  return deploymentReply(s, reply, d);
}

type Target =
  | { kind: 'app'; id: string }
  | { kind: 'restart'; id: string }
  | { kind: 'tasks'; id: string; taskId?: string }
  | { kind: 'versions'; id: string; version?: string }
  | { kind: 'group'; id: string };

function parseTarget(s: MarathonScheduler, rest: string): Target {
  const path = '/' + rest.replace(/\/+$/, '');
  const id = (p: string) => canonicalPath(p);
  if (path.endsWith('/*')) return { kind: 'group', id: id(path.slice(0, -2) || '/') };
  if (s.store.apps.has(path)) return { kind: 'app', id: path };
  let m = /^(.*)\/restart$/.exec(path);
  if (m) return { kind: 'restart', id: id(m[1]!) };
  m = /^(.*)\/tasks(?:\/([^/]+))?$/.exec(path);
  if (m) return { kind: 'tasks', id: id(m[1]!), ...(m[2] ? { taskId: decodeURIComponent(m[2]) } : {}) };
  m = /^(.*)\/versions(?:\/([^/]+))?$/.exec(path);
  if (m) return { kind: 'versions', id: id(m[1]!), ...(m[2] ? { version: decodeURIComponent(m[2]) } : {}) };
  return { kind: 'app', id: id(path) };
}

const ALLOWED: Record<Target['kind'], string[]> = {
  app: ['GET', 'PUT', 'PATCH', 'DELETE'],
  restart: ['POST'],
  tasks: ['GET', 'DELETE'],
  versions: ['GET'],
  group: ['GET'],
};

async function dispatch(ctx: HttpContext, req: FastifyRequest, reply: FastifyReply, method: string): Promise<unknown> {
  const s = serviceOf(ctx);
  const t = parseTarget(s, (req.params as { '*': string })['*']);
  if (!ALLOWED[t.kind].includes(method)) {
    const allow = ALLOWED[t.kind].join(', ');
    throw new HttpError(405, `Expecting one of { '${ALLOWED[t.kind].join("', '")}' }, but received '${method}'`, { Allow: allow });
  }
  const force = () => queryBool(req, 'force', false);
  switch (t.kind) {
    case 'group': {
      const prefix = t.id === '/' ? '/' : `${t.id}/`;
      const embeds = parseEmbeds(queryList(req, 'embed'), 'app');
      return { '*': [...s.store.apps.values()].filter((a) => a.id.startsWith(prefix)).map((a) => appInfo(s, a, embeds)) };
    }
    case 'restart':
      return deploymentReply(s, reply, restartApp(s, t.id, force()));
    case 'tasks':
      return appTasksRoute(ctx, s, req, reply, method, t.id, t.taskId);
    case 'versions': {
      if (!s.store.apps.has(t.id)) throw notFound(t.id);
      if (t.version === undefined) return { versions: (await s.store.versions(t.id)).reverse() };
      const v = await s.store.version(t.id, t.version);
      if (!v) throw new HttpError(404, `App '${t.id}' does not exist in version ${t.version}`);
      return appToJson(v);
    }
    case 'app':
      break;
  }
  if (method === 'GET') {
    const a = s.store.apps.get(t.id);
    if (!a) throw notFound(t.id);
    const embeds = parseEmbeds(queryList(req, 'embed'), 'app');
    return { app: appInfo(s, a, { ...embeds, tasks: true, lastTaskFailure: true }) };
  }
  if (method === 'DELETE') return deploymentReply(s, reply, deleteApp(s, t.id, queryBool(req, 'force', true)));
  const body = readBody(req);
  const partial = method === 'PATCH' || queryBool(req, 'partialUpdate', true);
  const r = await updateApp(s, t.id, body, { partial, force: force(), mustExist: method === 'PATCH' });
  if (r.created) {
    await s.store.flush();
    publishPost(ctx, req, r.app, s);
    reply.header('Location', `http://${req.headers.host ?? ctx.self()}${r.app.id}`);
    return deploymentReply(s, reply, r.deployment, 201);
  }
  publishPost(ctx, req, r.app, s);
  return deploymentReply(s, reply, r.deployment);
}
