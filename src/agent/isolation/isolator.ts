/**
 * The isolation seam of the process containerizer, after upstream's isolators: something that
 * prepares a container before launch (cgroups with limits), measures it, tells an OOM kill apart
 * from an ordinary death, and cleans up after it. `posix/*` measures only; `cgroups/*` limits too.
 */
import type { ContainerLimits, ResourceStatistics } from '../containerizer/types.js';

/** Where a container's processes live, in the launcher's terms. */
export interface Placement {
  /** cgroup directories the task joins before it runs. */
  cgroups: string[];
  /** A cgroup v2 directory with `cgroup.kill`, for killing everything at once. */
  killCgroup?: string;
}

export interface ExitInfo {
  exitCode: number | null;
  signal: string | null;
}

export interface Isolator {
  readonly kind: 'posix' | 'cgroups';
  /** Whether `oomKilled` means anything (a memory cgroup is in use), so polling it is worthwhile. */
  readonly watchesMemory: boolean;
  /** Creates the container's isolation (cgroups with its limits) and says where to put it. */
  prepare(containerId: string, limits: ContainerLimits): Promise<Placement>;
  /** Usage of a running container; `pid` is the task's main process (its session leader). */
  usage(containerId: string, pid: number | undefined): Promise<Partial<ResourceStatistics>>;
  /** Whether the kernel has OOM-killed something in the container (checked while it runs). */
  oomKilled(containerId: string): Promise<boolean>;
  /** After the container ended: upstream's limitation message when it died of its memory limit. */
  limitation(containerId: string, exit: ExitInfo): Promise<string | undefined>;
  /** Signals every process the isolation can see (cgroup members, beyond the process group). */
  signalAll(containerId: string, signal: NodeJS.Signals): Promise<void>;
  /** Removes what `prepare` made, killing stragglers first. */
  cleanup(containerId: string): Promise<void>;
  /** After an agent restart: cleans up leftovers of containers that are not in `live`. */
  recover(live: Set<string>): Promise<void>;
}
