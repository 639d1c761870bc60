/**
 * Benchmark (f) of reference/benchmarks.md §7: the Chronos-mode cron scheduler core. 10,000 jobs
 * (half ISO 8601 `R/<start>/PT<n>S`, half 6-field cron `<o>/<n> * * * * *`, spread over five time
 * zones) go through the real path — parse → nextFire/advanceIso → DueQueue on the SYSTEM clock.
 * Every fire records its skew (DueQueue callback time − scheduled time) and, stricter, its handled
 * skew (time its own reschedule finished − scheduled time, so it includes the jobs before it in the
 * same batch).
 *
 * Time is compressed, and the output says so: the K8s-CronJob replica's "20 jobs every minute + the
 * rest on long periods, +1000 jobs per minute up to 10,000" becomes 20 jobs every 1 s + the rest every
 * 2–10 s, +1000 jobs every 3 s up to 10,000, then a steady hold. A missed fire is an occurrence
 * (computed afterwards with firesBetween) that never fired; late handling coalesces missed periods
 * exactly as the service does (advanceIso for ISO, next after now for cron), so lateness shows up as
 * misses. Then a burst: 10,000 jobs all due at the same second (warm-up + 5 repeats).
 * Not covered here (needs the service/master): end to end to TASK_RUNNING, restart mid-schedule.
 *
 * Usage: node dist/bench/cron.js [--jobs 10000] [--duration 90] [--json]
 */
import { execSync } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { DueQueue } from '../src/frameworks/chronos/schedule/due-queue.js';
import { parseCron } from '../src/frameworks/chronos/schedule/cron.js';
import { parseIso8601Schedule } from '../src/frameworks/chronos/schedule/iso8601.js';
import { advanceIso, firesBetween, nextFire } from '../src/frameworks/chronos/schedule/next-fire.js';
import type { Schedule } from '../src/frameworks/chronos/schedule/types.js';
import { toLocal } from '../src/frameworks/chronos/schedule/zone.js';

const argv = process.argv.slice(2);
if (argv.includes('--help')) {
  process.stdout.write('Usage: node dist/bench/cron.js [--jobs 10000] [--duration 90] [--json]\n');
  process.exit(0);
}
const opt = (name: string, dflt: number): number => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : dflt);
const JOBS = opt('--jobs', 10_000);
const DURATION_S = opt('--duration', 90);
const JSON_OUT = argv.includes('--json');
const RAMP_STEP = 1000;
const RAMP_EVERY_MS = 3000;
const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe'];

