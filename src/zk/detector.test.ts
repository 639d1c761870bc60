/**
 * Leader detection: the pure parts (member order, MasterInfo decoding) and, against zookeeper-lite
 * and (when installed) Debian's real ZooKeeper 3.8, the following detector and the CLI's one-shot
 * lookup with its error messages.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../test/helpers/wait.js';
import { ZkUnavailableError } from './client-session.js';
import { LeaderDetector, membersOf, parseMasterInfo, resolveLeader, uint32ToIp } from './detector.js';
import { Contender } from './election.js';
import { freePort, SERVERS, type TestZk, warnIfRealMissing } from './ha-servers.test-helpers.js';
import { call, closeClient, connectClient, type ZkClient } from './testing/zk-daemon.test-helpers.js';
import { parseZkUrl } from './zk-url.js';

warnIfRealMissing('src/zk/detector.test.ts');

describe('group order and MasterInfo', () => {
  it('sorts json.info_ and legacy info_ members by sequence and ignores other children', () => {
    expect(membersOf(['registry', 'json.info_0000000012', 'info_0000000003', 'log_replicas', 'json.info_0000000004'])).toEqual([
      { node: 'info_0000000003', seq: 3, legacy: true },
      { node: 'json.info_0000000004', seq: 4, legacy: false },
      { node: 'json.info_0000000012', seq: 12, legacy: false },
    ]);
  });

  it('reads address.ip/port, falling back to the network-order uint32 ip', () => {
    const full = { id: 'x', ip: 16777226, port: 5050, hostname: 'm1.example', address: { hostname: 'm1.example', ip: '10.0.0.1', port: 5050 } };
    expect(parseMasterInfo('json.info_0000000001', Buffer.from(JSON.stringify(full)))).toMatchObject({ id: 'x', hostname: 'm1.example', ip: '10.0.0.1', port: 5050, url: 'http://10.0.0.1:5050' });
    expect(uint32ToIp(16777226)).toBe('10.0.0.1');
    expect(parseMasterInfo('n', Buffer.from(JSON.stringify({ id: 'y', ip: 16777343, port: 5051 })))).toMatchObject({ ip: '127.0.0.1', url: 'http://127.0.0.1:5051' });
    expect(parseMasterInfo('n', Buffer.from('\x0a\x02id'))).toBeUndefined();
  });
});

describe.each(SERVERS)('detection on %s', (_name, startServer) => {
  let zk: TestZk;
  let raw: ZkClient;
  let n = 0;
  const stops: Array<() => unknown> = [];

  beforeAll(async () => {
    zk = await startServer();
    raw = await connectClient(zk.connectString);
  }, 60_000);
  afterAll(async () => {
    await closeClient(raw);
    await zk?.close();
  });
  afterEach(async () => {
    for (const s of stops.splice(0).reverse()) await s();
  });

  const url = (path: string) => parseZkUrl(`zk://${zk.connectString}${path}`);

  function master(path: string, id: string, port: number, sessionTimeoutMs = 2000): Contender {
    const info = { id, ip: 16777343, port, pid: `master@127.0.0.1:${port}`, hostname: `host-${id}`, address: { hostname: `host-${id}`, ip: '127.0.0.1', port } };
    const c = new Contender(url(path), () => info, { sessionTimeoutMs, retryMs: 50 }).start();
    stops.push(() => c.stop());
    return c;
  }

  it('resolveLeader: the lowest json.info_ child, and clear errors without one', async () => {
    const path = `/cli-${++n}`;
    await expect(resolveLeader(url(path))).rejects.toThrow(/has no \/cli-\d+ node .*no master has ever run with this --zk/);
    await call((cb) => raw.mkdirp(path, cb));
    await expect(resolveLeader(url(path))).rejects.toThrow(/no leading master is registered under \/cli-\d+ in ZooKeeper zk:\/\/127\.0\.0\.1:\d+\/cli-\d+/);
    const a = master(path, 'a', 6001);
    await waitFor(() => a.leading, 'a to lead');
    master(path, 'b', 6002);
    expect(await resolveLeader(url(path))).toMatchObject({ id: 'a', url: 'http://127.0.0.1:6001', hostname: 'host-a', node: 'json.info_0000000000' });
  });

  it('resolveLeader: an unreachable ZooKeeper is a ZkUnavailableError naming the URL', async () => {
    const port = await freePort();
    const err = await resolveLeader(parseZkUrl(`zk://127.0.0.1:${port}/mesos`), 500).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZkUnavailableError);
    expect(String(err)).toMatch(new RegExp(`no ZooKeeper server of zk://127\\.0\\.0\\.1:${port}/mesos answered within 500 ms`));
  });

  it('LeaderDetector waits for a leader, follows hand-overs, and survives a ZooKeeper outage', async () => {
    const path = `/follow-${++n}`;
    const d = new LeaderDetector(url(path), { sessionTimeoutMs: 800, retryMs: 50 }).start();
    stops.push(() => d.stop());
    const first = d.next();
    const a = master(path, 'a', 6001, 800);
    expect((await first).id).toBe('a');
    const b = master(path, 'b', 6002, 800);
    await waitFor(() => b.node, 'b to join');
    await a.stop();
    await waitFor(() => d.leader?.id === 'b', 'the detector to follow b');
    await zk.crash();
    await waitFor(() => d.leader === undefined, 'no leader while ZooKeeper is away');
    await zk.restart();
    await waitFor(() => d.leader?.id === 'b', 'b again after the outage', 20_000);
    expect(d.leader?.url).toBe('http://127.0.0.1:6002');
  }, 60_000);
});
