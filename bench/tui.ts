/**
 * bench/tui: can `tsmesos top` keep up with a big, busy cluster? Issue 8's target: with 10,000
 * tasks and 1,000 offers/s flowing, event lag p99 under 250 ms and CPU under one core.
 *
 * A synthetic master (bench/tui-feed.ts, its own process) streams the operator SUBSCRIBE events;
 * this process runs the real TUI path on them: the operator stream client (RecordIO, reconnects),
 * the batching hook, the reducer and selectors, the real <App> (Offers view) and Ink's layout and
 * output into an in-memory 200×50 terminal. Measured here:
 *  - event lag: from the feeder's send time (in each offer event) to the first frame written that
 *    shows that offer (offer ids are sequential, so a frame showing `bench-O<n>` shows all ≤ n);
 *  - render time per frame: the batch applied + React render/commit (timed around each timer
 *    callback of the App; Ink renders synchronously there) + Ink's layout/output (`onRender`);
 *  - CPU of this process (user+system) over the measured window, as a fraction of one core.
 *
 * Usage: node dist/bench/tui.js [--tasks 10000] [--rate 1000] [--churn 50] [--seconds 20]
 *          [--warmup 3] [--refresh 100] [--view offers|tasks] [--react-dev] [--json]
 * A JSON line per run goes to stdout with --json, else it is appended to bench/results/tui.jsonl.
 */
import { fork } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { FeedConfig } from './tui-feed.js';

interface Args extends FeedConfig {
  seconds: number;
  warmup: number;
  refresh: number;
  reactDev: boolean;
  json: boolean;
  /** The view on screen: offers (lag is measured there) or tasks (10,000 rows to sort). */
  view: 'offers' | 'tasks';
}

function parseArgs(argv: string[]): Args {
  const a: Args = { tasks: 10_000, agents: 500, frameworks: 20, rate: 1000, churn: 50, seconds: 20, warmup: 3, refresh: 100, reactDev: false, json: false, view: 'offers' };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--json') a.json = true;
    else if (flag === '--react-dev') a.reactDev = true;
    else if (flag === '--view') {
      const v = argv[++i];
      if (v !== 'offers' && v !== 'tasks') throw new Error('--view is offers or tasks');
      a.view = v;
    }
    else if (flag === '--help' || flag === '-h') {
      process.stdout.write('Usage: node dist/bench/tui.js [--tasks N] [--agents N] [--frameworks N] [--rate OFFERS/S] [--churn TASKS/S] [--seconds S] [--warmup S] [--refresh MS] [--view offers|tasks] [--react-dev] [--json]\n');
      process.exit(0);
    } else {
      const key = flag.replace(/^--/, '') as keyof Args;
      const value = Number(argv[++i]);
      if (!(key in a) || typeof a[key] !== 'number' || !Number.isFinite(value)) throw new Error(`unknown or bad argument ${flag}`);
      (a as unknown as Record<string, number>)[key] = value;
    }
  }
  return a;
}

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** A terminal that keeps nothing but the time and the newest offer of every frame written. */
class FrameSink extends Writable {
  readonly isTTY = true;
  columns = 200;
  rows = 50;
  frames: Array<{ at: number; newest: number }> = [];
  constructor() {
    super({ decodeStrings: false });
  }
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    const text = String(chunk);
    let newest = -1;
    for (const m of text.matchAll(/bench-O(\d+)/g)) newest = Math.max(newest, Number(m[1]));
    if (newest >= 0) this.frames.push({ at: Date.now(), newest });
    done();
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  // Like `tsmesos top`: a real terminal (not CI mode, which renders only at exit) and, unless
  // asked otherwise, React's production build. Both are read when ink and react load, below.
  process.env.CI = '0';
  if (!args.reactDev) process.env.NODE_ENV = 'production';

  // Time React's work: its scheduler runs each render and commit in a setImmediate callback
  // (captured when the scheduler loads, hence replaced before the imports below). Ink's output
  // pass may run inside a commit; its time is counted apart (onRender), not twice.
  const reactMs: number[] = [];
  let inkInSlice = 0;
  let inSlice = false;
  const realSetImmediate = globalThis.setImmediate;
  globalThis.setImmediate = ((fn: (...x: unknown[]) => void, ...rest: unknown[]) =>
    realSetImmediate(() => {
      const t0 = performance.now();
      inSlice = true;
      inkInSlice = 0;
      try {
        fn(...rest);
      } finally {
        inSlice = false;
        reactMs.push(performance.now() - t0 - inkInSlice);
      }
    })) as unknown as typeof setImmediate;

  const feeder = fork(fileURLToPath(new URL('./tui-feed.js', import.meta.url)), ['--feeder', JSON.stringify(args)], { stdio: 'inherit' });
  const url = await new Promise<string>((resolve) => feeder.once('message', (m: { url: string }) => resolve(m.url)));

