/**
 * `POST /api/v1/scheduler` (mesos `docs/scheduler-http-api.md`, `src/master/http.cpp` scheduler()):
 * SUBSCRIBE opens a RecordIO event stream with `Mesos-Stream-Id`; every other call comes on its own
 * request carrying that header and answers 202 (UPDATE_FRAMEWORK 200).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../http/http-error.js';
import { parseJsonBody } from '../../http/json-body.js';
import { openRecordStream } from '../../http/recordio-stream.js';
import { route } from '../../http/server.js';
import { uuid } from '../../lib/ids.js';
import { HEARTBEAT_SECONDS } from '../channels.js';
import { SubscribeError, removeFramework, subscribe, updateFramework } from '../core/frameworks.js';
import { accept } from '../core/launch.js';
import { declineOffers } from '../core/offers.js';
import { acknowledge, killTask, reconcile } from '../core/status-updates.js';
import type { Master } from '../master.js';
import { requireJsonAccept, requireJsonBody } from './content-type.js';
import { parseSchedulerCall, type SchedulerCall } from './scheduler-call.js';

export function registerSchedulerApi(app: FastifyInstance, m: Master): void {
  route(app, ['/api/v1/scheduler', '/master/api/v1/scheduler'], {
    POST: async (req, reply) => {
      requireJsonBody(req);
      requireJsonAccept(req);
      const call = parseSchedulerCall(parseJsonBody(req.body as Buffer, 'body'));
      m.countCall(call.type);
      if (call.type === 'SUBSCRIBE') return handleSubscribe(m, call, req, reply);
      return handleCall(m, call, req, reply);
    },
  });
}

function handleSubscribe(m: Master, call: SchedulerCall, req: FastifyRequest, reply: FastifyReply): void {
  if (req.headers['mesos-stream-id'] !== undefined) {
    throw new HttpError(400, "Expecting 'Mesos-Stream-Id' header to be absent for SUBSCRIBE");
  }
  const sub = call.subscribe!;
  const streamId = uuid();
  const stream = openRecordStream(reply, { 'Mesos-Stream-Id': streamId });
  try {
    const fw = subscribe(m, sub.framework_info, sub.suppressed_roles ?? [], streamId, stream);
    stream.send({
      type: 'SUBSCRIBED',
      subscribed: { framework_id: { value: fw.id }, heartbeat_interval_seconds: HEARTBEAT_SECONDS, master_info: m.info },
    });
    stream.send({ type: 'HEARTBEAT' });
  } catch (e) {
    if (!(e instanceof SubscribeError)) {
      stream.close();
      throw e;
    }
    stream.send({ type: 'ERROR', error: { message: e.message } });
    stream.close();
  }
}

function handleCall(m: Master, call: SchedulerCall, req: FastifyRequest, reply: FastifyReply): unknown {
  const fwId = call.framework_id!.value;
  const fw = m.frameworks.get(fwId);
  if (!fw) throw new HttpError(400, 'Framework cannot be found');
  if (!fw.connected) throw new HttpError(403, 'Framework is not subscribed');
  const streamId = req.headers['mesos-stream-id'];
  if (streamId === undefined) throw new HttpError(400, "All non-subscribe calls should include the 'Mesos-Stream-Id' header");
  if (streamId !== m.channels.frameworkStreamId(fwId)) {
    throw new HttpError(400, `The stream ID '${String(streamId)}' included in this request didn't match the stream ID currently associated with framework ID ${fwId}`);
  }
  switch (call.type) {
    case 'TEARDOWN':
      removeFramework(m, fw, 'TEARDOWN call');
      break;
    case 'ACCEPT':
      accept(m, fw, call.accept!);
      break;
    case 'DECLINE':
      declineOffers(m, fwId, call.decline!.offer_ids.map((o) => o.value), call.decline!.filters);
      break;
    case 'REVIVE':
      for (const r of call.revive?.roles ?? []) fw.suppressedRoles.delete(r);
      if (!call.revive?.roles?.length) fw.suppressedRoles.clear();
      m.allocator.reviveOffers(fwId, call.revive?.roles ?? []);
      m.allocateSoon();
      break;
    case 'SUPPRESS':
      for (const r of call.suppress?.roles?.length ? call.suppress.roles : fw.roles) fw.suppressedRoles.add(r);
      m.allocator.suppressOffers(fwId, call.suppress?.roles ?? []);
      break;
    case 'KILL':
      killTask(m, fwId, call.kill!);
      break;
    case 'SHUTDOWN':
      m.channels.toAgent(call.shutdown!.agent_id.value, {
        type: 'SHUTDOWN_EXECUTOR',
        shutdown_executor: { framework_id: { value: fwId }, executor_id: call.shutdown!.executor_id },
      });
      break;
    case 'ACKNOWLEDGE':
      acknowledge(m, fwId, call.acknowledge!);
      break;
    case 'RECONCILE':
      reconcile(m, fwId, call.reconcile?.tasks ?? []);
      break;
    case 'MESSAGE':
      m.channels.toAgent(call.message!.agent_id.value, {
        type: 'MESSAGE',
        message: { framework_id: { value: fwId }, executor_id: call.message!.executor_id, data: call.message!.data },
      });
      break;
    case 'UPDATE_FRAMEWORK':
      try {
        updateFramework(m, fw, call.update_framework!.framework_info, call.update_framework!.suppressed_roles ?? []);
      } catch (e) {
        if (e instanceof SubscribeError) throw new HttpError(400, `Failed to validate scheduler::Call: ${e.message}`);
        throw e;
      }
      return reply.code(200).send();
    default:
      // REQUEST, inverse offers and operation feedback are accepted and have no effect here.
      break;
  }
  return reply.code(202).send();
}
