import { describe, expect, it } from 'vitest';
import { cfsQuotaUs, cpuShares, formatBytes, memoryLimitBytes } from './limits.js';

describe('cgroup limit arithmetic', () => {
  it('gives 1024 shares per cpu, never below 2', () => {
    expect(cpuShares(1)).toBe(1024);
    expect(cpuShares(0.5)).toBe(512);
    expect(cpuShares(0.1)).toBe(102);
    expect(cpuShares(2.25)).toBe(2304);
    expect(cpuShares(0.001)).toBe(2);
  });

  it('sets the CFS quota to cpus × period, at least 1 ms', () => {
    expect(cfsQuotaUs(0.5)).toBe(50_000);
    expect(cfsQuotaUs(2, 50_000)).toBe(100_000);
    expect(cfsQuotaUs(0.001)).toBe(1_000);
  });

  it('limits memory in MiB with upstream 32 MB floor', () => {
    expect(memoryLimitBytes(64)).toBe(64 * 1024 * 1024);
    expect(memoryLimitBytes(1)).toBe(32 * 1024 * 1024);
  });

  it('prints sizes as Mesos does', () => {
    expect(formatBytes(32 * 1024 * 1024)).toBe('32MB');
    expect(formatBytes(1024 ** 3)).toBe('1GB');
    expect(formatBytes(1536 * 1024)).toBe('1536KB');
    expect(formatBytes(33_554_433)).toBe('33554433B');
    expect(formatBytes(0)).toBe('0B');
  });
});
