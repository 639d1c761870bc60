/**
 * The contract between the agent and whatever runs containers (style-guide convention 5): the process
 * ("mesos") containerizer, the Docker one, and a fake. The agent owns sandboxes, status updates and
 * checkpoints; a containerizer only starts, watches, kills and measures containers, and re-adopts
 * them after an agent restart.
 */
import type { CommandInfoV1 } from '../../protocol/v1/types.js';

/** Resource limits of a container, from the task's (and executor's) resources. */
export interface ContainerLimits {
  cpus: number;
  memMb: number;
  diskMb?: number;
}

export interface LaunchSpec {
  /** UUID, unique per run; Docker names containers `mesos-<containerId>`. */
  containerId: string;
  frameworkId: string;
  executorId: string;
  taskId: string;
  /** Absolute sandbox directory; exists; `stdout` and `stderr` files go in it. */
  sandbox: string;
  /** Where the containerizer may keep per-container checkpoint files (exists). */
  metaDir: string;
  /** What to run: `shell` (default true) runs `/bin/sh -c value`; else `value` with `arguments` as argv. */
  command: CommandInfoV1;
  /** The complete environment of the task (the agent already merged MESOS_*, PORT*, task variables). */
  env: Record<string, string>;
  /** Run as this user when set (and `--switch_user`). */
  user?: string;
  limits: ContainerLimits;
  /** ContainerInfo JSON for containerizers that need it (Docker). */
  container?: unknown;
}

/** Why a container ended, in the words status updates need. */
export interface ContainerTermination {
  /** Exit status when it exited, else null. */
  exitCode: number | null;
  /** Signal name when it was killed by one (`SIGKILL`), else null. */
  signal: string | null;
  /** True when the kernel killed it for exceeding its memory limit. */
  oom: boolean;
  /** Human text for TaskStatus.message, e.g. "Command exited with status 3". */
  message: string;
}

/** ResourceStatistics (mesos.proto) fields `/monitor/statistics` reports; absent = unknown. */
export interface ResourceStatistics {
  timestamp: number;
  cpus_user_time_secs?: number;
  cpus_system_time_secs?: number;
  cpus_limit?: number;
  cpus_nr_periods?: number;
  cpus_nr_throttled?: number;
  cpus_throttled_time_secs?: number;
  mem_rss_bytes?: number;
  mem_limit_bytes?: number;
  /** memory.usage_in_bytes of the container's memory cgroup (cgroups isolation only). */
  mem_total_bytes?: number;
  mem_cache_bytes?: number;
  mem_anon_bytes?: number;
  mem_file_bytes?: number;
  mem_mapped_file_bytes?: number;
  processes?: number;
  threads?: number;
}

export interface Containerizer {
  /** Short name for logs and `/flags` (`mesos`, `docker`, `fake`). */
  readonly name: string;
  /** Whether this containerizer runs `container` (e.g. Docker only takes `type: DOCKER`). */
  accepts(container: unknown): boolean;
  /** Starts the container; resolves once its process runs (→ TASK_RUNNING), rejects if it could not. */
  launch(spec: LaunchSpec): Promise<{ pid?: number }>;
  /** Resolves once the container has ended (works for re-adopted containers too). */
  wait(containerId: string): Promise<ContainerTermination>;
  /** SIGTERM to the whole container, SIGKILL after `gracePeriodMs`; resolves when it is gone. */
  kill(containerId: string, gracePeriodMs: number): Promise<void>;
  usage(containerId: string): Promise<ResourceStatistics | undefined>;
  /**
   * After an agent restart: re-adopt the containers the agent checkpointed (still running ones keep
   * running and their later exits are reported through `wait`); returns the ids it could re-adopt.
   */
  recover(known: Array<{ containerId: string; metaDir: string; sandbox: string }>): Promise<string[]>;
  /** Releases resources held by the containerizer itself (sockets, timers); containers keep running. */
  close(): Promise<void>;
}
