/**
 * Test scaffolding for zookeeper-lite suites (test/e2e/zk-*, test/acceptance/zk-*): starts the built
 * binary on an ephemeral loopback port with its own data directory, waits for its "listening on zk://"
 * line, and can stop it politely, kill -9 it, and restart it on the same directory. Plus the
 * node-zookeeper-client helpers every suite needs. Excluded from the build (a .test-helpers file).
 * @module
 */
import { execa, type ResultPromise } from 'execa';
import { mkdtempSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import zookeeper from 'node-zookeeper-client';
import { waitFor } from '../../../test/helpers/wait.js';

export const BIN = fileURLToPath(new URL('../../../bin/tsmesos', import.meta.url));

export interface ZkLite {
  host: string;
  port: number;
  connectString: string;
  dataDir: string;
  proc: ResultPromise;
  output(): string;
  stop(): Promise<void>;
  kill9(): Promise<void>;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'zklite-e2e-'));
}

/** Starts `tsmesos zookeeper-lite`; `port` 0 = ephemeral; reuse `dataDir` to test recovery. */
export async function startZkLite(opts: { dataDir?: string; port?: number; args?: string[] } = {}): Promise<ZkLite> {
  const dataDir = opts.dataDir ?? tempDataDir();
  const args = ['zookeeper-lite', '--ip=127.0.0.1', `--port=${opts.port ?? 0}`, `--data_dir=${dataDir}`, ...(opts.args ?? [])];
  const proc = execa('node', [BIN, ...args], { env: { TSMESOS_CONFIG: '/nonexistent/tsmesos-test-config.toml' }, reject: false, buffer: false });
  let out = '';
  proc.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  let exited = false;
  void proc.then(() => (exited = true));
  const port = await waitFor(
    () => {
      if (exited) throw new Error(`tsmesos ${args.join(' ')} exited early:\n${out}`);
      const m = /listening on zk:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      return m ? Number(m[1]) : undefined;
    },
    'zookeeper-lite to listen',
    15_000,
  );
  const stopWith = async (signal: NodeJS.Signals) => {
    if (exited) return;
    proc.kill(signal);
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
    await proc;
    clearTimeout(timer);
  };
  return {
    host: '127.0.0.1',
    port,
    connectString: `127.0.0.1:${port}`,
    dataDir,
    proc,
    output: () => out,
    stop: () => stopWith('SIGTERM'),
    kill9: () => stopWith('SIGKILL'),
  };
}

/** Sends a four-letter word on a fresh socket and returns everything the server wrote before closing. */
export function fourLetter(port: number, word: string, host = '127.0.0.1'): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = createConnection({ host, port }, () => s.write(word));
    let out = '';
    s.on('data', (c: Buffer) => (out += c.toString()));
    s.on('close', () => resolve(out));
    s.on('error', reject);
    s.setTimeout(5000, () => s.destroy(new Error(`no answer to ${word}`)));
  });
}

export type ZkClient = zookeeper.Client;
export { zookeeper };

/** A connected node-zookeeper-client. */
export async function connectClient(connectString: string, options: Partial<zookeeper.Option> = {}): Promise<ZkClient> {
  const client = zookeeper.createClient(connectString, { sessionTimeout: 10_000, spinDelay: 50, retries: 0, ...options });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no connection to ${connectString}`)), 10_000);
    client.once('connected', () => {
      clearTimeout(timer);
      resolve();
    });
    client.connect();
  });
  return client;
}

/** Promise wrapper: resolves with the callback's results, or rejects with the ZooKeeper error code. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function call<T extends unknown[] = any[]>(fn: (cb: (err: unknown, ...rest: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    fn((err, ...rest) => (err ? reject(err) : resolve(rest)));
  });
}

/** The numeric error code a call fails with (0 when it succeeds). */
export async function codeOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 0;
  } catch (e) {
    const code = (e as { code?: number }).code;
    if (typeof code !== 'number') throw e;
    return code;
  }
}

export function closeClient(c: ZkClient): Promise<void> {
  return new Promise((resolve) => {
    const state = c.getState();
    if (state === zookeeper.State.DISCONNECTED || state === zookeeper.State.EXPIRED) return resolve();
    const timer = setTimeout(resolve, 3000);
    c.once('disconnected', () => {
      clearTimeout(timer);
      resolve();
    });
    c.close();
  });
}

/** A Stat's 64-bit fields as bigints (node-zookeeper-client gives 8-byte buffers). */
export function statOf(s: zookeeper.Stat): Record<string, number | bigint> {
  const raw = s as unknown as Record<string, Buffer | number>;
  const out: Record<string, number | bigint> = {};
  for (const k of ['czxid', 'mzxid', 'ctime', 'mtime', 'version', 'cversion', 'aversion', 'ephemeralOwner', 'dataLength', 'numChildren', 'pzxid']) {
    const v = raw[k]!;
    out[k] = Buffer.isBuffer(v) ? v.readBigInt64BE(0) : v;
  }
  return out;
}
