/**
 * Entry point of the per-work_dir task launcher: `node main.js <work_dir> [--idle-ms=N]`.
 *
 * Upstream keeps every task under its own executor process so tasks survive an agent restart and
 * their exit statuses are still known afterwards. tsmesos gets the same guarantees from this one
 * small, detached process per agent (one extra process per task would halve the spawn rate, and a
 * small parent forks faster than the agent). The agent starts it detached in its own session, so a
 * `kill -9` of the agent leaves it, and the tasks it reaps, untouched.
 *
 * Keep the import graph to node builtins and this folder: it is started often and should be cheap.
 */
import { realpathSync } from 'node:fs';
import { LauncherServer } from './server.js';

const DEFAULT_IDLE_MS = 30_000;

function parseArgs(argv: string[]): { workDir: string; idleMs: number } {
  let workDir: string | undefined;
  let idleMs = DEFAULT_IDLE_MS;
  for (const a of argv) {
    const m = /^--idle-ms=(\d+)$/.exec(a);
    if (m) idleMs = Number(m[1]);
    else if (!a.startsWith('--')) workDir = a;
  }
  if (!workDir) throw new Error('usage: launcher <work_dir> [--idle-ms=N]');
  return { workDir, idleMs };
}

function log(msg: string): void {
  process.stderr.write(`${new Date().toISOString()} launcher[${process.pid}] ${msg}\n`);
}

async function main(): Promise<void> {
  const { workDir, idleMs } = parseArgs(process.argv.slice(2));
  const server = new LauncherServer({ workDir, idleMs, log });
  if (!(await server.start(realpathSync(workDir)))) {
    log(`another launcher serves ${workDir}; exiting`);
    return;
  }
  log(`serving ${workDir}`);
  process.on('SIGTERM', () => {
    log('SIGTERM: stopping; tasks keep running');
    server.stop();
    process.exit(0);
  });
  process.on('SIGHUP', () => log('SIGHUP ignored'));
  // Losing the launcher loses the exit statuses of every running task, so a bug in one request
  // must not take it down.
  process.on('uncaughtException', (e) => log(`uncaught: ${e.stack ?? e.message}`));
}

main().catch((e: Error) => {
  log(`fatal: ${e.stack ?? e.message}`);
  process.exit(1);
});
