/**
 * `cgroups/cpu` and `cgroups/mem`, after upstream's cgroups isolators: each container gets
 * `<root>/<hierarchy>/<prefix>/<containerId>` in the v1 `cpu` + `cpuacct` (cpu.shares, optional CFS
 * quota), `memory` (limit_in_bytes and soft limit; swap left alone) and, when present, `pids`
 * hierarchies, plus a v2 child in the unified tree whose `cgroup.kill` ends everything at once.
 * Groups are removed once the container has ended.
 */
import { readdir, readFile, rmdir, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContainerLimits, ResourceStatistics } from '../containerizer/types.js';
import { detectHierarchies, missingControllers, type Hierarchies } from './detect.js';
import type { ExitInfo, Isolator, Placement } from './isolator.js';
import { cfsQuotaUs, cpuShares, DEFAULT_CFS_PERIOD_US, memoryLimitBytes } from './limits.js';
import { PosixIsolator } from './posix.js';
import { systemConstants } from './proc-table.js';
import { cgroupStatistics, memoryLimitMessage, oomKilled, type CgroupFiles } from './stats.js';

export interface CgroupsOptions {
  root: string;
  /** The directory under each hierarchy that holds tsmesos' groups (upstream: `mesos`). */
  prefix: string;
  cpu: boolean;
  mem: boolean;
  enableCfs: boolean;
}

