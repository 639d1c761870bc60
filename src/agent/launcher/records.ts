/**
 * Per-container checkpoint files in the run's meta directory, written by the launcher:
 * `pid` (so a later agent can find the process even when the launcher is gone) and
 * `termination.json` (so an exit that happened while no agent listened is not lost). Upstream
 * checkpoints the forked pid and the executor's exit status in the same meta tree.
 */
import { open, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONTAINER_PID_FILE, TERMINATION_FILE, type TerminationRecord } from './protocol.js';

/**
 * Writes `data` so a reader sees either the old file or the whole new one, and the new one survives
 * a crash once this resolves: write a temporary file, fsync it, rename it over the target.
 */
export async function writeDurably(path: string, data: string): Promise<void> {
  const tmp = `${path}.tmp`;
  const fh = await open(tmp, 'w', 0o644);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
}

export function writeTermination(metaDir: string, rec: TerminationRecord): Promise<void> {
  return writeDurably(join(metaDir, TERMINATION_FILE), JSON.stringify(rec));
}

/** The recorded exit of a container, or undefined when none was written (or it is unreadable). */
export async function readTermination(metaDir: string): Promise<TerminationRecord | undefined> {
  try {
    const rec = JSON.parse(await readFile(join(metaDir, TERMINATION_FILE), 'utf8')) as TerminationRecord;
    return typeof rec === 'object' && rec !== null && 'exitCode' in rec ? rec : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Records the task's pid before the launch is reported, so "started" always implies "findable
 * later". No fsync: it only has to outlive the agent and launcher *processes*, and the page cache
 * does; after a machine crash the task is gone anyway. Asynchronous, so the launcher's event loop
 * goes on spawning while the thread pool creates the file (on a busy directory that costs as much
 * as a fork).
 */
export function writePid(metaDir: string, pid: number): Promise<void> {
  return writeFile(join(metaDir, CONTAINER_PID_FILE), `${pid}\n`);
}

export async function readPid(metaDir: string): Promise<number | undefined> {
  try {
    const n = Number.parseInt(await readFile(join(metaDir, CONTAINER_PID_FILE), 'utf8'), 10);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

