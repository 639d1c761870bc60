/**
 * Default agent resources when `--resources` is absent (upstream `Containerizer::resources`): all
 * CPUs; memory minus what the host keeps (1 GB, or half when smaller); disk of the work_dir's
 * filesystem minus 5 GB (or half); ports 31000-32000.
 */
import { statfsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

const MB = 1024 * 1024;

/** Pure: the `--resources` text for a machine of this size. */
export function defaultResourcesText(cpuCount: number, memBytes: number, diskBytes: number): string {
  const memMb = Math.floor(memBytes / MB);
  const diskMb = Math.floor(diskBytes / MB);
  const mem = memMb >= 2048 ? memMb - 1024 : Math.floor(memMb / 2);
  const disk = diskMb >= 10240 ? diskMb - 5120 : Math.floor(diskMb / 2);
  return `cpus:${cpuCount};mem:${mem};disk:${disk};ports:[31000-32000]`;
}

export function detectResources(workDir: string): string {
  let disk = 0;
  try {
    const s = statfsSync(workDir);
    disk = s.bavail * s.bsize;
  } catch {
    /* work_dir not created yet: no disk to offer */
  }
  return defaultResourcesText(cpus().length, totalmem(), disk);
}
