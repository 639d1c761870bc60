/**
 * Benchmark (a) of reference/benchmarks.md §7: a port of upstream's allocator `DeclineOffers`
 * benchmark. A agents of `cpus:24;mem:4096;disk:4096;ports:[31000-32000]` each start with
 * `cpus:16;mem:2014;disk:1024` and 16 single-port ranges used by framework `i % F` (role `*`); every
 * round declines all outstanding offers with a one-year filter, then times one `allocate()`. The
 * clock is fake, so the figures are allocator CPU only, as upstream's paused-clock runs are.
 *
 * Usage: node dist/bench/allocator-decline.js [--grid 1000x100,5000x500] [--rounds 10] [--json]
 * JSON lines go to stdout with --json, else they are appended to bench/results/allocator.jsonl.
 */
import { execSync } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Resources } from '../src/protocol/resources/index.js';
import { HierarchicalAllocator, MAX_REFUSE_SECONDS, type AllocatorOffer } from '../src/master/allocator/index.js';

/** Published cycle times (s) for the same grid: Mesos 1.7.1 from the 1.7 blog chart unless noted. */
const ANCHORS: Record<string, { seconds: number; source: string }> = {
  '1000x100': { seconds: 0.2, source: 'Mesos 1.7.1 blog chart (≈, "below 0.2 s")' },
  '5000x500': { seconds: 0.5, source: 'Mesos 1.7.1 blog chart (≈)' },
  '10000x1000': { seconds: 1.45, source: 'Mesos 1.7.1 blog chart (≈); DeclineOffers/21 1.06 s' },
  '20000x2000': { seconds: 4.4, source: 'Mesos 1.7.1 blog chart (≈)' },
  '2000x200': { seconds: 2.92, source: 'MESOS-4694, Mesos 0.27' },
  '2000x2000': { seconds: 28.2, source: 'MESOS-4694, Mesos 0.27' },
  '10000x3000': { seconds: 2.47, source: 'DeclineOffers/22 median, commit 6abe32f08' },
};

interface Args { grid: Array<[number, number]>; rounds: number; json: boolean }

