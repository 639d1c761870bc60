import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectHierarchies, missingControllers } from './detect.js';

const roots: string[] = [];
function fakeRoot(layout: Record<string, string[]>): string {
  const root = mkdtempSync(join(tmpdir(), 'tsmesos-cgroot-'));
  roots.push(root);
  for (const [dir, files] of Object.entries(layout)) {
    mkdirSync(join(root, dir), { recursive: true });
    for (const f of files) writeFileSync(join(root, dir, f), '');
  }
  return root;
}
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

describe('cgroup hierarchy detection', () => {
  it('finds separately mounted v1 controllers and the unified tree (this machine)', () => {
    const root = fakeRoot({
      cpu: ['cpu.shares'],
      cpuacct: ['cpuacct.stat'],
      memory: ['memory.limit_in_bytes'],
      pids: ['cgroup.procs'],
      unified: ['cgroup.procs'],
    });
    const h = detectHierarchies(root);
    expect(h.v1).toEqual({ cpu: join(root, 'cpu'), cpuacct: join(root, 'cpuacct'), memory: join(root, 'memory'), pids: join(root, 'pids') });
    expect(h.unified).toBe(join(root, 'unified'));
    expect(missingControllers(h, { cpu: true, mem: true }, root)).toEqual([]);
  });

  it('finds co-mounted cpu,cpuacct (systemd machines)', () => {
    const root = fakeRoot({ 'cpu,cpuacct': ['cpu.shares', 'cpuacct.stat'], memory: ['memory.limit_in_bytes'] });
    const h = detectHierarchies(root);
    expect(h.v1.cpu).toBe(join(root, 'cpu,cpuacct'));
    expect(h.v1.cpuacct).toBe(join(root, 'cpu,cpuacct'));
    expect(h.unified).toBeUndefined();
  });

  it('names what is missing', () => {
    const root = fakeRoot({ memory: ['memory.limit_in_bytes'] });
    const h = detectHierarchies(root);
    expect(missingControllers(h, { cpu: false, mem: true }, root)).toEqual([]);
    expect(missingControllers(h, { cpu: true, mem: true }, root)).toEqual([
      `no cpu hierarchy (a mount under ${root} with cpu.shares)`,
      `no cpuacct hierarchy (a mount under ${root} with cpuacct.stat)`,
    ]);
    const v2 = fakeRoot({ '.': ['cgroup.controllers'] });
    expect(missingControllers(detectHierarchies(v2), { cpu: false, mem: true }, v2)[0]).toMatch(/pure cgroup v2/);
  });
});
