/**
 * The official Apache ZooKeeper C client (npm `zookeeper`, a native addon over the bundled C library)
 * runs one scripted scenario against zookeeper-lite and against Debian's real ZooKeeper 3.8; the
 * transcripts (paths, data, stat versions, sequence numbers, error codes, watch events) must match.
 */
import { createRequire } from 'node:module';
import type { ResultPromise } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZkLite, type ZkLite } from '../../src/zk/testing/zk-daemon.test-helpers.js';
import { type Target, available, startOracle, stopOracle } from './zk-oracle.js';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let ZooKeeper: any;
try {
  ZooKeeper = require('zookeeper');
} catch (e) {
  console.warn(`SKIP test/acceptance/zk-native-client: the native zookeeper package did not load (${(e as Error).message}); npm ci builds it`);
}

/** Error text of the C client ("-110 node exists") → its code, which is what must match. */
const code = (e: unknown) => Number(/^(-?\d+)/.exec(String((e as Error).message))?.[1] ?? NaN);

async function scenario(t: Target): Promise<unknown[]> {
  const C = ZooKeeper.constants;
  const client = new ZooKeeper({ connect: `${t.host}:${t.port}`, timeout: 5000, debug_level: C.ZOO_LOG_LEVEL_ERROR, host_order_deterministic: false });
  await new Promise<void>((resolve) => {
    client.once('connect', () => resolve());
    client.init({});
  });
  const out: unknown[] = [];
  const attempt = async (label: string, fn: () => Promise<unknown>) => {
    try {
      out.push([label, await fn()]);
    } catch (e) {
      out.push([label, 'error', code(e)]);
    }
  };
  const stat = (s: any) => ({ version: s.version, cversion: s.cversion, numChildren: s.numChildren, dataLength: s.dataLength, ephemeral: s.ephemeralOwner !== '0' && s.ephemeralOwner !== 0 && s.ephemeralOwner !== '0000000000000000' });
  try {
    await attempt('create /native', () => client.create('/native', 'root', C.ZOO_PERSISTENT));
    await attempt('create dup', () => client.create('/native', 'x', C.ZOO_PERSISTENT));
    for (let i = 0; i < 3; i++) await attempt(`seq ${i}`, () => client.create('/native/json.info_', `{"n":${i}}`, C.ZOO_EPHEMERAL_SEQUENTIAL));
    await attempt('children', async () => (await client.get_children('/native', false)).sort());
    await attempt('get', async () => {
      const [s, d] = await client.get('/native', false);
      return [String(d), stat(s)];
    });
    await attempt('set v0', async () => stat(await client.set('/native', 'two', 0)));
    await attempt('set v0 again', async () => stat(await client.set('/native', 'three', 0)));
    await attempt('delete non-empty', () => client.delete_('/native', -1));
    await attempt('exists missing', () => client.exists('/native/nope', false));
    await attempt('child of ephemeral', () => client.create('/native/json.info_0000000000/x', '', C.ZOO_PERSISTENT));
    await attempt('ephemeral stat', async () => stat((await client.get('/native/json.info_0000000001', false))[0]));
    const fired = new Promise<unknown>((resolve) => client.aw_get('/native', (type: number, state: number, path: string) => resolve([type, state, path]), () => {}));
    await attempt('set fires watch', async () => stat(await client.set('/native', 'four', 1)));
    await attempt('watch event', () => fired);
  } finally {
    await client.close();
  }
  return out;
}

describe.skipIf(!available || !ZooKeeper)('the official C client against zookeeper-lite and ZooKeeper 3.8', () => {
  let lite: ZkLite;
  let oracle: { target: Target; proc: ResultPromise } | undefined;
  beforeAll(async () => {
    [lite, oracle] = await Promise.all([startZkLite({ args: ['--quiet'] }), startOracle()]);
  }, 60_000);
  afterAll(async () => {
    await lite?.stop();
    await stopOracle(oracle);
  });

  it('gives the same transcript on both servers', async () => {
    const real = await scenario(oracle!.target);
    const ours = await scenario({ host: lite.host, port: lite.port });
    expect(real.length).toBeGreaterThan(10);
    if (process.env.ZK_TRANSCRIPT) console.log(JSON.stringify(ours));
    expect(ours).toEqual(real);
  });
});
