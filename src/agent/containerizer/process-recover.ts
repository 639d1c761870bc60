/**
 * Re-adopting containers after an agent restart (upstream's `--recover=reconnect`): what the
 * launcher still knows, what the run's checkpoints say, and whether the checkpointed process still
 * lives decide each container's fate. The decision is pure; gathering the facts is not.
 */
import type { ContainerState, ExitStatus } from '../launcher/protocol.js';
import { readPid, readTermination } from '../launcher/records.js';
import { readProcStat } from '../isolation/proc-table.js';

export interface RecoveryFacts {
  /** The launcher's record, when the launcher that started it is still running. */
  listed?: ContainerState;
  /** `termination.json`: the launcher reaped it (maybe while no agent listened). */
  termination?: ExitStatus;
  /** The checkpointed pid, and whether a task with that pid still runs. */
  pid?: number;
  alive: boolean;
}

export type RecoveryAction =
  | { kind: 'running'; pid: number } // the launcher still watches it: its exit will be announced
  | { kind: 'ended'; status: ExitStatus } // ended while the agent was away: report at once
  | { kind: 'orphan'; pid: number } // runs, but its launcher died: poll the pid, status will be lost
  | { kind: 'lost' } // gone, and nobody recorded how it ended
  | { kind: 'unknown' }; // never started (no pid checkpointed): nothing to re-adopt

export function recoveryAction(f: RecoveryFacts): RecoveryAction {
  if (f.listed?.running) return { kind: 'running', pid: f.listed.pid };
  if (f.listed) return { kind: 'ended', status: { exitCode: f.listed.exitCode, signal: f.listed.signal } };
  if (f.termination) return { kind: 'ended', status: f.termination };
  if (f.pid === undefined) return { kind: 'unknown' };
  return f.alive ? { kind: 'orphan', pid: f.pid } : { kind: 'lost' };
}

/**
 * Whether `pid` is still one of our tasks: alive, not a zombie, and leading its own session (every
 * task does), which guards against the pid having been reused by an unrelated process.
 */
export async function taskAlive(pid: number): Promise<boolean> {
  const s = await readProcStat(pid);
  return s !== undefined && s.state !== 'Z' && s.session === pid;
}

export async function gatherFacts(metaDir: string, listed: ContainerState | undefined): Promise<RecoveryFacts> {
  if (listed) return { listed, alive: listed.running };
  const termination = await readTermination(metaDir);
  if (termination) return { termination, alive: false };
  const pid = await readPid(metaDir);
  return pid === undefined ? { alive: false } : { pid, alive: await taskAlive(pid) };
}
