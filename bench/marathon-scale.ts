/**
 * Benchmark (c) of reference/benchmarks.md §7: Marathon-like scale 0→N. Starts the built
 * `tsmesos zookeeper-lite`, `tsmesos master` and `tsmesos marathon`, registers in-process fake agents
 * (src/agent/fake-agent.ts) with the master over the real agent protocol, then
 *   1. OpenStack replica: 189 agents of 24 cpus / 256 GB; one app of N ∈ {50, 100, 500} instances of
 *      1 cpu / 256 MB; time from POST /v2/apps to every instance TASK_RUNNING (seen on /v2/events),
 *      with an instant fake start and with a 0.5 s start standing in for Docker;
 *   2. (--sim) Marathon simulator replica: 1000 agents of 100 cpus / 500,000 MB, tasks RUNNING 5 s after
 *      launch; one app × 100,000 instances; running and staged counts every second for 20 s.
 *
 * Usage: node dist/bench/marathon-scale.js [--sizes 50,100,500] [--agents 189] [--starts 0,500]
 *          [--sim] [--sim-agents 1000] [--sim-instances 100000] [--sim-seconds 20] [--json]
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeContainerizer } from '../src/agent/containerizer/fake.js';
import { FakeAgent } from '../src/agent/fake-agent.js';
import { daemon as startDaemon } from './support.js';

const args = process.argv.slice(2);
if (args.includes('--help')) {
  process.stdout.write('Usage: node dist/bench/marathon-scale.js [--sizes 50,100,500] [--agents 189] [--starts 0,500] [--sim] [--sim-agents 1000] [--sim-instances 100000] [--sim-seconds 20] [--json]\n');
  process.exit(0);
}
const opt = (name: string, d: string): string => {
  const i = args.indexOf(name);
  return i >= 0 ? String(args[i + 1]) : d;
};
const SIZES = opt('--sizes', '50,100,500').split(',').map(Number);
const AGENTS = Number(opt('--agents', '189'));
const STARTS = opt('--starts', '0,500').split(',').map(Number);
const SIM = args.includes('--sim');
const SIM_AGENTS = Number(opt('--sim-agents', '1000'));
const SIM_INSTANCES = Number(opt('--sim-instances', '100000'));
const SIM_SECONDS = Number(opt('--sim-seconds', '20'));
const JSON_OUT = args.includes('--json');
const ANCHORS: Record<number, number> = { 50: 6.15, 100: 6.09, 500: 14.18 };

/** Every daemon started; whatever way the benchmark ends, none outlives it. */
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/** A built daemon (bench/support.ts), remembered so none outlives the benchmark. */
async function daemon(argv: string[]): Promise<{ proc: ChildProcess; url: string }> {
  const d = await startDaemon(argv);
  children.add(d.proc);
  d.proc.once('exit', () => children.delete(d.proc));
  return d;
}

