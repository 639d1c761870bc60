/**
 * `/monitor/statistics` for a Docker container: the engine's one-shot stats (cgroup v1 figures, as on
 * this machine) mapped onto ResourceStatistics (mesos.proto), the way upstream's Docker containerizer
 * reads the container's cgroups. Pure; fields the engine does not report stay absent.
 */
import type Docker from 'dockerode';
import type { ContainerLimits, ResourceStatistics } from './types.js';

type Stats = Partial<Docker.ContainerStats>;

export function statisticsOf(s: Stats, limits: ContainerLimits | undefined, now = Date.now()): ResourceStatistics {
  const cpu = s.cpu_stats;
  const mem = s.memory_stats;
  const ms = (mem?.stats ?? {}) as Partial<Record<string, number>>;
  const out: ResourceStatistics = { timestamp: now / 1000 };
  if (limits) {
    out.cpus_limit = limits.cpus;
    out.mem_limit_bytes = limits.memMb * 1024 * 1024;
  }
  if (cpu?.cpu_usage) {
    out.cpus_user_time_secs = cpu.cpu_usage.usage_in_usermode / 1e9;
    out.cpus_system_time_secs = cpu.cpu_usage.usage_in_kernelmode / 1e9;
  }
  if (cpu?.throttling_data) {
    out.cpus_nr_periods = cpu.throttling_data.periods;
    out.cpus_nr_throttled = cpu.throttling_data.throttled_periods;
    out.cpus_throttled_time_secs = cpu.throttling_data.throttled_time / 1e9;
  }
  const rss = ms.total_rss ?? ms.rss ?? ms.anon;
  if (rss !== undefined) out.mem_rss_bytes = rss;
  if (mem?.usage !== undefined) out.mem_total_bytes = mem.usage;
  const cache = ms.total_cache ?? ms.cache ?? ms.file;
  if (cache !== undefined) out.mem_cache_bytes = cache;
  if (ms.total_mapped_file !== undefined) out.mem_mapped_file_bytes = ms.total_mapped_file;
  const pids = (s as { pids_stats?: { current?: number } }).pids_stats?.current;
  if (pids !== undefined) out.processes = pids;
  return out;
}
