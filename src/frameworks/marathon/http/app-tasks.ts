/**
 * Tasks of one app and of all apps (upstream `AppTasksResource`, `TasksResource`): listing (JSON,
 * or text/plain endpoint lines), and killing — replaced by default, `scale=true` lowers
 * `instances` instead (a deployment), `wipe=true` also forgets the task at once.
 * @module
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../../http/http-error.js';
import { route } from '../../../http/server.js';
import { appIdOfTask } from '../launch/task-builder.js';
import { notFound, scaleApp } from '../scheduler/app-ops.js';
import { lockedBy, lockError } from '../scheduler/deployments.js';
import type { Instance } from '../scheduler/instance.js';
import type { MarathonScheduler } from '../scheduler/marathon-scheduler.js';
import { deploymentReply, readBody } from './apps.js';
import { type HttpContext, queryBool, queryList, serviceOf } from './context.js';
import { endpointsText, taskJson } from './render.js';

function wantsText(req: FastifyRequest): boolean {
  const accept = req.headers.accept ?? '';
  return accept.includes('text/plain') && !accept.includes('application/json');
}

/** Kills `tasks` (grouped by app): replaced, or with scale=true one deployment lowering instances. */
async function killTasks(s: MarathonScheduler, req: FastifyRequest, reply: FastifyReply, tasks: Instance[], single: boolean): Promise<unknown> {
  const scale = queryBool(req, 'scale', false);
  const wipe = queryBool(req, 'wipe', false);
  if (scale && wipe) throw new HttpError(400, 'You cannot use scale and wipe at the same time.');
  if (scale) {
    const byApp = new Map<string, Instance[]>();
    for (const t of tasks) byApp.set(t.appId, [...(byApp.get(t.appId) ?? []), t]);
    const locks = lockedBy(s, byApp.keys());
    if (locks.length > 0 && !queryBool(req, 'force', false)) throw lockError(locks);
    let last;
    for (const [appId, list] of byApp) {
      const app = s.store.apps.get(appId);
      if (!app) continue;
      for (const t of list) s.killer.kill(t, { reason: 'killed and scaled down through the API' });
      last = scaleApp(s, appId, Math.max(0, app.instances - list.length), queryBool(req, 'force', false));
    }
    if (last) return deploymentReply(s, reply, last);
    return { tasks: [] };
  }
  const rendered = tasks.map((t) => taskJson(s, t));
  for (const t of tasks) {
    s.killer.kill(t, { reason: 'killed through the API', wipe });
    if (wipe) s.store.deleteInstance(t.taskId);
  }
  await s.store.flush();
  return single ? { task: rendered[0] } : { tasks: rendered };
}

export async function appTasksRoute(ctx: HttpContext, s: MarathonScheduler, req: FastifyRequest, reply: FastifyReply, method: string, appId: string, taskId?: string): Promise<unknown> {
  const app = s.store.apps.get(appId);
  if (!app) throw notFound(appId);
  if (method === 'GET') {
    if (taskId !== undefined) throw new HttpError(405, `Expecting one of { 'DELETE' }, but received 'GET'`, { Allow: 'DELETE' });
    if (wantsText(req)) return reply.type('text/plain; charset=utf-8').send(endpointsText(s, [app], ' '));
    return { tasks: s.store.instancesOf(appId).map((i) => taskJson(s, i)) };
  }
  if (taskId !== undefined) {
    const t = s.store.instances.get(taskId);
    if (!t || t.appId !== appId) throw new HttpError(404, `Task '${taskId}' does not exist`);
    return killTasks(s, req, reply, [t], true);
  }
  const host = (req.query as Record<string, string | undefined>).host;
  const tasks = s.store.instancesOf(appId).filter((i) => !host || host === '*' || i.host === host);
  return killTasks(s, req, reply, tasks, false);
}

export function registerTasks(app: FastifyInstance, ctx: HttpContext): void {
  route(app, ['/v2/tasks'], {
    GET: (req, reply) => {
      const s = serviceOf(ctx);
      const wanted = new Set(queryList(req, 'status').map((x) => `TASK_${x.toUpperCase()}`));
      const filter = (i: Instance) => wanted.size === 0 || wanted.has(i.state);
      if (wantsText(req)) return reply.type('text/plain; charset=utf-8').send(endpointsText(s, [...s.store.apps.values()], '\t', filter));
      return { tasks: [...s.store.instances.values()].filter(filter).map((i) => taskJson(s, i)) };
    },
  });
  route(app, ['/v2/tasks/delete'], {
    POST: (req, reply) => {
      const s = serviceOf(ctx);
      const body = readBody(req) as { ids?: unknown };
      if (!body || !Array.isArray(body.ids) || body.ids.some((x) => typeof x !== 'string')) {
        throw new HttpError(422, 'Object is not valid', {}, { details: [{ path: '/ids', errors: ['error.expected.jsarray'] }] });
      }
      const tasks: Instance[] = [];
      for (const id of body.ids as string[]) {
        if (!appIdOfTask(id)) throw new HttpError(400, `Invalid task id '${id}'. [Task ID format is invalid]`);
        const t = s.store.instances.get(id);
        if (t) tasks.push(t);
      }
      return killTasks(s, req, reply, tasks, false);
    },
  });
}
