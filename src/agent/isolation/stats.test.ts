import { describe, expect, it } from 'vitest';
import { cgroupStatistics, memoryLimitMessage, oomKilled, parseKeyValues, parseProcStat, procStatistics } from './stats.js';

const STAT = (comm: string) =>
  `4242 (${comm}) S 1 4242 4242 0 -1 4194560 120 0 0 0 250 75 0 0 20 0 3 0 1000 10000000 512 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0`;

describe('proc stat', () => {
  it('reads fields after the command name, whatever the name contains', () => {
    const s = parseProcStat(STAT('we) ird (name'));
    expect(s).toEqual({ pid: 4242, state: 'S', ppid: 1, pgrp: 4242, session: 4242, utime: 250, stime: 75, threads: 3, rssPages: 512 });
    expect(parseProcStat('garbage')).toBeUndefined();
  });

  it('sums a session into statistics', () => {
    const a = parseProcStat(STAT('sh'))!;
    expect(procStatistics([a, { ...a, pid: 4243, utime: 50 }], 100, 4096)).toEqual({
      cpus_user_time_secs: 3,
      cpus_system_time_secs: 1.5,
      mem_rss_bytes: 2 * 512 * 4096,
      processes: 2,
      threads: 6,
    });
  });
});

describe('cgroup statistics', () => {
  it('converts ticks and nanoseconds to seconds and prefers hierarchical totals', () => {
    const s = cgroupStatistics(
      {
        cpuacctStat: 'user 150\nsystem 50\n',
        cpuStat: 'nr_periods 10\nnr_throttled 4\nthrottled_time 2500000000\n',
        memoryStat: 'rss 1\ntotal_rss 4096\ntotal_cache 8192\ntotal_mapped_file 1024\ntotal_active_anon 3000\ntotal_inactive_anon 1000\ntotal_active_file 5000\ntotal_inactive_file 3192\n',
        memoryUsage: '16384\n',
        memoryLimit: '33554432\n',
        procs: '10\n11\n',
        tasks: '10\n11\n12\n',
      },
      100,
    );
    expect(s).toEqual({
      cpus_user_time_secs: 1.5,
      cpus_system_time_secs: 0.5,
      cpus_nr_periods: 10,
      cpus_nr_throttled: 4,
      cpus_throttled_time_secs: 2.5,
      mem_rss_bytes: 4096,
      mem_cache_bytes: 8192,
      mem_mapped_file_bytes: 1024,
      mem_anon_bytes: 4000,
      mem_file_bytes: 8192,
      mem_total_bytes: 16384,
      mem_limit_bytes: 33554432,
      processes: 2,
      threads: 3,
    });
    expect(cgroupStatistics({}, 100)).toEqual({});
  });

  it('parses key/value files leniently', () => {
    expect([...parseKeyValues('a 1\n\nbad\nb x\nc -2\n')]).toEqual([['a', 1], ['c', -2]]);
  });
});

describe('OOM verdict and message', () => {
  it('trusts oom_kill when the kernel has it', () => {
    expect(oomKilled('oom_kill_disable 0\nunder_oom 0\noom_kill 1\n', 0, null, 0)).toBe(true);
    expect(oomKilled('oom_kill_disable 0\nunder_oom 0\noom_kill 0\n', 5, 'SIGKILL', null)).toBe(false);
  });

  it('falls back to under_oom, or a hit limit plus SIGKILL, on older kernels', () => {
    expect(oomKilled('oom_kill_disable 0\nunder_oom 1\n', 0, null, null)).toBe(true);
    expect(oomKilled('oom_kill_disable 0\nunder_oom 0\n', 3, 'SIGKILL', null)).toBe(true);
    expect(oomKilled('oom_kill_disable 0\nunder_oom 0\n', 3, null, 137)).toBe(true);
    expect(oomKilled('oom_kill_disable 0\nunder_oom 0\n', 3, null, 1)).toBe(false);
  });

  it('words the limitation as upstream', () => {
    expect(memoryLimitMessage(33554432, 33554432)).toBe('Memory limit exceeded: Requested: 32MB, Maximum Used: 32MB');
    expect(memoryLimitMessage(33554432, 33550000, 'total_rss 100\ntotal_cache 5\n')).toBe(
      'Memory limit exceeded: Requested: 32MB, Maximum Used: 33550000B\n\nMEMORY STATISTICS: total_rss 100, total_cache 5',
    );
  });
});
