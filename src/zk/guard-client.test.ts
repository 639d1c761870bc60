import { describe, expect, it } from 'vitest';
import { type ConnectionManagerProto, connectionManagerPrototype, guardSocketData, guardZookeeperClient } from './guard-client.js';

describe('guarding the ZooKeeper client against replies it can not parse', () => {
  it('turns a throw in the socket data handler into a socket reset (reconnect)', () => {
    const proto: ConnectionManagerProto = {
      onSocketData() {
        throw new Error('Unknown code: -1680867326');
      },
    };
    guardSocketData(proto);
    let destroyed = 0;
    const conn = Object.assign(Object.create(proto) as ConnectionManagerProto & { socket: { destroy(): void } }, { socket: { destroy: () => destroyed++ } });
    expect(() => conn.onSocketData(Buffer.alloc(4))).not.toThrow();
    expect(destroyed).toBe(1);
  });

  it('is installed on node-zookeeper-client, once', () => {
    guardZookeeperClient();
    const first = connectionManagerPrototype().onSocketData;
    guardZookeeperClient();
    expect(connectionManagerPrototype().__tsmesosGuarded).toBe(true);
    expect(connectionManagerPrototype().onSocketData).toBe(first);
  });
});
