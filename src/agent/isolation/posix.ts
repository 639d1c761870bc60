/**
 * `posix/cpu` and `posix/mem` (upstream's default isolation): no limits, usage from `/proc`
 * summed over the task's session.
 */
import type { ResourceStatistics } from '../containerizer/types.js';
import type { Isolator, Placement } from './isolator.js';
import { ProcTable, systemConstants } from './proc-table.js';
import { procStatistics } from './stats.js';

export class PosixIsolator implements Isolator {
  readonly kind = 'posix' as const;
  readonly watchesMemory = false;
  private readonly procs = new ProcTable();

  prepare(): Promise<Placement> {
    return Promise.resolve({ cgroups: [] });
  }

  async usage(_containerId: string, pid: number | undefined): Promise<Partial<ResourceStatistics>> {
    if (pid === undefined) return {};
    const { clockTick, pageSize } = systemConstants();
    return procStatistics(await this.procs.session(pid), clockTick, pageSize);
  }

  oomKilled(): Promise<boolean> {
    return Promise.resolve(false);
  }

  limitation(): Promise<string | undefined> {
    return Promise.resolve(undefined);
  }

  signalAll(): Promise<void> {
    return Promise.resolve();
  }

  cleanup(): Promise<void> {
    return Promise.resolve();
  }

  recover(): Promise<void> {
    return Promise.resolve();
  }
}
