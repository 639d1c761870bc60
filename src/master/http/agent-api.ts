/**
 * `POST /api/v1/agent`: the tsmesos agent protocol (see `src/protocol/agent-protocol.ts`). SUBSCRIBE
 * streams events to the agent; UPDATE, PONG and UNREGISTER come on separate requests with the
 * stream id, answering 202 like scheduler calls.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../../http/http-error.js';
import { parseJsonBody } from '../../http/json-body.js';
import { openRecordStream } from '../../http/recordio-stream.js';
import { route } from '../../http/server.js';
import { uuid } from '../../lib/ids.js';
import { AGENT_API_PATH, type AgentCall } from '../../protocol/agent-protocol.js';
import { ResourceError, Resources } from '../../protocol/resources/index.js';
import { TASK_STATES } from '../../protocol/v1/types.js';
import { pong, unregisterAgent } from '../core/agents.js';
import { agentStatusUpdate } from '../core/status-updates.js';
import { subscribeDurably } from '../ha/admission.js';
import type { Master } from '../master.js';
import { requireJsonBody } from './content-type.js';

const id = z.looseObject({ value: z.string().min(1) });
const status = z.looseObject({ task_id: id, state: z.enum(TASK_STATES as [string, ...string[]]), uuid: z.string().optional() });
const callSchema = z.discriminatedUnion('type', [
  z.looseObject({
    type: z.literal('SUBSCRIBE'),
    subscribe: z.looseObject({
      agent_info: z.looseObject({ hostname: z.string(), port: z.number().int().optional(), id: id.optional(), resources: z.array(z.unknown()).optional() }),
      version: z.string().optional(),
      tasks: z.array(z.looseObject({ framework_id: id, task: z.looseObject({ task_id: id }), state: status.shape.state })).optional(),
      frameworks: z.array(z.looseObject({ id: id.optional() })).optional(),
    }),
  }),
  z.looseObject({ type: z.literal('UPDATE'), agent_id: id, update: z.looseObject({ framework_id: id, status }) }),
  z.looseObject({ type: z.literal('PONG'), agent_id: id }),
  z.looseObject({ type: z.literal('UNREGISTER'), agent_id: id }),
]);

export function registerAgentApi(app: FastifyInstance, m: Master): void {
  route(app, [AGENT_API_PATH], {
    POST: async (req, reply) => {
      requireJsonBody(req);
      const parsed = callSchema.safeParse(parseJsonBody(req.body as Buffer));
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new HttpError(400, `Failed to convert JSON into agent Call: '${issue.path.join('.')}': ${issue.message}`);
      }
      const call = parsed.data as unknown as AgentCall;
      if (call.type === 'SUBSCRIBE') {
        // Validate before opening the stream so a bad agent gets a plain 400.
        try {
          Resources.fromV1(call.subscribe.agent_info.resources ?? []);
        } catch (e) {
          if (e instanceof ResourceError) throw new HttpError(400, `Invalid agent resources: ${e.message}`);
          throw e;
        }
        const streamId = uuid();
        const stream = openRecordStream(reply, { 'Mesos-Stream-Id': streamId });
        subscribeDurably(m, call.subscribe, streamId, stream, req.socket.remoteAddress ?? '127.0.0.1');
        return;
      }
      const agentId = call.agent_id.value;
      if (!m.agents.has(agentId)) throw new HttpError(403, `Agent ${agentId} is not registered`);
      if (req.headers['mesos-stream-id'] !== m.channels.agentStreamId(agentId)) {
        throw new HttpError(400, `The stream ID included in this request didn't match the stream ID currently associated with agent ID ${agentId}`);
      }
      if (call.type === 'UPDATE') agentStatusUpdate(m, agentId, call.update.framework_id.value, call.update.status);
      else if (call.type === 'PONG') pong(m, agentId);
      else {
        unregisterAgent(m, agentId);
        await m.registrar?.sync([agentId]);
      }
      return reply.code(202).send();
    },
  });
}