function parseArgs(argv: string[]): Args {
  const args: Args = { grid: [[1000, 100], [5000, 500], [10000, 1000]], rounds: 10, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--help' || a === '-h') {
      process.stdout.write(
        'Usage: node dist/bench/allocator-decline.js [--grid 1000x100,5000x500,10000x1000] [--rounds 10] [--json]\n' +
          'Times one DRF allocation cycle per round (upstream DeclineOffers shape) and compares it with the\n' +
          'published Mesos figures. JSON lines go to stdout with --json, else to bench/results/allocator.jsonl.\n',
      );
      process.exit(0);
    }
    if (a === '--json') args.json = true;
    else if (a.startsWith('--grid')) {
      args.grid = value().split(',').map((cell) => {
        const m = /^(\d+)x(\d+)$/.exec(cell.trim());
        if (m === null) throw new Error(`--grid cells look like 1000x100, got '${cell}'`);
        return [Number(m[1]), Number(m[2])] as [number, number];
      });
    } else if (a.startsWith('--rounds')) args.rounds = Math.max(1, Number(value()));
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function commit(): string {
  try {
    return execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return 'unknown';
  }
}

/** ≈ JSON.stringify throughput on Mesos-shaped task records (benchmarks.md §6.4 calibration). */
function jsonCalibration(): number {
  const labels = Array.from({ length: 10 }, (_, i) => ({ key: `key${i}`, value: `value-${i}-xxxxxxxx` }));
  const tasks = Array.from({ length: 10_000 }, (_, i) => ({
    id: `task-${i}`, name: `task-${i}`, framework_id: 'f-0000', executor_id: '', slave_id: `s-S${i % 100}`,
    state: 'TASK_RUNNING', resources: { cpus: 0.1, gpus: 0, mem: 5, disk: 0, ports: '[31000-31001]' },
    labels, statuses: [{ state: 'TASK_RUNNING', timestamp: 1_700_000_000.123 + i }],
  }));
  const t0 = performance.now();
  const bytes = JSON.stringify(tasks).length;
  return bytes / 1e6 / ((performance.now() - t0) / 1000);
}

/** A full GC before heap readings, even when node was started without --expose-gc. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

type Emit = (params: object, metric: string, value: number, unit: string) => void;

interface GridRun { agents: number; frameworks: number; rounds: number; human: (s: string) => void; emit: Emit }

/** Sets up one grid and times its rounds; returns the allocator-retained heap (MB) before dropping it. */
function runGrid({ agents, frameworks, rounds, human, emit }: GridRun, gc: () => void, heapBefore: number): number {
  const params = { agents, frameworks };
  const agentTotal = Resources.parse('cpus:24;mem:4096;disk:4096;ports:[31000-32000]');
  const usedPorts = Array.from({ length: 16 }, (_, i) => `${31000 + 2 * i}-${31000 + 2 * i}`).join(',');
  const used = Resources.parse(`cpus:16;mem:2014;disk:1024;ports:[${usedPorts}]`).allocate('*');
  const allocator = new HierarchicalAllocator({ now: () => 0 });

  let t0 = performance.now();
  for (let f = 0; f < frameworks; f++) allocator.addFramework(`framework-${f}`, { roles: ['*'] });
  const addFrameworks = (performance.now() - t0) / 1000;
  t0 = performance.now();
  for (let a = 0; a < agents; a++) {
    allocator.addAgent(`agent-${a}`, agentTotal, [{ frameworkId: `framework-${a % frameworks}`, resources: used }]);
  }
  const addAgents = (performance.now() - t0) / 1000;
  human(`[${agents} agents x ${frameworks} frameworks] added ${frameworks} frameworks in ${(addFrameworks * 1000).toFixed(1)} ms, ${agents} agents in ${(addAgents * 1000).toFixed(1)} ms`);
  emit(params, 'add_frameworks', addFrameworks, 's');
  emit(params, 'add_agents', addAgents, 's');

  const times: number[] = [];
  let outstanding: AllocatorOffer[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const o of outstanding) allocator.recoverResources(o.frameworkId, o.agentId, o.resources, MAX_REFUSE_SECONDS);
    t0 = performance.now();
    const offers = allocator.allocate();
    const seconds = (performance.now() - t0) / 1000;
    times.push(seconds);
    human(`  round ${round} allocate() took ${(seconds * 1000).toFixed(1)} ms to make ${offers.length} offers after filtering ${outstanding.length} offers`);
    emit({ ...params, round, offers: offers.length }, 'cycle', seconds, 's');
    outstanding = offers;
  }
  gc();
  const heapUsed = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  if (allocator.available('agent-0') === undefined) throw new Error('unreachable: keeps the allocator live through the reading');
  const [min, med, max] = [Math.min(...times), median(times), Math.max(...times)];
  const perSecond = outstanding.length / med;
  const anchor = ANCHORS[`${agents}x${frameworks}`];
  const ratio = anchor === undefined ? undefined : med / anchor.seconds;
  human(`  cycle min/median/max ${min.toFixed(3)} / ${med.toFixed(3)} / ${max.toFixed(3)} s; ` +
    `${perSecond.toFixed(0)} offers/s at the median; heap +${heapUsed.toFixed(1)} MB` +
    (anchor === undefined ? '' : `; ratio vs anchor ${anchor.seconds} s (${anchor.source}) = ${ratio!.toFixed(3)}`));
  emit(params, 'cycle_min', min, 's');
  emit(params, 'cycle_median', med, 's');
  emit(params, 'cycle_max', max, 's');
  emit(params, 'offers_per_second_median', perSecond, 'offers/s');
  emit(params, 'heap_used', heapUsed, 'MB');
  if (ratio !== undefined) emit({ ...params, anchor_s: anchor!.seconds }, 'ratio_median_vs_anchor', ratio, 'x');
  return heapUsed;
}

function main(): void {
  const gc = collector();
  const args = parseArgs(process.argv.slice(2));
  const human = args.json ? (s: string) => process.stderr.write(s + '\n') : (s: string) => process.stdout.write(s + '\n');
  const meta = { node: process.version, cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`, commit: commit() };
  const here = dirname(fileURLToPath(import.meta.url));
  const resultsFile = join(here, '..', '..', 'bench', 'results', 'allocator.jsonl');
  const emit: Emit = (params, metric, value, unit) => {
    const line = JSON.stringify({ bench: 'allocator-decline', params, metric, value: Number(value.toPrecision(6)), unit, ...meta });
    if (args.json) process.stdout.write(line + '\n');
    else {
      mkdirSync(dirname(resultsFile), { recursive: true });
      appendFileSync(resultsFile, line + '\n');
    }
  };

  const calibration = jsonCalibration();
  human(`node ${meta.node}, cpu ${meta.cpu}, commit ${meta.commit}; JSON.stringify calibration ${calibration.toFixed(0)} MB/s`);
  emit({}, 'calibration_json_stringify', calibration, 'MB/s');
  if (!args.json) human(`JSON lines appended to ${resultsFile}`);

  for (const [agents, frameworks] of args.grid) {
    gc();
    runGrid({ agents, frameworks, rounds: args.rounds, human, emit }, gc, process.memoryUsage().heapUsed);
  }
}

main();