  const [{ createElement }, { render }, { App }, { watchOperatorEvents }] = await Promise.all([
    import('react'),
    import('ink'),
    import('../src/tui/App.js'),
    import('../src/client/operator-watch.js'),
  ]);
  const sentAt = new Map<number, number>();
  const inkRender: number[] = [];
  const services = {
    watch(h: { onEvent: (e: any) => void; onStatus: (s: any) => void }) {
      const w = watchOperatorEvents({
        resolve: () => url,
        offers: true,
        onStatus: h.onStatus,
        onEvent: (e) => {
          if (e.type === 'TSMESOS_OFFER' && e.tsmesos_offer.action === 'SENT') sentAt.set(Number(e.tsmesos_offer.offer.id.value.slice(7)), e.tsmesos_offer.timestamp * 1000);
          h.onEvent(e);
        },
      });
      return () => w.stop();
    },
    teardown: async () => {},
    killTask: async () => {},
    followOutput: async () => {},
  };
  const sink = new FrameSink();
  // A keyboard nobody types on: the App reads keys, and Ink wants a TTY it can put in raw mode.
  const keyboard = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => keyboard, ref: () => keyboard, unref: () => keyboard });
  const startedAt = Date.now();
  const app = render(createElement(App, { services, refreshMs: args.refresh, initialView: args.view }), {
    stdout: sink as unknown as NodeJS.WriteStream,
    stdin: keyboard as unknown as NodeJS.ReadStream,
    patchConsole: false,
    exitOnCtrlC: false,
    onRender: ({ renderTime }) => {
      inkRender.push(renderTime);
      if (inSlice) inkInSlice += renderTime;
    },
  });

  await new Promise((r) => setTimeout(r, args.warmup * 1000));
  const from = { at: Date.now(), frames: sink.frames.length, react: reactMs.length, ink: inkRender.length, cpu: process.cpuUsage(), sent: sentAt.size };
  const firstSeq = Math.max(0, ...sink.frames.slice(-1).map((f) => f.newest)) + 1;
  await new Promise((r) => setTimeout(r, args.seconds * 1000));
  const cpu = process.cpuUsage(from.cpu);
  const wallMs = Date.now() - from.at;
  const frames = sink.frames.slice(from.frames);
  app.unmount();
  feeder.kill();

  // Each offer's lag: the first frame at or after which the newest offer shown is ≥ it.
  const lags: number[] = [];
  let f = 0;
  const lastSeq = frames.length ? frames[frames.length - 1]!.newest : -1;
  for (let seq = firstSeq; seq <= lastSeq; seq++) {
    const sent = sentAt.get(seq);
    if (sent === undefined) continue;
    while (f < frames.length && frames[f]!.newest < seq) f++;
    if (f < frames.length) lags.push(frames[f]!.at - sent);
  }
  const unseen = [...sentAt.keys()].filter((s) => s > lastSeq).length;
  const frameReact = reactMs.slice(from.react);
  const renders = inkRender.length - from.ink;
  const frameInk = inkRender.slice(from.ink);
  const result = {
    bench: 'tui',
    at: new Date().toISOString(),
    node: process.version,
    react: args.reactDev ? 'development' : 'production',
    tasks: args.tasks,
    agents: args.agents,
    frameworks: args.frameworks,
    offersPerSec: args.rate,
    taskChurnPerSec: args.churn,
    refreshMs: args.refresh,
    seconds: round(wallMs / 1000),
    offersSeen: lags.length,
    offersStillQueuedAtEnd: unseen,
    view: args.view,
    framesPerSec: round(renders / (wallMs / 1000)),
    lagMs: { p50: round(pct(lags, 50)), p99: round(pct(lags, 99)), max: round(Math.max(...lags)) },
    frameMs: {
      reactP50: round(pct(frameReact, 50), 2),
      reactP99: round(pct(frameReact, 99), 2),
      reactPerFrame: round(frameReact.reduce((x, y) => x + y, 0) / Math.max(1, renders), 2),
      inkOutputP50: round(pct(frameInk, 50), 2),
      inkOutputP99: round(pct(frameInk, 99), 2),
    },
    cpuCores: round((cpu.user + cpu.system) / 1000 / wallMs, 3),
    /** From the first render to the first offer on screen: connect, the 10,000-task snapshot, a frame. */
    firstOfferMs: sink.frames.length > 0 ? sink.frames[0]!.at - startedAt : null,
    pass: { lag: pct(lags, 99) < 250, cpu: (cpu.user + cpu.system) / 1000 / wallMs < 1 },
  };
  if (args.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    const results = fileURLToPath(new URL('../../bench/results/', import.meta.url));
    mkdirSync(results, { recursive: true });
    appendFileSync(`${results}tui.jsonl`, `${JSON.stringify(result)}\n`);
    const out = (k: string, v: string) => process.stdout.write(`${k.padEnd(28)}${v}\n`);
    out('tasks / offers per second', `${result.tasks} / ${result.offersPerSec} (+${result.taskChurnPerSec} tasks/s churn), refresh ${result.refreshMs} ms, React ${result.react}`);
    out('measured', `${result.seconds} s on the ${result.view} view, ${result.offersSeen} offers on screen, ${result.framesPerSec} frames/s`);
    out('event lag p50 / p99 / max', `${result.lagMs.p50} / ${result.lagMs.p99} / ${result.lagMs.max} ms  (target p99 < 250 ms: ${result.pass.lag ? 'PASS' : 'FAIL'})`);
    out('React slice p50/p99', `${result.frameMs.reactP50} / ${result.frameMs.reactP99} ms; ${result.frameMs.reactPerFrame} ms per frame  (batch, rows, render, commit)`);
    out('Ink output p50/p99', `${result.frameMs.inkOutputP50} / ${result.frameMs.inkOutputP99} ms  (layout, text, diff)`);
    out('first offer on screen', `${result.firstOfferMs} ms after start (snapshot of ${result.tasks} tasks included)`);
    out('CPU', `${result.cpuCores} cores  (target < 1: ${result.pass.cpu ? 'PASS' : 'FAIL'})`);
  }
  process.exit(0);
}

void main().catch((e) => {
  process.stderr.write(`bench/tui: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
