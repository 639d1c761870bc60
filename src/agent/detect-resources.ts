/**
 * Default agent resources (upstream `Containerizer::resources`): all CPUs; memory minus what the
 * host keeps (1 GB, or half when smaller); disk of the work_dir's filesystem minus 5 GB (or half);
 * ports 31000-32000. As upstream, each of cpus, mem, disk and ports that `--resources` does not
 * name is still detected: `--resources=cpus:4;mem:4096` also offers the disk and the ports.
 */
import { statfsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { Resources } from '../protocol/resources/resources.js';

/** The standard resources upstream detects when `--resources` leaves them out. */
const DETECTED = ['cpus', 'mem', 'disk', 'ports'];

/** Pure: `--resources` (if any) completed with the detected cpus/mem/disk/ports it does not name. */
export function agentResources(given: string | undefined, detected: string, defaultRole = '*'): Resources {
  if (given === undefined) return Resources.parse(detected, defaultRole);
  const own = Resources.parse(given, defaultRole);
  const named = new Set(own.items().map((r) => r.name));
  return own.add(Resources.parse(detected, defaultRole).filter((r) => DETECTED.includes(r.name) && !named.has(r.name)));
}

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
