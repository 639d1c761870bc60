/**
 * /v2/deployments (upstream `DeploymentsResource`): the running deployments; DELETE starts a
 * rollback deployment (200 + deployment result), or with `force=true` only cancels (202, no body).
 * @module
 */
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../../http/http-error.js';
import { route } from '../../../http/server.js';
import { cancelDeployment, planJson, rollbackDeployment } from '../scheduler/deployments.js';
import { deploymentReply } from './apps.js';
import { type HttpContext, queryBool, serviceOf } from './context.js';

export function registerDeployments(app: FastifyInstance, ctx: HttpContext): void {
  route(app, ['/v2/deployments'], {
    GET: () => {
      const s = serviceOf(ctx);
      return [...s.store.deployments.values()].sort((a, b) => a.startedAt.localeCompare(b.startedAt)).map((d) => planJson(s, d));
    },
  });
  route(app, ['/v2/deployments/:id'], {
    GET: (req) => {
      const s = serviceOf(ctx);
      const id = (req.params as { id: string }).id;
      const d = s.store.deployments.get(id);
      if (!d) throw new HttpError(404, `DeploymentPlan ${id} does not exist`);
      return planJson(s, d);
    },
    DELETE: async (req, reply) => {
      const s = serviceOf(ctx);
      const id = (req.params as { id: string }).id;
      const d = s.store.deployments.get(id);
      if (!d) throw new HttpError(404, `DeploymentPlan ${id} does not exist`);
      if (queryBool(req, 'force', false)) {
        cancelDeployment(s, d, 'canceled through the API (force=true)');
        await s.store.flush();
        return reply.code(202).send();
      }
      return deploymentReply(s, reply, rollbackDeployment(s, d, 'rolled back through the API'));
    },
  });
}
