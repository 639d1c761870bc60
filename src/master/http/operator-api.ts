/**
 * `POST /api/v1` on the master (mesos `docs/operator-http-api.md`): GET_* introspection calls, TEARDOWN,
 * UPDATE_WEIGHTS, and SUBSCRIBE — a RecordIO stream that starts with a state snapshot and then carries
 * TASK_ADDED/UPDATED, AGENT_ADDED/REMOVED, FRAMEWORK_ADDED/UPDATED/REMOVED and HEARTBEAT.
 * tsmesos extensions: `POST /api/v1?x_tsmesos_offers=true` also streams `TSMESOS_OFFER` events;
 * `X_TSMESOS_KILL_TASK` kills one task as its framework's KILL would (x-tsmesos-kill-task.ts).
 */
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../http/http-error.js';
import { parseJsonBody } from '../../http/json-body.js';
import { openRecordStream } from '../../http/recordio-stream.js';
import { queryOf, route } from '../../http/server.js';
import { HEARTBEAT_SECONDS } from '../channels.js';
import { removeFramework } from '../core/frameworks.js';
import type { Master } from '../master.js';
import { requireJsonAccept, requireJsonBody } from './content-type.js';
import * as v1 from './v1/index.js';
import { X_TSMESOS_KILL_TASK, xTsmesosKillTask } from './x-tsmesos-kill-task.js';

type Json = Record<string, unknown>;

const GETTERS: Record<string, (m: Master) => unknown> = {
  GET_HEALTH: () => v1.getHealth(),
  GET_FLAGS: (m) => v1.getFlags(m),
  GET_VERSION: () => v1.getVersion(),
  GET_METRICS: (m) => v1.getMetrics(m, { allocationRuns: m.counters.allocationRuns }),
  GET_STATE: (m) => v1.getState(m),
  GET_AGENTS: (m) => v1.getAgents(m),
  GET_FRAMEWORKS: (m) => v1.getFrameworks(m),
  GET_EXECUTORS: (m) => v1.getExecutors(m),
  GET_TASKS: (m) => v1.getTasks(m),
  GET_ROLES: (m) => v1.getRoles(m),
  GET_MASTER: (m) => v1.getMaster(m),
  GET_WEIGHTS: (m) => v1.getWeights(m),
};

/** Calls upstream defines that tsmesos does not implement yet: 501, never a silent success. */
const KNOWN_UNIMPLEMENTED = new Set([
  'GET_LOGGING_LEVEL', 'SET_LOGGING_LEVEL', 'LIST_FILES', 'READ_FILE', 'GET_OPERATIONS', 'RESERVE_RESOURCES',
  'UNRESERVE_RESOURCES', 'CREATE_VOLUMES', 'DESTROY_VOLUMES', 'GROW_VOLUME', 'SHRINK_VOLUME', 'GET_MAINTENANCE_STATUS',
  'GET_MAINTENANCE_SCHEDULE', 'UPDATE_MAINTENANCE_SCHEDULE', 'START_MAINTENANCE', 'STOP_MAINTENANCE', 'GET_QUOTA',
  'UPDATE_QUOTA', 'SET_QUOTA', 'REMOVE_QUOTA', 'MARK_AGENT_GONE', 'DRAIN_AGENT', 'DEACTIVATE_AGENT', 'REACTIVATE_AGENT',
]);

export function registerOperatorApi(app: FastifyInstance, m: Master): void {
  route(app, ['/api/v1', '/master/api/v1'], {
    POST: async (req, reply) => {
      requireJsonBody(req);
      requireJsonAccept(req);
      const body = parseJsonBody(req.body as Buffer) as Json;
      if (typeof body !== 'object' || body === null || Array.isArray(body) || typeof body.type !== 'string') {
        throw new HttpError(400, "Failed to convert JSON into Call protobuf: expecting a 'type' string");
      }
      const type = body.type;
      m.countCall(type);
      const getter = GETTERS[type];
      if (getter) return reply.code(200).type('application/json').send(JSON.stringify({ type, ...(getter(m) as Json) }));
      if (type === 'SUBSCRIBE') {
        const stream = openRecordStream(reply);
        m.channels.addOperator(stream, queryOf(req).x_tsmesos_offers === 'true');
        stream.send(v1.subscribedEvent(m, HEARTBEAT_SECONDS));
        stream.send({ type: 'HEARTBEAT' });
        return;
      }
      if (type === 'TEARDOWN') {
        const id = (body.teardown as Json | undefined)?.framework_id as Json | undefined;
        if (typeof id?.value !== 'string') throw new HttpError(400, "Failed to validate master::Call: Expecting 'teardown.framework_id' to be present");
        const fw = m.frameworks.get(id.value);
        if (!fw) throw new HttpError(400, `No framework found with specified ID`);
        removeFramework(m, fw, 'operator TEARDOWN');
        return reply.code(200).send();
      }
      if (type === 'UPDATE_WEIGHTS') return updateWeights(m, body, reply);
      if (type === X_TSMESOS_KILL_TASK) {
        xTsmesosKillTask(m, body);
        return reply.code(202).send();
      }
      if (KNOWN_UNIMPLEMENTED.has(type)) throw new HttpError(501, `${type} is not implemented by tsmesos yet`);
      throw new HttpError(400, `Failed to convert JSON into Call protobuf: unknown call type '${type}'`);
    },
  });
}

async function updateWeights(m: Master, body: Json, reply: import('fastify').FastifyReply): Promise<unknown> {
  const infos = (body.update_weights as Json | undefined)?.weight_infos;
  if (!Array.isArray(infos)) throw new HttpError(400, "Failed to validate master::Call: Expecting 'update_weights.weight_infos'");
  const next: Record<string, number> = { ...m.weights };
  for (const w of infos as Json[]) {
    if (typeof w.role !== 'string' || typeof w.weight !== 'number' || !(w.weight > 0)) {
      throw new HttpError(400, 'Failed to validate master::Call: each weight needs a role and a positive weight');
    }
    next[w.role] = w.weight;
  }
  m.weights = next;
  m.allocator.setWeights(next);
  // With a durable registry the new weights are stored before the call is acknowledged.
  await m.registrar?.sync([]).catch(() => {
    throw new HttpError(503, 'Failed to update weights: the registry could not be written');
  });
  return reply.code(200).send();
}
