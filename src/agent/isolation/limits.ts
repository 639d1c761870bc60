/**
 * Limit arithmetic of upstream's cgroups isolators (pure): CPU shares and CFS quota from `cpus`,
 * the memory limit from `mem`, and Mesos' way of printing byte sizes in messages.
 */

/** Upstream's floor for `cpu.shares` (the kernel's own minimum is 2). */
export const MIN_CPU_SHARES = 2;
/** Upstream never sets a CFS quota below 1 ms per period. */
export const MIN_CFS_QUOTA_US = 1_000;
/** Upstream's floor for a container's memory limit. */
export const MIN_MEMORY_BYTES = 32 * 1024 * 1024;
export const DEFAULT_CFS_PERIOD_US = 100_000;

/** `cpu.shares` for a container with `cpus` CPUs: 1024 per CPU, rounded, at least 2. */
export function cpuShares(cpus: number): number {
  return Math.max(MIN_CPU_SHARES, Math.round(1024 * cpus));
}

/** `cpu.cfs_quota_us` so the container gets `cpus` CPUs' worth of each period (hard cap). */
export function cfsQuotaUs(cpus: number, periodUs = DEFAULT_CFS_PERIOD_US): number {
  return Math.max(MIN_CFS_QUOTA_US, Math.round(cpus * periodUs));
}

/** `memory.limit_in_bytes` for `memMb` MiB, never below upstream's 32 MB floor. */
export function memoryLimitBytes(memMb: number): number {
  return Math.max(MIN_MEMORY_BYTES, Math.round(memMb * 1024 * 1024));
}

/**
 * Bytes as Mesos prints them: the largest unit that divides the value exactly (`32MB`, `1GB`,
 * `1536KB`, `1000B`), so messages read the same as upstream's.
 */
export function formatBytes(bytes: number): string {
  const units: Array<[string, number]> = [
    ['TB', 1024 ** 4],
    ['GB', 1024 ** 3],
    ['MB', 1024 ** 2],
    ['KB', 1024],
  ];
  for (const [unit, size] of units) if (bytes >= size && bytes % size === 0) return `${bytes / size}${unit}`;
  return `${bytes}B`;
}
