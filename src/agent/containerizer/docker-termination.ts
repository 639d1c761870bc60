/**
 * How a Docker container's end reads in a TaskStatus, in the process containerizer's words
 * (`Command exited with status N`, `Command terminated with signal …`, `Memory limit exceeded: …`).
 * The engine only reports an exit code: a process killed by signal N shows as 128+N, which is read as
 * that signal when the containerizer itself was stopping the container (otherwise a script's own
 * `exit 137` would be misreported). An OOM kill — the engine's `oom` event or `State.OOMKilled` —
 * wins over everything, as upstream's memory limitation does.
 */
import { constants } from 'node:os';
import { memoryLimitMessage } from '../isolation/stats.js';
import { terminationMessage } from './process-command.js';
import type { ContainerTermination } from './types.js';

const SIGNAL_NAMES = new Map<number, string>(Object.entries(constants.signals).map(([name, n]) => [n, name]));

export interface ExitFacts {
  /** `State.ExitCode`; null when the container vanished before it could be inspected. */
  exitCode: number | null;
  oomKilled: boolean;
  /** The containerizer was stopping the container (kill, or an OOM destroy). */
  stopping: boolean;
  memLimitBytes?: number;
}

export function dockerTermination(f: ExitFacts): ContainerTermination {
  const sig = f.exitCode !== null && f.exitCode > 128 ? SIGNAL_NAMES.get(f.exitCode - 128) : undefined;
  const signal = sig && (f.stopping || f.oomKilled) ? sig : null;
  const exitCode = signal ? null : f.exitCode;
  if (f.oomKilled) {
    // The cgroup is gone with the container, so its peak usage is too; an OOM kill means it hit the limit.
    const limit = f.memLimitBytes ?? 0;
    return { exitCode, signal, oom: true, message: memoryLimitMessage(limit, limit) };
  }
  return { exitCode, signal, oom: false, message: f.exitCode === null && !signal ? 'Container ended but its exit status could not be read from the Docker engine' : terminationMessage(exitCode, signal) };
}
