/**
 * Parsing of the kernel's accounting files into ResourceStatistics fields (pure), the way
 * upstream's cgroups and posix isolators fill `/monitor/statistics`, plus the OOM verdict and the
 * "Memory limit exceeded" message upstream's memory isolator raises.
 */
import type { ResourceStatistics } from '../containerizer/types.js';
import { formatBytes } from './limits.js';

/** `key value` lines (cpuacct.stat, cpu.stat, memory.stat, memory.oom_control) → numbers. */
export function parseKeyValues(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const [k, v] = line.trim().split(/\s+/);
    if (k && v !== undefined && /^-?\d+$/.test(v)) out.set(k, Number(v));
  }
  return out;
}

/** The fields of `/proc/<pid>/stat` the agent uses. */
export interface ProcStat {
  pid: number;
  state: string;
  ppid: number;
  pgrp: number;
  session: number;
  /** Clock ticks. */
  utime: number;
  stime: number;
  threads: number;
  rssPages: number;
}

/**
 * Parses `/proc/<pid>/stat`. The command name sits in parentheses and may itself contain spaces
 * and parentheses, so fields are counted from the *last* `)`.
 */
export function parseProcStat(text: string): ProcStat | undefined {
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  const pid = Number.parseInt(text, 10);
  const f = text.slice(close + 2).trim().split(' '); // f[0] is field 3 (state)
  if (f.length < 22) return undefined;
  const n = (field: number) => Number(f[field - 3]);
  return {
    pid,
    state: f[0]!,
    ppid: n(4),
    pgrp: n(5),
    session: n(6),
    utime: n(14),
    stime: n(15),
    threads: n(20),
    rssPages: n(24),
  };
}

/** Sums the processes of one container (posix isolation: the task's session) into statistics. */
export function procStatistics(procs: ProcStat[], clockTick: number, pageSize: number): Partial<ResourceStatistics> {
  let ut = 0;
  let st = 0;
  let rss = 0;
  let threads = 0;
  for (const p of procs) {
    ut += p.utime;
    st += p.stime;
    rss += p.rssPages;
    threads += p.threads;
  }
  return {
    cpus_user_time_secs: ut / clockTick,
    cpus_system_time_secs: st / clockTick,
    mem_rss_bytes: rss * pageSize,
    processes: procs.length,
    threads,
  };
}

/** The raw file contents of a container's cgroups; absent when that controller is not in use. */
export interface CgroupFiles {
  cpuacctStat?: string;
  cpuStat?: string;
  memoryStat?: string;
  memoryUsage?: string;
  memoryLimit?: string;
  procs?: string;
  tasks?: string;
}

const lineCount = (s: string) => s.split('\n').filter((l) => l.trim() !== '').length;

/** Statistics from cgroup v1 files: times in USER_HZ ticks and nanoseconds become seconds. */
export function cgroupStatistics(files: CgroupFiles, clockTick: number): Partial<ResourceStatistics> {
  const out: Partial<ResourceStatistics> = {};
  if (files.cpuacctStat !== undefined) {
    const kv = parseKeyValues(files.cpuacctStat);
    out.cpus_user_time_secs = (kv.get('user') ?? 0) / clockTick;
    out.cpus_system_time_secs = (kv.get('system') ?? 0) / clockTick;
  }
  if (files.cpuStat !== undefined) {
    const kv = parseKeyValues(files.cpuStat);
    out.cpus_nr_periods = kv.get('nr_periods') ?? 0;
    out.cpus_nr_throttled = kv.get('nr_throttled') ?? 0;
    out.cpus_throttled_time_secs = (kv.get('throttled_time') ?? 0) / 1e9;
  }
  if (files.memoryStat !== undefined) {
    const kv = parseKeyValues(files.memoryStat);
    const get = (k: string) => kv.get(`total_${k}`) ?? kv.get(k) ?? 0;
    out.mem_rss_bytes = get('rss');
    out.mem_cache_bytes = get('cache');
    out.mem_mapped_file_bytes = get('mapped_file');
    out.mem_anon_bytes = get('active_anon') + get('inactive_anon');
    out.mem_file_bytes = get('active_file') + get('inactive_file');
  }
  if (files.memoryUsage !== undefined) out.mem_total_bytes = Number(files.memoryUsage.trim());
  if (files.memoryLimit !== undefined) out.mem_limit_bytes = Number(files.memoryLimit.trim());
  if (files.procs !== undefined) out.processes = lineCount(files.procs);
  if (files.tasks !== undefined) out.threads = lineCount(files.tasks);
  return out;
}

/**
 * Whether the kernel OOM-killed inside the container. `oom_kill` (Linux ≥ 4.13) counts kills
 * directly; older kernels only say `under_oom`, or show a hit limit (`failcnt`) plus a SIGKILL.
 */
export function oomKilled(oomControl: string, failcnt: number, signal: string | null, exitCode: number | null): boolean {
  const kv = parseKeyValues(oomControl);
  const kills = kv.get('oom_kill');
  if (kills !== undefined) return kills > 0;
  const killed = signal === 'SIGKILL' || exitCode === 137;
  return (kv.get('under_oom') ?? 0) > 0 || (failcnt > 0 && killed);
}

/** The TaskStatus message for an OOM kill, worded like upstream's memory isolator. */
export function memoryLimitMessage(limitBytes: number, maxUsedBytes: number, memoryStat?: string): string {
  let msg = `Memory limit exceeded: Requested: ${formatBytes(limitBytes)}, Maximum Used: ${formatBytes(maxUsedBytes)}`;
  if (memoryStat !== undefined) {
    const kv = parseKeyValues(memoryStat);
    const pick = ['total_rss', 'total_cache', 'total_mapped_file', 'total_swap']
      .filter((k) => kv.has(k))
      .map((k) => `${k} ${kv.get(k)}`);
    if (pick.length > 0) msg += `\n\nMEMORY STATISTICS: ${pick.join(', ')}`;
  }
  return msg;
}
