/**
 * Hostile bytes never take zookeeper-lite down: each case below hits a fresh connection, which the
 * server answers as upstream does (close it, or an error reply) while a bystander session keeps
 * working throughout.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZkLite, type ZkLite } from '../../src/zk/testing/zk-daemon.test-helpers.js';
import { decodeConnectResponse, encodeConnectRequest } from '../../src/zk/wire/connect.js';
import { JuteWriter } from '../../src/zk/wire/jute-writer.js';
import { Err, MAX_BUFFER, OpCode } from '../../src/zk/wire/protocol.js';
import { RawZkClient } from '../../src/zk/wire/raw-client.js';

let zk: ZkLite;
let bystander: RawZkClient;

beforeAll(async () => {
  zk = await startZkLite({ args: ['--quiet'] });
  bystander = await RawZkClient.connect(zk.host, zk.port);
  await bystander.create('/alive', Buffer.from('yes'));
});
afterAll(async () => {
  bystander?.destroy();
  await zk?.stop();
});

/** Writes bytes on a new socket and resolves with what came back once the server closed it. */
function rawExchange(bytes: Buffer): Promise<{ reply: Buffer; closed: boolean }> {
  return new Promise((resolve) => {
    const s: Socket = connect({ host: zk.host, port: zk.port }, () => s.write(bytes));
    const chunks: Buffer[] = [];
    s.on('data', (c: Buffer) => chunks.push(c));
    s.on('error', () => undefined);
    s.on('close', () => resolve({ reply: Buffer.concat(chunks), closed: true }));
    s.setTimeout(5000, () => {
      s.destroy();
      resolve({ reply: Buffer.concat(chunks), closed: false });
    });
  });
}

const lengthWord = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};

describe('before the handshake', () => {
  it.each([
    ['garbage text', Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n')],
    ['a length just over jute.maxbuffer', lengthWord(MAX_BUFFER + 1)],
    ['an absurd length', lengthWord(0x7fffffff)],
    ['a negative length', lengthWord(-5)],
    ['a frame too short for a ConnectRequest', Buffer.concat([lengthWord(3), Buffer.from([1, 2, 3])])],
    ['random bytes', Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37 + 11) & 0xff))],
  ])('%s: connection closed, server fine', async (_, bytes) => {
    const { closed } = await rawExchange(bytes);
    expect(closed).toBe(true);
    expect((await bystander.getData('/alive')).data?.toString()).toBe('yes');
  });

  it('an old client without the readOnly byte gets a reply without one', async () => {
    const req = encodeConnectRequest({ protocolVersion: 0, lastZxidSeen: 0, timeOut: 5000, sessionId: 0n, passwd: Buffer.alloc(16), readOnly: undefined });
    const s = connect({ host: zk.host, port: zk.port }, () => s.write(req));
    const frame = await new Promise<Buffer>((resolve) => s.once('data', (c: Buffer) => resolve(c)));
    s.destroy();
    expect(frame.readInt32BE(0)).toBe(4 + 4 + 8 + 4 + 16);
    expect(decodeConnectResponse(frame.subarray(4)).readOnly).toBeUndefined();
  });
});

describe('after the handshake', () => {
  it('an unknown opcode gets UNIMPLEMENTED, then that connection closes', async () => {
    const c = await RawZkClient.connect(zk.host, zk.port);
    const { hdr } = await c.call(999, (w) => void w.ustring('/x'));
    expect(hdr.err).toBe(Err.UNIMPLEMENTED);
    await c.closed;
    expect((await bystander.ping()).err).toBe(0);
  });

  it('a truncated request body gets MARSHALLINGERROR and the connection stays usable', async () => {
    const c = await RawZkClient.connect(zk.host, zk.port);
    const { hdr } = await c.call(OpCode.create, (w) => void w.int(50).raw(Buffer.from('/x')));
    expect(hdr.err).toBe(Err.MARSHALLINGERROR);
    expect((await c.exists('/alive')).err).toBe(0);
    await c.close();
  });

  it('a create whose frame exceeds jute.maxbuffer (1 MB of data) closes that connection', async () => {
    const c = await RawZkClient.connect(zk.host, zk.port);
    const reply = c.create('/huge', Buffer.alloc(1024 * 1024));
    await expect(reply).rejects.toThrow(/closed before the reply/);
    expect((await bystander.exists('/huge')).err).toBe(Err.NONODE);
  });

  it('data just under the frame limit is accepted and read back whole', async () => {
    const c = await RawZkClient.connect(zk.host, zk.port);
    const data = Buffer.alloc(MAX_BUFFER - 200, 7);
    expect((await c.create('/big', data)).err).toBe(0);
    const got = await c.getData('/big');
    expect(got.data?.equals(data)).toBe(true);
    await c.close();
  });

  it('garbage after a valid session closes only that connection; the session survives', async () => {
    const c = await RawZkClient.connect(zk.host, zk.port, { timeout: 10_000 });
    c.sendRaw(lengthWord(0x7fffffff));
    await c.closed;
    const again = await RawZkClient.connect(zk.host, zk.port, { sessionId: c.sessionId, passwd: c.passwd });
    expect(again.sessionId).toBe(c.sessionId);
    await again.close();
  });

  it('a frame holding only half a request header closes that connection', async () => {
    const c = await RawZkClient.connect(zk.host, zk.port);
    c.sendRaw(new JuteWriter().int(7).frame());
    await c.closed;
    expect((await bystander.getData('/alive')).err).toBe(0);
  });
});
