import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOIN_SCRIPT, spawnPlan } from './spawn-plan.js';

describe('spawnPlan', () => {
  it('runs argv directly without cgroups, with argv0 and user when given', () => {
    expect(spawnPlan({ argv: ['/bin/echo', 'a'] })).toEqual({ file: '/bin/echo', args: ['a'] });
    expect(spawnPlan({ argv: ['/bin/sh', '-c', 'x'], argv0: 'me', uid: 65534, gid: 65534 })).toEqual({
      file: '/bin/sh',
      args: ['-c', 'x'],
      argv0: 'me',
      uid: 65534,
      gid: 65534,
    });
  });

  it('wraps argv in the cgroup-joining shell, dropping privileges last', () => {
    const plan = spawnPlan({ argv: ['id', '-u'], cgroups: ['/cg/memory/t/c1/', '/cg/pids/t/c1'], uid: 7, gid: 8, setpriv: '/usr/bin/setpriv' });
    expect(plan.file).toBe('/bin/sh');
    expect(plan.uid).toBeUndefined(); // joining needs root; setpriv drops afterwards
    expect(plan.args).toEqual([
      '-c', JOIN_SCRIPT, 'tsmesos-join', '2', '/cg/memory/t/c1/cgroup.procs', '/cg/pids/t/c1/cgroup.procs',
      '/usr/bin/setpriv', '--reuid=7', '--regid=8', '--clear-groups', '--', 'id', '-u',
    ]);
  });

  it('refuses what it cannot do', () => {
    expect(() => spawnPlan({ argv: [] })).toThrow(/empty argv/);
    expect(() => spawnPlan({ argv: ['x'], cgroups: ['/cg'], uid: 1 })).toThrow(/setpriv/);
  });

  it('the join script writes its own pid everywhere, then becomes the program', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsmesos-join-'));
    try {
      const groups = ['a', 'b'].map((g) => join(dir, g));
      for (const g of groups) {
        mkdirSync(g);
        writeFileSync(join(g, 'cgroup.procs'), '');
      }
      const plan = spawnPlan({ argv: ['/bin/sh', '-c', 'echo $$ "$@"', 'zero', 'one two'], cgroups: groups });
      const r = spawnSync(plan.file, plan.args, { encoding: 'utf8' });
      expect(r.status).toBe(0);
      const pid = readFileSync(join(groups[0]!, 'cgroup.procs'), 'utf8').trim();
      expect(readFileSync(join(groups[1]!, 'cgroup.procs'), 'utf8').trim()).toBe(pid);
      expect(r.stdout).toBe(`${pid} one two\n`); // same pid: exec, not a child
      expect(r.pid).toBe(Number(pid));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