const read = (path: string) => readFile(path, 'utf8').catch(() => undefined);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class CgroupsIsolator implements Isolator {
  readonly kind = 'cgroups' as const;
  readonly watchesMemory: boolean;
  private readonly h: Hierarchies;
  /** Every hierarchy mount a container joins (co-mounted controllers appear once). */
  private readonly mounts: string[];
  /** Without `cgroups/cpu`, CPU times still come from `/proc`. */
  private readonly posix = new PosixIsolator();

  /** Throws, listing what is missing, when the machine cannot provide the requested isolation. */
  constructor(private readonly opts: CgroupsOptions) {
    this.h = detectHierarchies(opts.root);
    const missing = missingControllers(this.h, opts, opts.root);
    if (missing.length > 0) {
      throw new Error(`cgroups isolation is not usable: ${missing.join('; ')}`);
    }
    this.watchesMemory = opts.mem;
    const v1 = this.h.v1;
    const mounts = [
      ...(opts.cpu ? [v1.cpu, v1.cpuacct] : []),
      ...(opts.mem ? [v1.memory] : []),
      v1.pids,
      this.h.unified,
    ];
    this.mounts = [...new Set(mounts.filter((m): m is string => m !== undefined))];
  }

  /** The container's group in one hierarchy mount. */
  dir(mount: string, containerId: string): string {
    return join(mount, this.opts.prefix, containerId);
  }

  private ctl(c: 'cpu' | 'cpuacct' | 'memory' | 'pids', containerId: string): string | undefined {
    const mount = this.h.v1[c];
    return mount && this.mounts.includes(mount) ? this.dir(mount, containerId) : undefined;
  }

  placement(containerId: string): Placement {
    return {
      cgroups: this.mounts.map((m) => this.dir(m, containerId)),
      ...(this.h.unified ? { killCgroup: this.dir(this.h.unified, containerId) } : {}),
    };
  }

  async prepare(containerId: string, limits: ContainerLimits): Promise<Placement> {
    await Promise.all(this.mounts.map((m) => mkdir(this.dir(m, containerId), { recursive: true })));
    const writes: Array<Promise<void>> = [];
    const cpu = this.ctl('cpu', containerId);
    if (cpu) {
      writes.push(writeFile(join(cpu, 'cpu.shares'), String(cpuShares(limits.cpus))));
      if (this.opts.enableCfs) {
        const period = Number(await read(join(cpu, 'cpu.cfs_period_us'))) || DEFAULT_CFS_PERIOD_US;
        writes.push(writeFile(join(cpu, 'cpu.cfs_quota_us'), String(cfsQuotaUs(limits.cpus, period))));
      }
    }
    const mem = this.ctl('memory', containerId);
    if (mem) {
      const bytes = String(memoryLimitBytes(limits.memMb));
      writes.push(
        writeFile(join(mem, 'memory.limit_in_bytes'), bytes).then(() =>
          writeFile(join(mem, 'memory.soft_limit_in_bytes'), bytes),
        ),
      );
    }
    await Promise.all(writes);
    return this.placement(containerId);
  }

  async usage(containerId: string, pid: number | undefined): Promise<Partial<ResourceStatistics>> {
    const cpu = this.ctl('cpu', containerId);
    const acct = this.ctl('cpuacct', containerId);
    const mem = this.ctl('memory', containerId);
    const any = this.ctl('pids', containerId) ?? this.placement(containerId).cgroups[0];
    const files: CgroupFiles = {};
    const jobs: Array<Promise<unknown>> = [];
    const load = (key: keyof CgroupFiles, path: string | undefined) => {
      if (path) jobs.push(read(path).then((t) => t !== undefined && (files[key] = t)));
    };
    load('cpuacctStat', acct && join(acct, 'cpuacct.stat'));
    load('cpuStat', cpu && join(cpu, 'cpu.stat'));
    load('memoryStat', mem && join(mem, 'memory.stat'));
    load('memoryUsage', mem && join(mem, 'memory.usage_in_bytes'));
    load('memoryLimit', mem && join(mem, 'memory.limit_in_bytes'));
    load('procs', any && join(any, 'cgroup.procs'));
    load('tasks', any && join(any, 'tasks'));
    const fallback = this.opts.cpu ? Promise.resolve({}) : this.posix.usage(containerId, pid);
    const [, base] = await Promise.all([Promise.all(jobs), fallback]);
    return { ...base, ...cgroupStatistics(files, systemConstants().clockTick) };
  }

  async oomKilled(containerId: string): Promise<boolean> {
    const mem = this.ctl('memory', containerId);
    const ctl = mem && (await read(join(mem, 'memory.oom_control')));
    return ctl !== undefined && oomKilled(ctl, 0, null, null);
  }

  async limitation(containerId: string, exit: ExitInfo): Promise<string | undefined> {
    const mem = this.ctl('memory', containerId);
    if (!mem) return undefined;
    const f = (name: string) => read(join(mem, name));
    const [ctl, failcnt, limit, max, stat] = await Promise.all(
      ['memory.oom_control', 'memory.failcnt', 'memory.limit_in_bytes', 'memory.max_usage_in_bytes', 'memory.stat'].map(f),
    );
    if (ctl === undefined || !oomKilled(ctl, Number(failcnt) || 0, exit.signal, exit.exitCode)) return undefined;
    return memoryLimitMessage(Number(limit), Number(max), stat);
  }

  async signalAll(containerId: string, signal: NodeJS.Signals): Promise<void> {
    const p = this.placement(containerId);
    if (signal === 'SIGKILL' && p.killCgroup) await writeFile(join(p.killCgroup, 'cgroup.kill'), '1').catch(() => {});
    const procs = await read(join(p.killCgroup ?? p.cgroups[0]!, 'cgroup.procs'));
    for (const line of (procs ?? '').split('\n')) {
      const pid = Number.parseInt(line, 10);
      if (pid > 0) {
        try {
          process.kill(pid, signal);
        } catch {
          /* gone */
        }
      }
    }
  }

  /** Kills stragglers and removes every group; retries while the kernel still counts members. */
  async cleanup(containerId: string): Promise<void> {
    await this.signalAll(containerId, 'SIGKILL');
    const deadline = Date.now() + 5_000;
    for (const mount of this.mounts) {
      const dir = this.dir(mount, containerId);
      for (;;) {
        try {
          await rmdir(dir);
          break;
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'ENOENT') break;
          if (code !== 'EBUSY' || Date.now() > deadline) throw new Error(`cannot remove cgroup ${dir}: ${code}`);
          await this.signalAll(containerId, 'SIGKILL');
          await pause(10);
        }
      }
    }
  }

  async recover(live: Set<string>): Promise<void> {
    const stale = new Set<string>();
    for (const mount of this.mounts) {
      const entries = await readdir(join(mount, this.opts.prefix), { withFileTypes: true }).catch(() => []);
      for (const e of entries) if (e.isDirectory() && !live.has(e.name)) stale.add(e.name);
    }
    await Promise.all([...stale].map((id) => this.cleanup(id).catch(() => {})));
  }
}
