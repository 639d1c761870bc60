/**
 * The Marathon REST API server: the shared server kit with Marathon's error shapes
 * (`{"message"}`, 422 `{"message","details":[{path,errors}]}`, 409 `{"message","deployments"}`),
 * the standby → leader proxy (X-Marathon-Leader / X-Marathon-Via), X-Marathon-Leader on the
 * leader's own answers, and every /v2 route.
 * @module
 */
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../../http/http-error.js';
import { createServer } from '../../../http/server.js';
import { installLeaderProxy } from '../../common/leader-proxy.js';
import type { FrameworkLeadership } from '../../common/leadership.js';
import { AppValidationError } from '../app-model/types.js';
import { registerTasks } from './app-tasks.js';
import { registerApps } from './apps.js';
import type { HttpContext } from './context.js';
import { registerDeployments } from './deployments.js';
import { registerEvents } from './events.js';
import { registerGroups } from './groups.js';
import { registerInfo } from './info.js';
import { registerQueue } from './queue.js';

/** Request bodies above this get 413. */
export const BODY_LIMIT = 5 * 1024 * 1024;

/** Answered by every instance itself (a standby too). */
export function localOnly(path: string): boolean {
  return path === '/ping' || path === '/metrics' || path === '/metrics/prometheus' || path === '/v2/leader' || path === '/v2/events';
}

export function createMarathonServer(ctx: HttpContext, leadership: Pick<FrameworkLeadership, 'leading' | 'leader' | 'leaderHostPort'>): FastifyInstance {
  const app = createServer({
    logger: ctx.log,
    bodyLimit: BODY_LIMIT,
    renderError: (reply, status, message, err) => {
      if (err instanceof AppValidationError) return reply.code(422).send({ message: err.message, details: err.details });
      const detail = err instanceof HttpError && typeof err.detail === 'object' && err.detail !== null ? err.detail : {};
      return reply.send({ message, ...detail });
    },
  });
  installLeaderProxy(app, {
    leadership,
    localOnly,
    headers: (leader) => ({ 'X-Marathon-Leader': `http://${leader}`, 'X-Marathon-Via': `1.1 ${ctx.self()}` }),
    renderNoLeader: (reply) => reply.send({ message: 'Could not determine the current leader' }),
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    if (leadership.leading && !reply.hasHeader('X-Marathon-Leader')) reply.header('X-Marathon-Leader', `http://${ctx.self()}`);
    return payload;
  });
  registerInfo(app, ctx);
  registerEvents(app, ctx);
  registerApps(app, ctx);
  registerTasks(app, ctx);
  registerDeployments(app, ctx);
  registerGroups(app, ctx);
  registerQueue(app, ctx);
  return app;
}
