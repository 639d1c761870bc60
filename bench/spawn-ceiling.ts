/**
 * The spawn ceiling of this machine (reference/benchmarks.md §6.1) against what the process
 * containerizer reaches through its launcher, so benchmark (g) can be read as a fraction of the
 * physical limit rather than a guess.
 *
 *   raw           `spawn('/bin/true')` from this process, 1/4/W in flight, until all exited
 *   containerizer ProcessContainerizer.launch through the work_dir launcher (posix, and cgroups
 *                 when usable) until the pid is known (= TASK_RUNNING), sandboxes made beforehand
 *                 as the agent makes them; then `sleep 3600` launched and killed
 *
 * Usage: node dist/bench/spawn-ceiling.js [--n 1000] [--window 16] [--root DIR] [--no-cgroups]
 * Prints one JSON line per measurement. `--root` is where the work_dir goes (default: the temp
 * dir); file creation speed there matters, since each launch creates several files.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { silentLogger } from '../src/lib/logger.js';
import { ProcessContainerizer } from '../src/agent/containerizer/process.js';
import type { LaunchSpec } from '../src/agent/containerizer/types.js';
import { createRun } from '../src/agent/paths.js';

const args = process.argv.slice(2);
if (args.includes('--help')) {
  process.stdout.write('Usage: node dist/bench/spawn-ceiling.js [--n 1000] [--window 16] [--root DIR] [--no-cgroups]\n');
  process.exit(0);
}
const opt = (name: string, d: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : d;
};
const N = opt('--n', 1000);
const WINDOW = opt('--window', 16);
const ROOT = args.includes('--root') ? args[args.indexOf('--root') + 1]! : tmpdir();

const print = (o: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify({ bench: 'spawn-ceiling', n: N, window: WINDOW, root: ROOT, ...o })}\n`);
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);

/** Runs `job(i)` for i < n with at most `window` in flight; returns elapsed ms. */
async function pool(n: number, window: number, job: (i: number) => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < n) await job(next++);
  };
  await Promise.all(Array.from({ length: Math.min(window, n) }, worker));
  return performance.now() - t0;
}

async function raw(window: number): Promise<void> {
  const ms = await pool(N, window, () => new Promise((r) => spawn('/bin/true', { stdio: 'ignore' }).once('exit', r)));
  print({ what: 'raw spawn /bin/true until exit', inFlight: window, perSec: rate(N, ms) });
}

async function containerizer(isolation: string[], label: string): Promise<void> {
  const workDir = mkdtempSync(join(ROOT, 'tsmesos-bench-'));
  const prefix = `tsmesos-bench-${process.pid}`;
  const cz = new ProcessContainerizer({ workDir, isolation, switchUser: false, log: silentLogger, cgroupsHierarchyPrefix: prefix, launcherIdleMs: 1_000 });
  const specs = (value: string): LaunchSpec[] =>
    Array.from({ length: N }, (_, i) => {
      const id = `${label}-${value.replace(/\W/g, '')}-${i}`;
      const run = createRun(workDir, 'S0', 'fw', id, id);
      return { containerId: id, frameworkId: 'fw', executorId: id, taskId: id, sandbox: run.sandbox, metaDir: run.metaDir, command: { value }, env: { PATH: '/usr/bin:/bin' }, limits: { cpus: 0.1, memMb: 32 } };
    });
  try {
    await cz.recover([]); // start the launcher outside the timing
    const trues = specs('/bin/true');
    let ms = await pool(N, WINDOW, (i) => cz.launch(trues[i]!));
    print({ what: `${label}: launch /bin/true → started`, perSec: rate(N, ms) });
    const t0 = performance.now();
    await Promise.all(trues.map((s) => cz.wait(s.containerId)));
    print({ what: `${label}: /bin/true all ended (incl. checkpoint + cleanup)`, extraMs: Math.round(performance.now() - t0) });
    const sleeps = specs('sleep 3600');
    ms = await pool(N, WINDOW, (i) => cz.launch(sleeps[i]!));
    print({ what: `${label}: launch sleep 3600 → started`, perSec: rate(N, ms) });
    const k0 = performance.now();
    await Promise.all(sleeps.map((s) => cz.kill(s.containerId, 3_000)));
    print({ what: `${label}: kill sleep 3600 → ended`, perSec: rate(N, performance.now() - k0) });
  } finally {
    await cz.close();
    rmSync(workDir, { recursive: true, force: true });
    for (const h of readdirSync('/sys/fs/cgroup')) {
      try {
        rmdirSync(join('/sys/fs/cgroup', h, prefix));
      } catch {
        /* not made in this hierarchy */
      }
    }
  }
}

await raw(1);
await raw(4);
await raw(WINDOW);
await containerizer(['posix/cpu', 'posix/mem'], 'posix');
if (!args.includes('--no-cgroups')) {
  try {
    await containerizer(['cgroups/cpu', 'cgroups/mem'], 'cgroups');
  } catch (e) {
    print({ what: 'cgroups skipped', reason: (e as Error).message });
  }
}
