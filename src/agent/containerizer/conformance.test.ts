/**
 * One behaviour, three containerizers (style-guide convention 6): the in-memory fake must answer the
 * agent exactly as the real process and Docker containerizers do, so agent tests on the fake mean
 * something. Checks that need real processes (output, environment, users, process trees) run on the
 * real ones. The Docker one runs the same command specs in the local `busybox:local` image and is
 * skipped, saying why, when no Docker engine answers.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../test/helpers/wait.js';
import { silentLogger } from '../../lib/logger.js';
import type { CommandInfoV1 } from '../../protocol/v1/types.js';
import { DockerContainerizer } from './docker.js';
import { dockerForConformance, dockerForTests, dockerOpts, removeContainersOf } from './docker-fixtures.test-helpers.js';
import { InMemoryContainerizer } from './in-memory.js';
import { ProcessContainerizer } from './process.js';
import { cleanupWorkDirs, makeSpec, makeWorkDir, markedPids, readSandbox } from './process-fixtures.test-helpers.js';
import type { Containerizer } from './types.js';

const MARK = `conf-${process.pid}`;
const workDirs: string[] = [];

interface Impl {
  name: string;
  real: boolean;
  make(workDir: string): Containerizer;
  /** A fresh instance on the same "machine", as after an agent restart. */
  reopen(old: Containerizer, workDir: string): Containerizer;
  exit3: string;
  exit0: string;
  forever: string;
  /** shell:false with `arguments` as the full argv; exits 4. */
  argv: CommandInfoV1;
  /** A launch that must fail, and the message it fails with. */
  failing: { command: string; user?: string; error: RegExp };
}

const inMemory: Impl = {
  name: 'in-memory',
  real: false,
  make: () => new InMemoryContainerizer(),
  reopen: (old) => new InMemoryContainerizer({ host: (old as InMemoryContainerizer).host }),
  exit3: 'exit 3',
  exit0: 'exit 0',
  forever: 'run forever',
  argv: { shell: false, value: '/usr/bin/exit', arguments: ['exit', '4'] },
  failing: { command: 'fail no such image', error: /no such image/ },
};

const processOpts = (workDir: string) => ({
  workDir,
  isolation: ['posix/cpu', 'posix/mem'],
  switchUser: true,
  log: silentLogger,
  launcherIdleMs: 3_000,
});

const processImpl: Impl = {
  name: 'process',
  real: true,
  make: (workDir) => new ProcessContainerizer(processOpts(workDir)),
  reopen: (_old, workDir) => new ProcessContainerizer(processOpts(workDir)),
  exit3: 'echo hi; exit 3',
  exit0: 'true',
  forever: 'sleep 600',
  argv: { shell: false, value: '/bin/sh', arguments: ['custom-argv0', '-c', 'tr "\\0" " " < /proc/$$/cmdline; exit 4', 'zero'] },
  failing: { command: 'true', user: 'no-such-user-tsmesos', error: /Failed to get user information for 'no-such-user-tsmesos'/ },
};

const dockerImpl: Impl = {
  name: 'docker',
  real: true,
  make: (workDir) => dockerForConformance(new DockerContainerizer(dockerOpts(workDir))),
  reopen: (_old, workDir) => dockerForConformance(new DockerContainerizer(dockerOpts(workDir))),
  exit3: 'echo hi; exit 3',
  exit0: 'true',
  forever: 'sleep 600',
  // In a Docker container `arguments` (after `value`, here none) are the CMD: the image's whole argv.
  argv: { shell: false, arguments: ['/bin/sh', '-c', 'printf "%s -c script %s " "$0" "$1"; exit 4', 'custom-argv0', 'zero'] },
  failing: { command: 'true', user: 'no-such-user-tsmesos', error: /no-such-user-tsmesos/ },
};

const docker = await dockerForTests();
if (!docker.ok) console.warn(`containerizer conformance: docker skipped: ${docker.reason}`);

afterAll(async () => {
  if (docker.ok) for (const dir of workDirs) await removeContainersOf(dir);
  await cleanupWorkDirs(MARK, workDirs);
});

describe.skipIf(docker.ok)('containerizer conformance: docker', () => {
  it.skip(`skipped: ${docker.reason}`, () => {});
});

