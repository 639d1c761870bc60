/**
 * Agent admission with a durable registry (upstream admits an agent in the registrar before it
 * sends `SlaveRegisteredMessage`): the agent is registered as usual, but everything sent on its
 * stream, SUBSCRIBED first, is held back until the registry has stored it. If the write fails the
 * stream is closed and the agent, never told its id, simply tries again.
 * @module
 */
import type { RecordStream } from '../../http/recordio-stream.js';
import { subscribeAgent } from '../core/agents.js';
import type { Master } from '../master.js';

type SubscribeArgs = Parameters<typeof subscribeAgent>;

/** A stream that queues records until `release()`; closing it drops the queue. */
export function heldStream(inner: RecordStream): { stream: RecordStream; release(): void } {
  let queue: object[] | undefined = [];
  const stream: RecordStream = {
    send(record) {
      if (inner.closed) return false;
      if (!queue) return inner.send(record);
      queue.push(record);
      return true;
    },
    close() {
      queue = undefined;
      inner.close();
    },
    get closed() {
      return inner.closed;
    },
    onClose: (fn) => inner.onClose(fn),
  };
  return {
    stream,
    release() {
      const pending = queue ?? [];
      queue = undefined;
      for (const r of pending) inner.send(r);
    },
  };
}

/** `subscribeAgent`, acknowledged only once the registry (if any) holds the agent. */
export function subscribeDurably(m: Master, payload: SubscribeArgs[1], streamId: string, stream: RecordStream, remoteIp: string): void {
  const registrar = m.registrar;
  if (!registrar) {
    m.recoveredAgents.delete(subscribeAgent(m, payload, streamId, stream, remoteIp));
    return;
  }
  const held = heldStream(stream);
  const id = subscribeAgent(m, payload, streamId, held.stream, remoteIp);
  m.recoveredAgents.delete(id);
  registrar.sync([id]).then(
    () => held.release(),
    (err: unknown) => {
      m.log.error({ err, agentId: id }, 'could not store the agent in the registry; closing its stream');
      held.stream.close();
    },
  );
}
