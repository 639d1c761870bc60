/**
 * Turns the agent's `--isolation` list into an isolator, as upstream's Mesos containerizer does:
 * `posix/cpu,posix/mem` (the default) measure only, `cgroups/cpu` and `cgroups/mem` also limit.
 * Isolators tsmesos does not implement (e.g. `filesystem/linux`, `disk/du`) are reported back, so
 * the agent can warn instead of silently pretending to isolate.
 */
import { CgroupsIsolator } from './cgroups.js';
import type { Isolator } from './isolator.js';
import { PosixIsolator } from './posix.js';

export interface IsolationOptions {
  cgroupsRoot?: string;
  cgroupsHierarchyPrefix?: string;
  enableCfs?: boolean;
}

const KNOWN = new Set(['posix/cpu', 'posix/mem', 'cgroups/cpu', 'cgroups/mem', 'cgroups/pids']);

/** Builds the isolator; throws when cgroups were asked for and the machine cannot provide them. */
export function createIsolator(isolation: string[], opts: IsolationOptions = {}): { isolator: Isolator; ignored: string[] } {
  const names = isolation.map((s) => s.trim()).filter((s) => s !== '');
  const ignored = names.filter((n) => !KNOWN.has(n));
  const cpu = names.includes('cgroups/cpu');
  const mem = names.includes('cgroups/mem');
  if (!cpu && !mem && !names.includes('cgroups/pids')) return { isolator: new PosixIsolator(), ignored };
  const isolator = new CgroupsIsolator({
    root: opts.cgroupsRoot ?? '/sys/fs/cgroup',
    prefix: opts.cgroupsHierarchyPrefix ?? 'tsmesos',
    cpu,
    mem,
    enableCfs: opts.enableCfs ?? false,
  });
  return { isolator, ignored };
}
