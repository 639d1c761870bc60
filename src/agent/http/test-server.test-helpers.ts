/**
 * A fastify app configured like the daemons' (`createServer`, Mesos plain-text errors) with the
 * agent routes mounted, for `inject`-based route tests and the e2e suite.
 */
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../http/server.js';
import { silentLogger } from '../../lib/logger.js';
import type { AgentView } from '../model.js';
import { registerAgentHttp } from './register.js';

export function agentApp(view: AgentView, logFile?: string): FastifyInstance {
  const app = createServer({
    logger: silentLogger,
    renderError: (reply, _status, message) => reply.type('text/plain; charset=utf-8').send(message),
  });
  registerAgentHttp(app, view, { logFile });
  return app;
}
