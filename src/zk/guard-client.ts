/**
 * node-zookeeper-client parses server replies inside its socket `data` handler; a frame it can not
 * make sense of (e.g. bytes cut by a server dying mid-write) makes it throw "Unknown code: …" there,
 * which is an uncaught exception that would take a whole master or agent down. The library's own
 * answer to an unknown reply is to destroy the socket and reconnect; this applies that answer to
 * every parse failure. Installed once, when the ZooKeeper session module loads.
 */
import { createRequire } from 'node:module';

export interface ConnectionManagerProto {
  onSocketData(this: { socket?: { destroy(): void } }, buffer: Buffer): void;
  __tsmesosGuarded?: boolean;
}

/** The real client's connection prototype. */
export function connectionManagerPrototype(): ConnectionManagerProto {
  const require = createRequire(import.meta.url);
  return (require('node-zookeeper-client/lib/ConnectionManager.js') as { prototype: ConnectionManagerProto }).prototype;
}

export function guardZookeeperClient(): void {
  guardSocketData(connectionManagerPrototype());
}

/** Wraps `proto.onSocketData` so a parse failure destroys the socket instead of escaping. */
export function guardSocketData(proto: ConnectionManagerProto): void {
  if (proto.__tsmesosGuarded) return;
  const original = proto.onSocketData;
  proto.onSocketData = function guarded(buffer: Buffer) {
    try {
      original.call(this, buffer);
    } catch {
      this.socket?.destroy(); // the library reconnects and re-establishes the session
    }
  };
  proto.__tsmesosGuarded = true;
}
