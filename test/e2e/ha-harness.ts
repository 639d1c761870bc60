/**
 * Scaffolding for the HA suites (test/e2e/ha-*.test.ts): a built zookeeper-lite (or Debian's real
 * ZooKeeper) with a short tick (so second-long sessions are granted) and built masters contending under `/mesos` with a durable
 * registry, plus probes for who leads. Everything started is stopped by `cleanup()`.
 */
import { rmSync } from 'node:fs';
import { startLite, type TestZk } from '../../src/zk/ha-servers.test-helpers.js';
import { type Daemon, startMaster } from '../helpers/daemon.js';
import { waitFor } from '../helpers/wait.js';

export const SESSION = '2secs';

export interface HaCluster {
  zk: TestZk;
  zkUrl: string;
  masters: Daemon[];
  /** Registers something to undo at cleanup (run newest first). */
  defer(fn: () => unknown): void;
  /** `master/elected` of each master (undefined when it does not answer). */
  elected(): Promise<Array<number | undefined>>;
  /** Waits until exactly one master answers `master/elected: 1` and serves `/master/state`; returns it. */
  leader(timeoutMs?: number): Promise<Daemon>;
  startMaster(extra?: string[]): Promise<Daemon>;
  cleanup(): Promise<void>;
}

export async function metric(url: string, name: string): Promise<number | undefined> {
  try {
    const r = await fetch(`${url}/metrics/snapshot`, { signal: AbortSignal.timeout(2000) });
    return ((await r.json()) as Record<string, number>)[name];
  } catch {
    return undefined;
  }
}

export async function haCluster(masters: number, extra: string[] = [], startZk: () => Promise<TestZk> = startLite): Promise<HaCluster> {
  const stops: Array<() => unknown> = [];
  const zk = await startZk();
  stops.push(() => zk.close());
  const zkUrl = `zk://127.0.0.1:${zk.port}/mesos`;
  const all: Daemon[] = [];
  const c: HaCluster = {
    zk,
    zkUrl,
    masters: all,
    defer: (fn) => stops.push(fn),
    elected: () => Promise.all(all.map((m) => metric(m.url, 'master/elected'))),
    async leader(timeoutMs = 15_000) {
      return waitFor(async () => {
        const e = await c.elected();
        const one = e.filter((x) => x === 1).length === 1 ? all[e.indexOf(1)] : undefined;
        // Elected masters answer 503 until they have read the registry (a few ms).
        return one && (await fetch(`${one.url}/master/state`)).status === 200 ? one : undefined;
      }, 'exactly one leading master', timeoutMs);
    },
    async startMaster(more: string[] = []) {
      const m = await startMaster([`--zk=${zkUrl}`, '--quorum=2', '--registry=replicated_log', `--zk_session_timeout=${SESSION}`, '--allocation_interval=50ms', ...extra, ...more]);
      stops.push(() => m.stop());
      all.push(m);
      return m;
    },
    async cleanup() {
      for (const s of stops.splice(0).reverse()) await s();
    },
  };
  // One at a time, so the first started leads (lowest sequence number).
  for (let i = 0; i < masters; i++) await c.startMaster();
  return c;
}

/** Removes a temp dir at cleanup. */
export function rmAtCleanup(c: HaCluster, dir: string): void {
  c.defer(() => rmSync(dir, { recursive: true, force: true }));
}

/**
 * Polls `master/elected` of every master until `stop()`; `max` is the most masters ever seen
 * answering 1 in one round (each round reads all masters concurrently).
 */
export function watchLeaders(c: HaCluster): { rounds: number; max: number; stop(): Promise<void> } {
  const state = { rounds: 0, max: 0, running: true };
  const loop = (async () => {
    while (state.running) {
      const e = await c.elected();
      state.rounds++;
      state.max = Math.max(state.max, e.filter((x) => x === 1).length);
    }
  })();
  return {
    get rounds() {
      return state.rounds;
    },
    get max() {
      return state.max;
    },
    async stop() {
      state.running = false;
      await loop;
    },
  };
}
