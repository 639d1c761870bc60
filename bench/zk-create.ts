/**
 * zookeeper-lite write path: create latency with the fsync before every reply, one request in flight
 * (what a leader-election client sees), then throughput with many in flight (group commit), then
 * getData throughput. Runs the server in-process on a loopback port and a temporary data directory.
 *
 * Usage: node dist/bench/zk-create.js [--ops 2000] [--depth 64]
 * Prints one JSON line per measurement.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { silentLogger } from '../src/lib/logger.js';
import { startZkServer } from '../src/zk/server.js';
import { CreateFlags } from '../src/zk/wire/protocol.js';
import { RawZkClient } from '../src/zk/wire/raw-client.js';

const { values } = parseArgs({ options: { ops: { type: 'string', default: '2000' }, depth: { type: 'string', default: '64' }, help: { type: 'boolean' } } });
if (values.help) {
  console.log('usage: node dist/bench/zk-create.js [--ops N] [--depth N]');
  process.exit(0);
}
const ops = Number(values.ops);
const depth = Number(values.depth);
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

const dir = mkdtempSync(join(tmpdir(), 'zk-bench-'));
const server = await startZkServer({ ip: '127.0.0.1', port: 0, dataDir: dir, tickTime: 2000, minSessionTimeout: 4000, maxSessionTimeout: 40000, snapshotCount: 100_000, log: silentLogger });
const c = await RawZkClient.connect('127.0.0.1', server.port);
await c.create('/bench');

const lat: number[] = [];
for (let i = 0; i < Math.min(ops, 1000); i++) {
  const t0 = performance.now();
  await c.create('/bench/s-', Buffer.from('x'), CreateFlags.PERSISTENT_SEQUENTIAL);
  lat.push(performance.now() - t0);
}
lat.sort((a, b) => a - b);
console.log(JSON.stringify({ bench: 'zk-create-serial', ops: lat.length, p50_ms: +pct(lat, 50).toFixed(3), p99_ms: +pct(lat, 99).toFixed(3), ops_per_s: Math.round(lat.length / (lat.reduce((a, b) => a + b, 0) / 1000)) }));

let next = 0;
const t1 = performance.now();
await Promise.all(
  Array.from({ length: depth }, async () => {
    while (next++ < ops) await c.create('/bench/p-', Buffer.from('x'), CreateFlags.PERSISTENT_SEQUENTIAL);
  }),
);
const wall = (performance.now() - t1) / 1000;
console.log(JSON.stringify({ bench: 'zk-create-pipelined', ops, depth, seconds: +wall.toFixed(3), ops_per_s: Math.round(ops / wall) }));

next = 0;
const t2 = performance.now();
await Promise.all(
  Array.from({ length: depth }, async () => {
    while (next++ < ops * 5) await c.getData('/bench');
  }),
);
const rwall = (performance.now() - t2) / 1000;
console.log(JSON.stringify({ bench: 'zk-getdata-pipelined', ops: ops * 5, depth, seconds: +rwall.toFixed(3), ops_per_s: Math.round((ops * 5) / rwall) }));

c.destroy();
await server.close();
rmSync(dir, { recursive: true, force: true });
