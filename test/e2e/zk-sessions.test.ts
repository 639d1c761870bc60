/**
 * Session lifecycle over raw sockets (our codec, the server's wire): timeout negotiation, resuming a
 * session with its id and password, a wrong password, expiry removing ephemerals and notifying
 * watchers, and SetWatches re-arming watches after a reconnect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZkLite, type ZkLite } from '../../src/zk/testing/zk-daemon.test-helpers.js';
import { CreateFlags, EventType, OpCode } from '../../src/zk/wire/protocol.js';
import { RawZkClient } from '../../src/zk/wire/raw-client.js';
import { waitFor } from '../helpers/wait.js';

let zk: ZkLite;
const clients: RawZkClient[] = [];
const open = async (o: Parameters<typeof RawZkClient.connect>[2] = {}) => {
  const c = await RawZkClient.connect(zk.host, zk.port, o);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  // tick 100 ms: sessions may last 200..2000 ms, so expiry tests stay fast.
  zk = await startZkLite({ args: ['--tick_time=100', '--quiet'] });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await zk?.stop();
});

describe('handshake', () => {
  it('clamps the requested timeout to [2, 20] ticks and puts server id 1 in the top byte', async () => {
    const low = await open({ timeout: 1 });
    const high = await open({ timeout: 1_000_000 });
    expect(low.timeout).toBe(200);
    expect(high.timeout).toBe(2000);
    expect(low.sessionId >> 56n).toBe(1n);
    expect(high.sessionId).not.toBe(low.sessionId);
    expect(low.passwd.length).toBe(16);
  });

  it('resumes a session with its id and password; ephemerals survive the gap', async () => {
    const a = await open({ timeout: 1000 });
    expect((await a.create('/resume', null, CreateFlags.EPHEMERAL)).err).toBe(0);
    a.destroy();
    await a.closed;
    const b = await open({ sessionId: a.sessionId, passwd: a.passwd, timeout: 1000, lastZxidSeen: a.lastZxid });
    expect(b.sessionId).toBe(a.sessionId);
    expect(b.timeout).toBe(1000);
    const { stat } = await b.exists('/resume');
    expect(stat?.ephemeralOwner).toBe(a.sessionId);
    await b.close();
    const watcher = await open();
    expect((await watcher.exists('/resume')).err).toBe(-101);
  });

  it('a wrong password gets timeout 0 (expired) and the socket closes', async () => {
    const a = await open();
    const bad = Buffer.from(a.passwd);
    bad[0]! ^= 1;
    const b = await open({ sessionId: a.sessionId, passwd: bad });
    expect(b.timeout).toBe(0);
    expect(b.sessionId).toBe(0n);
    await b.closed;
    expect((await a.ping()).err).toBe(0);
  });

  it('refuses a client that has seen a zxid beyond the server', async () => {
    await expect(RawZkClient.connect(zk.host, zk.port, { lastZxidSeen: 1e12 })).rejects.toThrow(/closed during handshake/);
  });
});

describe('expiry', () => {
  it('expires a silent session: ephemerals go, watchers hear NodeDeleted, the id is dead', async () => {
    const owner = await open({ timeout: 300 });
    await owner.create('/lease', null, CreateFlags.EPHEMERAL);
    const observer = await open({ timeout: 2000 });
    await observer.exists('/lease', true);
    const t0 = Date.now();
    owner.destroy();
    await waitFor(() => observer.events.length > 0, 'NodeDeleted for /lease', 5000);
    const elapsed = Date.now() - t0;
    expect(observer.events).toEqual([{ type: EventType.NodeDeleted, state: 3, path: '/lease' }]);
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect((await observer.exists('/lease')).err).toBe(-101);
    const again = await open({ sessionId: owner.sessionId, passwd: owner.passwd });
    expect(again.timeout).toBe(0);
  });

  it('pings keep a session alive past its timeout', async () => {
    const c = await open({ timeout: 300 });
    await c.create('/kept', null, CreateFlags.EPHEMERAL);
    const until = Date.now() + 900;
    while (Date.now() < until) {
      expect((await c.ping()).err).toBe(0);
      await new Promise((r) => setTimeout(r, 50)); // the client's ping cadence, not synchronisation
    }
    expect((await c.exists('/kept')).stat?.ephemeralOwner).toBe(c.sessionId);
  });

  it('closeSession replies, removes ephemerals at once, and closes the socket', async () => {
    const c = await open();
    await c.create('/bye', null, CreateFlags.EPHEMERAL);
    await c.close();
    const o = await open();
    expect((await o.exists('/bye')).err).toBe(-101);
  });
});

describe('SetWatches after reconnect', () => {
  it('fires at once for changes missed while away and re-arms the rest', async () => {
    const a = await open({ timeout: 2000 });
    await a.create('/sw', Buffer.from('0'));
    await a.create('/sw2', Buffer.from('0'));
    await a.getData('/sw', true);
    a.destroy();
    const writer = await open();
    await writer.setData('/sw', Buffer.from('1'));
    const b = await open({ sessionId: a.sessionId, passwd: a.passwd, timeout: 2000, lastZxidSeen: a.lastZxid });
    const reply = await b.call(OpCode.setWatches, (w) => {
      w.long(a.lastZxid);
      w.vector(['/sw', '/sw2'], (x, p) => void x.ustring(p));
      w.vector([], () => undefined);
      w.vector([], () => undefined);
    });
    expect(reply.hdr.err).toBe(0);
    expect(b.events).toEqual([{ type: EventType.NodeDataChanged, state: 3, path: '/sw' }]);
    await writer.setData('/sw2', Buffer.from('1'));
    await waitFor(() => b.events.length === 2, 'the re-armed watch on /sw2');
    expect(b.events[1]).toEqual({ type: EventType.NodeDataChanged, state: 3, path: '/sw2' });
  });
});