const now = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const human = JSON_OUT ? (s: string) => process.stderr.write(s + '\n') : (s: string) => process.stdout.write(s + '\n');
const meta = { node: process.version, cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`, commit: gitCommit() };
const resultsFile = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'results', 'cron.jsonl');
function emit(params: object, metric: string, value: number, unit: string): void {
  const line = JSON.stringify({ bench: 'cron', params, metric, value: Number(value.toPrecision(6)), unit, ...meta });
  if (JSON_OUT) process.stdout.write(line + '\n');
  else {
    mkdirSync(dirname(resultsFile), { recursive: true });
    appendFileSync(resultsFile, line + '\n');
  }
}
function gitCommit(): string {
  try {
    return execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return 'unknown';
  }
}
const quantile = (sorted: Float64Array | number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const iso = (t: number): string => new Date(t).toISOString();

interface Job {
  initial: Schedule;
  current: Schedule;
  addedAt: number;
  fired: number[];
}

/** Job i: every 1 s for the first 20 (the "every minute" jobs), else every 2–10 s; even = ISO, odd = cron. */
function makeJob(i: number, t: number): Job {
  const period = i < 20 ? 1 : 2 + (i % 9);
  const zone = ZONES[i % ZONES.length]!;
  const firstSecond = Math.ceil(t / 1000) + 1 + (i % period);
  const s =
    i % 2 === 0
      ? parseIso8601Schedule(`R/${iso(firstSecond * 1000).replace('.000Z', '')}/PT${period}S`, zone)
      : parseCron(`${firstSecond % period}/${period} * * * * *`, zone);
  return { initial: s, current: s, addedAt: t, fired: [] };
}

/** What the service does when a job fires: consume the run, find the next one (late = coalesce). */
function reschedule(job: Job, at: number, t: number): number | undefined {
  if (job.current.kind === 'iso8601') {
    job.current = advanceIso(job.current, new Date(t));
    return job.current.repeats === 0 ? undefined : job.current.start.getTime();
  }
  return nextFire(job.current, new Date(Math.max(at, Math.floor(t / 1000) * 1000)))?.getTime();
}

async function steady(): Promise<void> {
  const jobs: Job[] = [];
  const skews: number[] = []; // callback invoked − scheduled (the DueQueue's delivery)
  const handled: number[] = []; // this job's reschedule done − scheduled (includes earlier jobs in the batch)
  let batches = 0;
  let maxBatch = 0;
  let end = Infinity;
  const queue = new DueQueue<number>((due) => {
    batches++;
    maxBatch = Math.max(maxBatch, due.length);
    const called = now();
    for (const { key, at } of due) {
      const t = now();
      const job = jobs[key]!;
      job.fired.push(at);
      const next = reschedule(job, at, t);
      if (next !== undefined) queue.set(key, next);
      if (at <= end) {
        skews.push(called - at);
        handled.push(now() - at);
      }
    }
  });
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const start = now();
  end = start + DURATION_S * 1000;
  const rampMs = Math.ceil(JOBS / RAMP_STEP - 1) * RAMP_EVERY_MS;
  if (DURATION_S * 1000 < rampMs + 10_000) throw new Error(`--duration must be at least ${Math.ceil(rampMs / 1000) + 10} s (ramp + 10 s hold)`);
  human(`steady: ${JOBS} jobs, +${RAMP_STEP} every ${RAMP_EVERY_MS / 1000} s, for ${DURATION_S} s on the system clock`);
  human('  TIME IS COMPRESSED: 20 jobs every 1 s (stand-in for every minute), the rest every 2–10 s;');
  human(`  half ISO 8601 (PT<n>S), half 6-field cron, zones ${ZONES.join(', ')}`);
  while (jobs.length < JOBS) {
    const t = now();
    const add = Math.min(RAMP_STEP, JOBS - jobs.length);
    for (let k = 0; k < add; k++) {
      const i = jobs.length;
      const job = makeJob(i, t);
      jobs.push(job);
      queue.set(i, nextFire(job.initial, new Date(t))!.getTime());
    }
    human(`  t=${((t - start) / 1000).toFixed(1)} s: ${jobs.length} jobs`);
    await sleep(RAMP_EVERY_MS);
  }
  await sleep(Math.max(0, end - now()));
  await sleep(2000); // grace: an occurrence due before `end` has 2 s to fire before it counts as missed
  queue.stop();
  lag.disable();

  let expected = 0;
  let missed = 0;
  let unexpected = 0;
  for (const job of jobs) {
    const want = firesBetween(job.initial, new Date(job.addedAt), new Date(end), 1_000_000).map((d) => d.getTime());
    const got = new Set(job.fired.filter((a) => a <= end));
    expected += want.length;
    for (const w of want) if (!got.delete(w)) missed++;
    unexpected += got.size;
  }
  const sorted = Float64Array.from(skews).sort();
  const p50 = quantile(sorted, 0.5);
  const p99 = quantile(sorted, 0.99);
  const max = sorted[sorted.length - 1] ?? NaN;
  const hs = Float64Array.from(handled).sort();
  const [h50, h99, hmax] = [quantile(hs, 0.5), quantile(hs, 0.99), hs[hs.length - 1] ?? NaN];
  const params = { jobs: JOBS, duration_s: DURATION_S, compressed: '20 × 1 s + rest 2–10 s; +1000 jobs / 3 s' };
  human(`  fires ${skews.length} (${(skews.length / DURATION_S).toFixed(0)}/s) in ${batches} batches (largest ${maxBatch})`);
  human(`  fire skew (callback − scheduled)       p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms    target p99 ≤ 100 ms (stretch), ≤ 1 s (target)`);
  human(`  handled skew (job rescheduled − sched.) p50 ${h50.toFixed(1)} ms, p99 ${h99.toFixed(1)} ms, max ${hmax.toFixed(1)} ms`);
  human(`  missed ${missed} of ${expected} expected occurrences, unexpected fires ${unexpected}    target zero missed`);
  human(`  event-loop delay p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms, max ${(lag.max / 1e6).toFixed(1)} ms`);
  emit(params, 'fires', skews.length, 'count');
  emit(params, 'skew_p50', p50, 'ms');
  emit(params, 'skew_p99', p99, 'ms');
  emit(params, 'skew_max', max, 'ms');
  emit(params, 'handled_skew_p50', h50, 'ms');
  emit(params, 'handled_skew_p99', h99, 'ms');
  emit(params, 'handled_skew_max', hmax, 'ms');
  emit(params, 'missed', missed, 'count');
  emit(params, 'expected', expected, 'count');
  emit(params, 'unexpected', unexpected, 'count');
}

/** One burst: `n` jobs all due at the same whole second; returns ms from that second to the last fire. */
async function burst(n: number): Promise<{ firstMs: number; lastMs: number; batches: number }> {
  const due = (Math.ceil(now() / 1000) + 2) * 1000;
  const schedules: Schedule[] = [];
  for (let i = 0; i < n; i++) {
    const zone = ZONES[i % ZONES.length]!;
    const wall = new Date(toLocal(zone, due)); // the due second as wall-clock fields of the zone
    if (i % 2 === 0) schedules.push(parseIso8601Schedule(`R/${iso(wall.getTime()).slice(0, 19)}/P1D`, zone));
    else schedules.push(parseCron(`${wall.getUTCSeconds()} ${wall.getUTCMinutes()} ${wall.getUTCHours()} * * *`, zone));
  }
  let first = Infinity;
  let last = 0;
  let fired = 0;
  let batches = 0;
  const queue = new DueQueue<number>((batch) => {
    batches++;
    first = Math.min(first, now() - batch[0]!.at);
    for (const { key, at } of batch) {
      const t = now();
      const s = schedules[key]!;
      const next = s.kind === 'iso8601' ? advanceIso(s, new Date(t)).start.getTime() : nextFire(s, new Date(at))!.getTime();
      queue.set(key, next);
      fired++;
      last = now() - at;
    }
  });
  for (let i = 0; i < n; i++) queue.set(i, nextFire(schedules[i]!, new Date(due - 1))!.getTime());
  await sleep(due - now() + 1500);
  queue.stop();
  if (fired !== n) throw new Error(`burst: ${fired} of ${n} fired`);
  return { firstMs: first, lastMs: last, batches };
}

async function main(): Promise<void> {
  const keepAlive = setInterval(() => {}, 1000); // the system clock's timers are unref'd
  human(`node ${meta.node}, cpu ${meta.cpu}, commit ${meta.commit}`);
  await steady();
  human(`burst: ${JOBS} jobs due at the same second (warm-up + 5 repeats)`);
  await burst(JOBS);
  const runs: Array<{ firstMs: number; lastMs: number; batches: number }> = [];
  for (let r = 0; r < 5; r++) runs.push(await burst(JOBS));
  const lasts = runs.map((r) => r.lastMs).sort((a, b) => a - b);
  const rates = lasts.map((ms) => JOBS / (ms / 1000));
  const params = { jobs: JOBS };
  human(`  callback after   ${runs.map((r) => r.firstMs.toFixed(1)).join(' / ')} ms (batches per burst: ${runs.map((r) => r.batches).join(' / ')})`);
  human(`  last job handled min ${lasts[0]!.toFixed(0)} / median ${lasts[2]!.toFixed(0)} / max ${lasts[4]!.toFixed(0)} ms`);
  human(`  fires/s (handled) median ${rates[2]!.toFixed(0)}    anchor: K8s density pod creation 20/s, scheduler ≈100/s`);
  emit(params, 'burst_last_fire_min', lasts[0]!, 'ms');
  emit(params, 'burst_last_fire_median', lasts[2]!, 'ms');
  emit(params, 'burst_last_fire_max', lasts[4]!, 'ms');
  emit(params, 'burst_fires_per_s_median', rates[2]!, 'fires/s');
  if (!JSON_OUT) human(`JSON lines appended to ${resultsFile}`);
  clearInterval(keepAlive);
}

await main();
