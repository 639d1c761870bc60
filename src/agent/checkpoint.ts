/**
 * Agent checkpoints (mesos-api.md §7 "Checkpointing"): for frameworks with `checkpoint: true` the
 * agent records FrameworkInfo, ExecutorInfo, each run and each task with its unacknowledged status
 * updates under `<work_dir>/meta/slaves/<agentId>/…`, so a restarted agent can re-adopt running
 * tasks and re-send updates. Every file is written to a temp name, fsync'd and renamed.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ExecutorInfoV1, FrameworkInfoV1, TaskInfoV1, TaskStateName, TaskStatusV1 } from '../protocol/v1/types.js';
import { metaRoot } from './paths.js';

/** Writes JSON durably: tmp file, fsync, rename, fsync of the directory. */
export function writeJsonDurably(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, JSON.stringify(value));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  const dfd = openSync(dirname(path), 'r');
  try {
    fsyncSync(dfd);
  } finally {
    closeSync(dfd);
  }
}

function readJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function dirs(path: string): string[] {
  try {
    return readdirSync(path, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  } catch {
    return [];
  }
}

export interface TaskCheckpoint {
  info: TaskInfoV1;
  state: TaskStateName;
  statuses: TaskStatusV1[];
  /** Updates sent but not yet acknowledged, oldest first. */
  pending: TaskStatusV1[];
}

export interface RunCheckpoint {
  containerId: string;
  containerizer: string;
  sandbox: string;
  metaDir: string;
  /** Task ids of the run (one for command tasks, several for a task group). */
  taskIds: string[];
  /** Per-task container ids for task groups (task id → container id). */
  containers?: Record<string, string>;
}

export interface RecoveredExecutor {
  info: ExecutorInfoV1;
  run?: RunCheckpoint;
  tasks: TaskCheckpoint[];
}

export interface RecoveredFramework {
  info: FrameworkInfoV1;
  executors: RecoveredExecutor[];
}

/** Paths of one agent's checkpoint tree. */
export class CheckpointStore {
  readonly root: string;

  constructor(workDir: string, agentId: string) {
    this.root = join(metaRoot(workDir), 'slaves', agentId);
  }

  private fw(fwId: string): string {
    return join(this.root, 'frameworks', fwId);
  }
  private ex(fwId: string, exId: string): string {
    return join(this.fw(fwId), 'executors', exId);
  }

  saveFramework(info: FrameworkInfoV1): void {
    writeJsonDurably(join(this.fw(info.id!.value), 'framework.info'), info);
  }
  saveExecutor(fwId: string, info: ExecutorInfoV1): void {
    writeJsonDurably(join(this.ex(fwId, info.executor_id.value), 'executor.info'), info);
  }
  saveRun(fwId: string, exId: string, run: RunCheckpoint): void {
    writeJsonDurably(join(this.ex(fwId, exId), 'runs', run.containerId, 'run.info'), run);
    writeJsonDurably(join(this.ex(fwId, exId), 'runs', 'latest.info'), { containerId: run.containerId });
  }
  saveTask(fwId: string, exId: string, containerId: string, task: TaskCheckpoint): void {
    writeJsonDurably(join(this.ex(fwId, exId), 'runs', containerId, 'tasks', task.info.task_id.value, 'task.info'), task);
  }

  /** Everything checkpointed for the latest run of every executor. */
  load(): RecoveredFramework[] {
    const out: RecoveredFramework[] = [];
    for (const fwId of dirs(join(this.root, 'frameworks'))) {
      const info = readJson<FrameworkInfoV1>(join(this.fw(fwId), 'framework.info'));
      if (!info) continue;
      const executors: RecoveredExecutor[] = [];
      for (const exId of dirs(join(this.fw(fwId), 'executors'))) {
        const exInfo = readJson<ExecutorInfoV1>(join(this.ex(fwId, exId), 'executor.info'));
        if (!exInfo) continue;
        const latest = readJson<{ containerId: string }>(join(this.ex(fwId, exId), 'runs', 'latest.info'));
        const run = latest && readJson<RunCheckpoint>(join(this.ex(fwId, exId), 'runs', latest.containerId, 'run.info'));
        const tasks: TaskCheckpoint[] = [];
        if (run) {
          const tasksDir = join(this.ex(fwId, exId), 'runs', run.containerId, 'tasks');
          for (const t of dirs(tasksDir)) {
            const tc = readJson<TaskCheckpoint>(join(tasksDir, t, 'task.info'));
            if (tc) tasks.push(tc);
          }
        }
        executors.push({ info: exInfo, run, tasks });
      }
      out.push({ info, executors });
    }
    return out;
  }
}
