/**
 * The process containerizer with `cgroups/cpu,cgroups/mem` on the real v1 hierarchies (upstream's
 * cgroups isolators): limits written, task inside its groups before it runs, OOM kills reported as
 * memory limitations, groups removed afterwards. Skipped where cgroups are not usable (not root).
 */
import { existsSync, mkdirSync, readFileSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../test/helpers/wait.js';
import { silentLogger } from '../../lib/logger.js';
import { detectHierarchies, missingControllers } from '../isolation/detect.js';
import { createIsolator } from '../isolation/create.js';
import { ProcessContainerizer } from './process.js';
import { cleanupWorkDirs, makeSpec, makeWorkDir, markedPids, readSandbox } from './process-fixtures.test-helpers.js';

const ROOT = '/sys/fs/cgroup';
const PREFIX = `tsmesos-test-${process.pid}`;
const MARK = `cg-${process.pid}`;
const h = detectHierarchies(ROOT);
const usable = missingControllers(h, { cpu: true, mem: true }, ROOT).length === 0;
const mounts = [h.v1.cpu, h.v1.cpuacct, h.v1.memory, h.v1.pids, h.unified].filter((m): m is string => !!m);
const groupDirs = (id: string) => mounts.map((m) => join(m, PREFIX, id));

describe.runIf(usable)('process containerizer with cgroups isolation', () => {
  const workDir = makeWorkDir('cg');
  const cz = new ProcessContainerizer({
    workDir,
    isolation: ['cgroups/cpu', 'cgroups/mem'],
    switchUser: true,
    log: silentLogger,
    cgroupsRoot: ROOT,
    cgroupsHierarchyPrefix: PREFIX,
    enableCfs: true,
    launcherIdleMs: 3_000,
    oomPollMs: 200,
  });
  const spec = (cmd: string, o = {}) => makeSpec(workDir, MARK, cmd, o);

  afterAll(async () => {
    await cz.close();
    await cleanupWorkDirs(MARK, [workDir]);
    for (const m of mounts) if (existsSync(join(m, PREFIX))) rmdirSync(join(m, PREFIX));
  });

  it('writes the limits and places the task in its groups before it runs', async () => {
    const s = spec('cat /proc/self/cgroup; echo ready; sleep 600', { cpus: 0.5, memMb: 64 });
    await cz.launch(s);
    await waitFor(() => readSandbox(s, 'stdout').includes('ready'), 'task output');
    const [cpu, , mem] = groupDirs(s.containerId);
    expect(readFileSync(join(cpu!, 'cpu.shares'), 'utf8').trim()).toBe('512');
    expect(readFileSync(join(cpu!, 'cpu.cfs_quota_us'), 'utf8').trim()).toBe('50000');
    expect(readFileSync(join(mem!, 'memory.limit_in_bytes'), 'utf8').trim()).toBe(String(64 * 1024 * 1024));
    const seen = readSandbox(s, 'stdout');
    for (const c of ['cpu', 'cpuacct', 'memory', 'pids']) expect(seen).toContain(`:${c}:/${PREFIX}/${s.containerId}\n`);
    expect(seen).toContain(`0::/${PREFIX}/${s.containerId}\n`);
    await cz.kill(s.containerId, 5_000);
    await cz.wait(s.containerId);
    for (const d of groupDirs(s.containerId)) expect(existsSync(d), d).toBe(false);
  });

  it('reports usage from the cgroups', async () => {
    const s = spec('i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; echo ready; sleep 600', { cpus: 1, memMb: 64 });
    await cz.launch(s);
    await waitFor(() => readSandbox(s, 'stdout').includes('ready'), 'busy loop to finish', 20_000);
    const u = await cz.usage(s.containerId);
    expect(u?.cpus_user_time_secs).toBeGreaterThan(0);
    expect(u).toMatchObject({ cpus_limit: 1, mem_limit_bytes: 64 * 1024 * 1024, processes: 2 });
    expect(typeof u?.cpus_nr_periods).toBe('number');
    expect(u?.mem_total_bytes).toBeGreaterThan(0);
    await cz.kill(s.containerId, 0);
  });

  it('reports an out-of-memory kill as a memory limitation', async () => {
    const s = spec('head -c 200m /dev/zero | tail; echo survived', { memMb: 32 });
    await cz.launch(s);
    const t = await cz.wait(s.containerId);
    expect(t.oom).toBe(true);
    expect(t.message).toMatch(/^Memory limit exceeded: Requested: 32MB, Maximum Used: 32MB/);
    expect(t.message).toContain('MEMORY STATISTICS');
    for (const d of groupDirs(s.containerId)) expect(existsSync(d), d).toBe(false);
  });

  it('kills processes that left the process group (the cgroup still holds them)', async () => {
    const mark = `${MARK}-escape`;
    const s = makeSpec(workDir, mark, 'setsid sleep 600 & sleep 600 & echo ready; wait');
    await cz.launch(s);
    await waitFor(() => markedPids(mark).length >= 3, 'tree to start');
    await cz.kill(s.containerId, 5_000);
    await cz.wait(s.containerId);
    await waitFor(() => markedPids(mark).length === 0, 'no survivors');
  });

  it('switches user inside cgroups', async () => {
    const s = spec('id -u; grep memory /proc/self/cgroup', { user: 'nobody' });
    await cz.launch(s);
    expect((await cz.wait(s.containerId)).exitCode).toBe(0);
    expect(readSandbox(s, 'stdout')).toMatch(new RegExp(`^65534\n\\d+:memory:/${PREFIX}/${s.containerId}\n$`));
  });

  it('removes groups of unknown containers on recovery', async () => {
    const stale = groupDirs('stale-container');
    for (const d of stale) mkdirSync(d, { recursive: true });
    const next = new ProcessContainerizer({ workDir, isolation: ['cgroups/cpu', 'cgroups/mem'], switchUser: true, log: silentLogger, cgroupsRoot: ROOT, cgroupsHierarchyPrefix: PREFIX });
    try {
      await next.recover([]);
      for (const d of stale) expect(existsSync(d), d).toBe(false);
    } finally {
      await next.close();
    }
  });
});

describe('cgroups availability', () => {
  it('refuses cgroups isolation with a clear list of what is missing', () => {
    const empty = makeWorkDir('nocg');
    try {
      expect(() => createIsolator(['cgroups/cpu', 'cgroups/mem'], { cgroupsRoot: empty })).toThrow(
        /cgroups isolation is not usable: no cpu hierarchy .*; no cpuacct hierarchy .*; no memory hierarchy/,
      );
    } finally {
      rmdirSync(empty);
    }
  });

  it('falls back to nothing for posix isolation and reports unknown isolators', () => {
    const { isolator, ignored } = createIsolator(['posix/cpu', 'posix/mem', 'filesystem/linux']);
    expect(isolator.kind).toBe('posix');
    expect(ignored).toEqual(['filesystem/linux']);
  });
});