/** SIGTERM, then SIGKILL if the daemon is still there after 5 s (a saturated event loop may never run its handler). */
async function stopProc(p: ChildProcess): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return;
  const exited = new Promise((r) => p.once('exit', r));
  p.kill('SIGTERM');
  const timer = setTimeout(() => p.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

const progress = (msg: string): void => {
  if (!JSON_OUT) process.stderr.write(`[${new Date().toISOString().slice(11, 23)}] ${msg}\n`);
};

const hostPort = (url: string): string => url.replace(/^[a-z]+:\/\//, '').replace(/\/.*$/, '');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

async function json(url: string, init?: RequestInit): Promise<any> {
  const r = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...(init?.headers ?? {}) } });
  const text = await r.text();
  if (r.status >= 400) throw new Error(`${init?.method ?? 'GET'} ${url} → ${r.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Follows /v2/events: per app, the task ids last seen in each state. */
class EventWatch {
  readonly state = new Map<string, string>();
  /** performance.now() of each task's first TASK_RUNNING. */
  readonly runningAt = new Map<string, number>();
  private readonly ctl = new AbortController();
  private waiters: Array<() => void> = [];
  constructor(marathon: string) {
    void this.run(marathon);
  }
  private async run(marathon: string): Promise<void> {
    const r = await fetch(`${marathon}/v2/events?event_type=status_update_event`, { headers: { accept: 'text/event-stream' }, signal: this.ctl.signal });
    const decoder = new TextDecoder();
    let buf = '';
    try {
      for await (const chunk of r.body as unknown as AsyncIterable<Uint8Array>) {
        buf += decoder.decode(chunk, { stream: true });
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const frame = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const data = frame.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
          if (!data) continue;
          const e = JSON.parse(data);
          if (e.eventType !== 'status_update_event') continue;
          this.state.set(e.taskId, e.taskStatus);
          if (e.taskStatus === 'TASK_RUNNING' && !this.runningAt.has(e.taskId)) this.runningAt.set(e.taskId, performance.now());
        }
        for (const w of this.waiters.splice(0)) w();
      }
    } catch {
      /* aborted */
    }
  }
  count(prefix: string, state: string): number {
    let n = 0;
    for (const [id, s] of this.state) if (s === state && id.startsWith(prefix)) n++;
    return n;
  }
  /** Resolves once `pred` holds, re-checked after every batch of events. */
  async until(pred: () => boolean, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pred()) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 200);
      });
    }
  }
  close(): void {
    this.ctl.abort();
  }
}

interface Cluster {
  marathon: string;
  agents: FakeAgent[];
  stop(): Promise<void>;
}

/** The cluster running now, stopped on SIGINT/SIGTERM so no daemon outlives the benchmark. */
let current: Cluster | undefined;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    void (current?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

async function startCluster(nAgents: number, resources: string, startDelayMs: number): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'tsmesos-bench-marathon-'));
  const zk = await daemon(['zookeeper-lite', '--port=0', `--data_dir=${join(dir, 'zk')}`, '--quiet']);
  const master = await daemon(['master', '--port=0', '--quiet']);
  progress(`zookeeper-lite ${zk.url}, master ${master.url}; registering ${nAgents} agents`);
  const agents: FakeAgent[] = [];
  for (let i = 0; i < nAgents; i++) {
    agents.push(new FakeAgent({ masterUrl: master.url, resources, hostname: `agent-${i}`, port: 10000 + i, containerizer: new FakeContainerizer(() => ({ startAfterMs: startDelayMs })) }).start());
  }
  await until(async () => ((await json(`${master.url}/master/slaves`)).slaves.length >= nAgents ? true : undefined), `${nAgents} agents`, 120_000);
  progress(`${nAgents} agents registered; starting marathon`);
  const marathon = await daemon(['marathon', `--master=${hostPort(master.url)}`, `--zk=zk://${hostPort(zk.url)}/marathon`, '--http_port=0', ...(process.env.BENCH_VERBOSE ? [] : ['--quiet'])]);
  await until(async () => ((await json(`${marathon.url}/v2/info`)).frameworkId ? true : undefined), 'marathon registered', 60_000);
  current = {
    marathon: marathon.url,
    agents,
    async stop() {
      current = undefined;
      for (const p of [marathon.proc, master.proc, zk.proc]) await stopProc(p);
      for (const a of agents) a.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return current;
}

/** POST one app of `n` instances; seconds until the first, half and all are RUNNING. Deletes it afterwards and waits for the kills. */
async function scaleCase(c: Cluster, watch: EventWatch, n: number, tag: string): Promise<{ first: number; half: number; all: number }> {
  const id = `/bench-${tag}-${n}`;
  const prefix = `bench-${tag}-${n}.`;
  const t0 = performance.now();
  await json(`${c.marathon}/v2/apps`, { method: 'POST', body: JSON.stringify({ id, cmd: 'sleep 3600', cpus: 1, mem: 256, instances: n }) });
  await watch.until(() => watch.count(prefix, 'TASK_RUNNING') >= n, 300_000);
  const times = [...watch.runningAt].filter(([k]) => k.startsWith(prefix)).map(([, t]) => (t - t0) / 1000).sort((a, b) => a - b);
  const result = { first: times[0], half: times[Math.floor(n / 2)], all: times[n - 1] };
  const app = (await json(`${c.marathon}/v2/apps${id}`)).app;
  if (app.tasksRunning !== n) throw new Error(`${id}: /v2/apps says ${app.tasksRunning} running, expected ${n}`);
  await json(`${c.marathon}/v2/apps${id}?force=true`, { method: 'DELETE' });
  await watch.until(() => watch.count(prefix, 'TASK_KILLED') >= n, 120_000);
  await until(async () => ((await json(`${c.marathon}/v2/deployments`)).length === 0 ? true : undefined), 'deployments drained', 60_000);
  return result;
}

async function openstack(): Promise<Array<Record<string, unknown>>> {
  const rows: Array<Record<string, unknown>> = [];
  for (const delay of STARTS) {
    const c = await startCluster(AGENTS, 'cpus:24;mem:262144;disk:100000;ports:[31000-32000]', delay);
    const watch = new EventWatch(c.marathon);
    try {
      await sleep(500); // the event stream attaches
      for (const n of SIZES) {
        const r = await scaleCase(c, watch, n, delay === 0 ? 'instant' : `start${delay}`);
        const s = r.all;
        const row = { bench: 'marathon-scale', case: `1 app x ${n}`, agents: AGENTS, fakeStartMs: delay, seconds: Number(s.toFixed(3)), firstRunningSeconds: Number(r.first.toFixed(3)), halfRunningSeconds: Number(r.half.toFixed(3)), anchorSeconds: ANCHORS[n] ?? null };
        rows.push(row);
        if (!JSON_OUT) {
          const anchor = ANCHORS[n] !== undefined ? `  (OpenStack anchor ${ANCHORS[n]} s, ${(ANCHORS[n] / s).toFixed(1)}× faster)` : '';
          process.stdout.write(`1 app × ${String(n).padStart(4)} on ${AGENTS} agents, fake start ${delay} ms: POST → all RUNNING ${s.toFixed(2)} s (first ${r.first.toFixed(2)} s, half ${r.half.toFixed(2)} s)${anchor}\n`);
        }
      }
    } finally {
      watch.close();
      await c.stop();
    }
  }
  return rows;
}

async function simulator(): Promise<Record<string, unknown>> {
  const c = await startCluster(SIM_AGENTS, 'cpus:100;mem:500000;disk:100000;ports:[31000-32000]', 5000);
  const watch = new EventWatch(c.marathon);
  const samples: Array<{ t: number; running: number; staged: number }> = [];
  let timeTo2000: number | null = null;
  try {
    await sleep(500);
    const t0 = performance.now();
    try {
      await json(`${c.marathon}/v2/apps`, { method: 'POST', body: JSON.stringify({ id: '/sim', cmd: 'sleep 3600', cpus: 1, mem: 1, instances: SIM_INSTANCES }) });
    } catch (e) {
      const error = `POST /v2/apps failed after ${((performance.now() - t0) / 1000).toFixed(1)} s: ${(e as Error).message}`;
      if (!JSON_OUT) process.stdout.write(`simulator: ${error}\n`);
      return { bench: 'marathon-scale', case: `simulator 1 app x ${SIM_INSTANCES}`, agents: SIM_AGENTS, fakeStartMs: 5000, error };
    }
    progress(`POST /v2/apps answered after ${((performance.now() - t0) / 1000).toFixed(2)} s`);
    for (let sec = 1; sec <= SIM_SECONDS; sec++) {
      await sleep(Math.max(0, t0 + sec * 1000 - performance.now()));
      const running = watch.count('sim.', 'TASK_RUNNING');
      const staged = watch.count('sim.', 'TASK_STARTING') + watch.count('sim.', 'TASK_STAGING');
      if (timeTo2000 === null && running >= 2000) timeTo2000 = sec;
      samples.push({ t: sec, running, staged });
      if (!JSON_OUT) process.stdout.write(`  t=${String(sec).padStart(2)} s  running ${running}  staged ${staged}\n`);
    }
  } finally {
    watch.close();
    await c.stop();
  }
  const row = { bench: 'marathon-scale', case: `simulator 1 app x ${SIM_INSTANCES}`, agents: SIM_AGENTS, fakeStartMs: 5000, samples, runningAt20s: samples.at(-1)?.running ?? 0, secondsTo2000Running: timeTo2000 };
  if (!JSON_OUT) process.stdout.write(`simulator: ${row.runningAt20s} RUNNING at t=${SIM_SECONDS} s; 2000 RUNNING after ${timeTo2000 ?? `> ${SIM_SECONDS}`} s\n`);
  return row;
}

async function main(): Promise<void> {
  const rows = SIZES.length > 0 && SIZES[0] > 0 ? await openstack() : [];
  if (SIM) rows.push(await simulator());
  if (JSON_OUT) for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