describe.each([inMemory, processImpl, ...(docker.ok ? [dockerImpl] : [])])('containerizer conformance: $name', (impl) => {
  const workDir = makeWorkDir('conf');
  workDirs.push(workDir);
  const cz = impl.make(workDir);
  const spec = (command: CommandInfoV1 | string, o = {}) => makeSpec(workDir, MARK, command, o);
  afterAll(() => cz.close());

  it('reports a non-zero exit status with upstream wording', async () => {
    const s = spec(impl.exit3);
    const { pid } = await cz.launch(s);
    // A container can be over before the engine is asked for its pid; a pid given must be real.
    if (impl.name !== 'docker' || pid !== undefined) expect(pid).toBeGreaterThan(0);
    expect(await cz.wait(s.containerId)).toEqual({ exitCode: 3, signal: null, oom: false, message: 'Command exited with status 3' });
    if (impl.real) expect(readSandbox(s, 'stdout')).toBe('hi\n');
  });

  it('reports a clean exit', async () => {
    const s = spec(impl.exit0);
    await cz.launch(s);
    expect(await cz.wait(s.containerId)).toMatchObject({ exitCode: 0, signal: null, message: 'Command exited with status 0' });
  });

  it('runs shell:false commands with `arguments` as the whole argv', async () => {
    const s = spec(impl.argv);
    await cz.launch(s);
    expect((await cz.wait(s.containerId)).exitCode).toBe(4);
    if (impl.real) expect(readSandbox(s, 'stdout')).toMatch(/^custom-argv0 -c .* zero $/);
  });

  it('kills a running container with SIGTERM well within the grace period', async () => {
    const s = spec(impl.forever);
    await cz.launch(s);
    const t0 = Date.now();
    await cz.kill(s.containerId, 10_000);
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(await cz.wait(s.containerId)).toEqual({ exitCode: null, signal: 'SIGTERM', oom: false, message: 'Command terminated with signal Terminated' });
    await cz.kill(s.containerId, 1_000); // killing an ended container is a no-op
  });

  it('rejects a failed launch, a duplicate id and unknown ids', async () => {
    const bad = spec(impl.failing.command, impl.failing.user ? { user: impl.failing.user } : {});
    await expect(cz.launch(bad)).rejects.toThrow(impl.failing.error);
    await expect(cz.wait(bad.containerId)).rejects.toThrow(/Unknown container/);
    const s = spec(impl.forever);
    await cz.launch(s);
    await expect(cz.launch(s)).rejects.toThrow(/already exists/);
    await cz.kill(s.containerId, 0);
    await expect(cz.kill('nope', 0)).rejects.toThrow(/Unknown container/);
    expect(await cz.usage('nope')).toBeUndefined();
  });

  it('measures a running container', async () => {
    const s = spec(impl.forever, { cpus: 0.25, memMb: 48 });
    await cz.launch(s);
    const u = await cz.usage(s.containerId);
    expect(u).toMatchObject({ cpus_limit: 0.25, mem_limit_bytes: 48 * 1024 * 1024 });
    for (const k of ['timestamp', 'cpus_user_time_secs', 'cpus_system_time_secs', 'mem_rss_bytes', 'processes'] as const) {
      expect(typeof u?.[k], k).toBe('number');
    }
    if (impl.real) expect(u?.mem_rss_bytes).toBeGreaterThan(0);
    await cz.kill(s.containerId, 0);
    expect(await cz.usage(s.containerId)).toBeUndefined();
  });

  it('re-adopts running containers in a new instance (agent restart)', async () => {
    const s = spec(impl.forever);
    await cz.launch(s);
    const next = impl.reopen(cz, workDir);
    try {
      const known = { containerId: s.containerId, metaDir: s.metaDir, sandbox: s.sandbox };
      expect(await next.recover([known])).toEqual([s.containerId]);
      await next.kill(s.containerId, 5_000);
      expect(await next.wait(s.containerId)).toMatchObject({ signal: 'SIGTERM' });
    } finally {
      await next.close();
    }
  });

  it.runIf(impl.real)('passes the environment and writes stdout/stderr in the sandbox', async () => {
    const s = spec('printf %s "$GREETING"; printf oops >&2', { env: { GREETING: 'hello world' } });
    await cz.launch(s);
    expect((await cz.wait(s.containerId)).exitCode).toBe(0);
    expect(readSandbox(s, 'stdout')).toBe('hello world');
    expect(readSandbox(s, 'stderr')).toBe('oops');
  });

  it.runIf(impl.real)('SIGKILLs a process that ignores SIGTERM once the grace period is over', async () => {
    const s = spec('trap "" TERM; echo ready; sleep 600');
    await cz.launch(s);
    await waitFor(() => readSandbox(s, 'stdout').includes('ready'), 'trap installed');
    const t0 = Date.now();
    await cz.kill(s.containerId, 700);
    const took = Date.now() - t0;
    expect(took).toBeGreaterThanOrEqual(650);
    expect(took).toBeLessThan(3_000);
    expect(await cz.wait(s.containerId)).toMatchObject({ signal: 'SIGKILL', message: 'Command terminated with signal Killed' });
  });

  it.runIf(impl.real)('kills the whole process tree, on kill and when the main process exits', async () => {
    const mark = `${MARK}-tree`;
    const s = makeSpec(workDir, mark, 'sleep 600 & sleep 600 & echo ready; wait');
    await cz.launch(s);
    await waitFor(() => markedPids(mark).length >= 3 && readSandbox(s, 'stdout').includes('ready'), 'tree to start');
    await cz.kill(s.containerId, 5_000);
    await waitFor(() => markedPids(mark).length === 0, 'no survivors after kill');
    const left = makeSpec(workDir, mark, 'sleep 600 & echo started');
    await cz.launch(left);
    expect((await cz.wait(left.containerId)).exitCode).toBe(0);
    await waitFor(() => markedPids(mark).length === 0, 'background child of an exited task to be destroyed');
  });

  it.runIf(impl.real)('runs the task as the requested user and hands it the sandbox', async () => {
    const s = spec('id -u; touch mine', { user: 'nobody' });
    await cz.launch(s);
    expect((await cz.wait(s.containerId)).exitCode).toBe(0);
    expect(readSandbox(s, 'stdout')).toBe('65534\n');
    expect(statSync(join(s.sandbox, 'mine')).uid).toBe(65534);
    expect(statSync(join(s.sandbox, 'stdout')).uid).toBe(65534);
  });

  it.runIf(impl.name === 'process')('ignores the user without --switch_user', async () => {
    const plain = new ProcessContainerizer({ ...processOpts(workDir), switchUser: false });
    try {
      const s = spec('id -u', { user: 'nobody' });
      await plain.launch(s);
      expect((await plain.wait(s.containerId)).exitCode).toBe(0);
      expect(readSandbox(s, 'stdout')).toBe(`${process.getuid?.()}\n`);
    } finally {
      await plain.close();
    }
  });
});
