/**
 * Finding the cgroup hierarchies under a root such as `/sys/fs/cgroup`, as upstream's cgroups
 * isolators do at agent start, so a misconfigured machine fails loudly at start rather than
 * silently running tasks without limits.
 *
 * Handles v1 controllers mounted alone (`cpu`, `cpuacct`: this machine) or together
 * (`cpu,cpuacct`: systemd machines), plus the hybrid layout's v2 tree at `<root>/unified`.
 */
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export type Controller = 'cpu' | 'cpuacct' | 'memory' | 'pids';

/** Mount directory per v1 controller, and the v2 (unified) tree when it is usable for tracking. */
export interface Hierarchies {
  v1: Partial<Record<Controller, string>>;
  unified?: string;
  /** `<root>` itself is a cgroup v2 mount (no v1 controllers to set limits with). */
  pureV2: boolean;
  writable: boolean;
}

/** A file every usable mount of the controller has at its root. */
const MARKER: Record<Controller, string> = {
  cpu: 'cpu.shares',
  cpuacct: 'cpuacct.stat',
  memory: 'memory.limit_in_bytes',
  pids: 'cgroup.procs',
};

export function detectHierarchies(root: string): Hierarchies {
  const h: Hierarchies = { v1: {}, pureV2: existsSync(join(root, 'cgroup.controllers')), writable: false };
  let names: string[] = [];
  try {
    names = readdirSync(root).sort();
  } catch {
    return h;
  }
  for (const name of names) {
    const dir = join(root, name);
    if (name === 'unified' && existsSync(join(dir, 'cgroup.procs'))) h.unified = dir;
    const parts = name.split(',');
    for (const c of Object.keys(MARKER) as Controller[]) {
      if (parts.includes(c) && !h.v1[c] && existsSync(join(dir, MARKER[c]))) h.v1[c] = dir;
    }
  }
  const any = Object.values(h.v1)[0];
  if (any) {
    try {
      accessSync(any, constants.W_OK);
      h.writable = true;
    } catch {
      /* not root */
    }
  }
  return h;
}

/** Why the requested cgroups isolation cannot work here; empty when it can. */
export function missingControllers(h: Hierarchies, want: { cpu: boolean; mem: boolean }, root: string): string[] {
  const missing: string[] = [];
  if (h.pureV2) missing.push(`${root} is a pure cgroup v2 mount; tsmesos sets limits through v1 controllers`);
  const need: Controller[] = [...(want.cpu ? (['cpu', 'cpuacct'] as const) : []), ...(want.mem ? (['memory'] as const) : [])];
  for (const c of need) if (!h.v1[c]) missing.push(`no ${c} hierarchy (a mount under ${root} with ${MARKER[c]})`);
  if (missing.length === 0 && need.length > 0 && !h.writable) missing.push(`the hierarchies under ${root} are not writable (run the agent as root)`);
  return missing;
}
