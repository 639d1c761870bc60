/**
 * Shared fixtures of the containerizer suites: temporary work_dirs laid out as the agent lays them
 * out, specs, a /proc scan for a test's processes, and cleanup that leaves no launcher, task,
 * cgroup or directory behind.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '../../../test/helpers/wait.js';
import type { CommandInfoV1 } from '../../protocol/v1/types.js';
import { createRun } from '../paths.js';
import type { LaunchSpec } from './types.js';

/** Every task a suite starts carries this variable, so stragglers can be found and killed. */
export const MARK_VAR = 'TSMESOS_TEST_MARK';

export function makeWorkDir(tag: string): string {
  return mkdtempSync(join(tmpdir(), `tsmesos-${tag}-`));
}

export interface SpecOptions {
  env?: Record<string, string>;
  user?: string;
  cpus?: number;
  memMb?: number;
}

/** A spec with a fresh container id, sandbox and meta directory under `workDir`. */
export function makeSpec(workDir: string, mark: string, command: CommandInfoV1 | string, o: SpecOptions = {}): LaunchSpec {
  const containerId = randomUUID();
  const taskId = `task-${containerId.slice(0, 8)}`;
  const run = createRun(workDir, 'agent-S0', 'fw-0000', taskId, containerId);
  return {
    containerId,
    frameworkId: 'fw-0000',
    executorId: taskId,
    taskId,
    sandbox: run.sandbox,
    metaDir: run.metaDir,
    command: typeof command === 'string' ? { value: command } : command,
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', [MARK_VAR]: mark, ...o.env },
    ...(o.user ? { user: o.user } : {}),
    limits: { cpus: o.cpus ?? 0.5, memMb: o.memMb ?? 64 },
  };
}

export function readSandbox(spec: LaunchSpec, file: 'stdout' | 'stderr'): string {
  try {
    return readFileSync(join(spec.sandbox, file), 'utf8');
  } catch {
    return '';
  }
}

/** Pids of live processes whose environment holds `MARK_VAR=mark` (zombies have none). */
export function markedPids(mark: string): number[] {
  const needle = `${MARK_VAR}=${mark}`;
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/environ`, 'utf8').split('\0').includes(needle)) out.push(Number(name));
    } catch {
      /* exited or not ours to read */
    }
  }
  return out;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** The launcher serving `workDir`, if one runs. */
export function launcherPid(workDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(workDir, 'launcher.pid'), 'utf8'));
    return alive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Kills the suite's stragglers and launchers, then removes the work_dirs. */
export async function cleanupWorkDirs(mark: string, workDirs: string[]): Promise<void> {
  for (const pid of markedPids(mark)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  for (const dir of workDirs) {
    const pid = launcherPid(dir);
    if (pid !== undefined) {
      process.kill(pid, 'SIGTERM');
      await waitFor(() => !alive(pid), `launcher ${pid} to exit`);
    }
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
  await waitFor(() => markedPids(mark).length === 0, 'test processes to die');
}
