/**
 * kill -9 never loses an acknowledged write: a writer keeps many sequential creates in flight while
 * zookeeper-lite is killed mid-load, three times over the same data directory. After each restart
 * every acknowledged znode is there, new sequence numbers and zxids continue above the old ones, and
 * the ephemerals of sessions that never come back are removed once their timeout passes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startZkLite, tempDataDir, type ZkLite } from '../../src/zk/testing/zk-daemon.test-helpers.js';
import { CreateFlags, Err } from '../../src/zk/wire/protocol.js';
import { RawZkClient } from '../../src/zk/wire/raw-client.js';
import { waitFor } from '../helpers/wait.js';

let zk: ZkLite | undefined;
afterAll(async () => {
  await zk?.stop();
});

/** Creates sequential znodes with `depth` requests in flight until the connection dies. */
async function writeUntilKilled(c: RawZkClient, acked: Map<string, number>, depth = 16): Promise<void> {
  const worker = async () => {
    for (;;) {
      const res = await c.create('/load/n-', Buffer.from('x'), CreateFlags.PERSISTENT_SEQUENTIAL).catch(() => undefined);
      if (!res) return;
      expect(res.err).toBe(0);
      acked.set(res.path!, c.lastZxid);
    }
  };
  await Promise.all(Array.from({ length: depth }, worker));
}

describe('crash safety', () => {
  it('keeps every acknowledged create across three kill -9s under load', async () => {
    const dataDir = tempDataDir();
    const acked = new Map<string, number>();
    zk = await startZkLite({ dataDir, args: ['--quiet', '--snapshot_count=200'] });
    const setup = await RawZkClient.connect(zk.host, zk.port);
    expect((await setup.create('/load')).err).toBe(0);
    setup.destroy();
    let lastMaxSeq = -1;
    let lastMaxZxid = 0;
    for (let round = 0; round < 3; round++) {
      const c = await RawZkClient.connect(zk.host, zk.port);
      const writing = writeUntilKilled(c, acked);
      const target = acked.size + 300 + round * 150;
      await waitFor(() => acked.size >= target, `${target} acknowledged creates`, 20_000);
      await zk.kill9();
      await writing;
      zk = await startZkLite({ dataDir, args: ['--quiet', '--snapshot_count=200'] });
      const check = await RawZkClient.connect(zk.host, zk.port);
      const { children } = await check.getChildren('/load');
      const present = new Set(children!.map((n) => `/load/${n}`));
      const missing = [...acked.keys()].filter((p) => !present.has(p));
      expect(missing).toEqual([]);
      const seqs = children!.map((n) => Number(n.slice(2)));
      const maxSeq = Math.max(...seqs);
      expect(maxSeq).toBeGreaterThan(lastMaxSeq);
      const fresh = await check.create('/load/n-', null, CreateFlags.PERSISTENT_SEQUENTIAL);
      expect(Number(fresh.path!.slice('/load/n-'.length))).toBeGreaterThan(maxSeq);
      const maxAckedZxid = Math.max(...acked.values());
      const { stat } = await check.exists(fresh.path!);
      expect(stat!.czxid).toBeGreaterThan(Math.max(maxAckedZxid, lastMaxZxid));
      acked.set(fresh.path!, stat!.czxid);
      lastMaxSeq = maxSeq;
      lastMaxZxid = stat!.czxid;
      check.destroy();
    }
    expect(acked.size).toBeGreaterThan(1000);
  }, 90_000);

  it('keeps sessions across a restart and expires the ones that do not come back', async () => {
    const dataDir = tempDataDir();
    const args = ['--quiet', '--tick_time=100'];
    zk = await startZkLite({ dataDir, args });
    const stays = await RawZkClient.connect(zk.host, zk.port, { timeout: 2000 });
    const leaves = await RawZkClient.connect(zk.host, zk.port, { timeout: 400 });
    expect((await stays.create('/stays', null, CreateFlags.EPHEMERAL)).err).toBe(0);
    expect((await leaves.create('/leaves', null, CreateFlags.EPHEMERAL)).err).toBe(0);
    await zk.kill9();
    zk = await startZkLite({ dataDir, args });
    const back = await RawZkClient.connect(zk.host, zk.port, { sessionId: stays.sessionId, passwd: stays.passwd, timeout: 2000, lastZxidSeen: stays.lastZxid });
    expect(back.sessionId).toBe(stays.sessionId);
    const observer = await RawZkClient.connect(zk.host, zk.port);
    await waitFor(async () => (await observer.exists('/leaves')).err === Err.NONODE, '/leaves to expire after the restart', 5000);
    expect((await observer.exists('/stays')).stat?.ephemeralOwner).toBe(stays.sessionId);
    await back.close();
    expect((await observer.exists('/stays')).err).toBe(Err.NONODE);
    observer.destroy();
  });
});
