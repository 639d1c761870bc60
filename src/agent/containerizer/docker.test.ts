/**
 * The Docker containerizer against a real engine, beyond the shared conformance suite: images and
 * pulls, OOM, networking and port mappings, volumes, parameters, environment, exec-based checks,
 * and recovery with log resumption and orphan removal. Skipped, saying why, without an engine.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../test/helpers/wait.js';
import type { CommandInfoV1 } from '../../protocol/v1/types.js';
import { startHealthCheck } from '../health/index.js';
import { DockerContainerizer } from './docker.js';
import { TEST_IMAGE, dockerForTests, dockerOpts, removeContainersOf, testDocker } from './docker-fixtures.test-helpers.js';
import { dockerHealthProber } from './docker-health.js';
import { cleanupWorkDirs, makeSpec, makeWorkDir, readSandbox } from './process-fixtures.test-helpers.js';
import type { LaunchSpec } from './types.js';
import { freePort } from '../../../test/helpers/free-port.js';

const MARK = `docker-${process.pid}`;
const engine = await dockerForTests();
if (!engine.ok) console.warn(`docker containerizer tests skipped: ${engine.reason}`);

describe.skipIf(!engine.ok)('DockerContainerizer', () => {
  const workDir = makeWorkDir('docker');
  const cz = new DockerContainerizer(dockerOpts(workDir));
  const spec = (command: CommandInfoV1 | string, docker: Record<string, unknown> = {}, o: { container?: Record<string, unknown>; env?: Record<string, string>; memMb?: number } = {}): LaunchSpec => {
    const s = makeSpec(workDir, MARK, command, { ...(o.env ? { env: o.env } : {}), ...(o.memMb ? { memMb: o.memMb } : {}) });
    return { ...s, container: { type: 'DOCKER', docker: { image: TEST_IMAGE, ...docker }, ...o.container } };
  };
  afterAll(async () => {
    await cz.close();
    await removeContainersOf(workDir);
    await cleanupWorkDirs(MARK, [workDir]);
  });

  it('fails a launch whose image cannot be pulled, naming the image and the cause', async () => {
    const s = spec('true', { image: 'tsmesos-no-such/image:1' });
    await expect(cz.launch(s)).rejects.toThrow(/^Failed to pull image 'tsmesos-no-such\/image:1': .+/);
    // A local-only image is used as is, but force_pull_image insists on the (absent) registry.
    await expect(cz.launch(spec('true', { force_pull_image: true }))).rejects.toThrow(/Failed to pull image 'busybox:local'/);
  });

  it('reports an OOM kill with the memory limitation message', async () => {
    const s = spec('echo start; dd if=/dev/zero of=/dev/null bs=100M count=1; sleep 600', {}, { memMb: 32 });
    await cz.launch(s);
    const t = await cz.wait(s.containerId);
    expect(t).toMatchObject({ oom: true, message: 'Memory limit exceeded: Requested: 32MB, Maximum Used: 32MB' });
  });

  it('publishes a mapped port on BRIDGE networking (busybox httpd)', async () => {
    const port = await freePort();
    const s = spec('httpd -f -p 80 -h /var/www', { network: 'BRIDGE', port_mappings: [{ host_port: port, container_port: 80 }] }, { env: { PORTS: String(port), PORT0: String(port) } });
    await cz.launch(s);
    const body = await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2000) }).then((r) => r.text()).catch(() => undefined)), 'httpd to answer');
    expect(body).toBe('hello from busybox:local\n');
    const net = await cz.network(s.containerId);
    expect(net).toMatchObject({ hostNetwork: false, hostPorts: [port] });
    expect(net.ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    await cz.kill(s.containerId, 1000);
    expect((await cz.wait(s.containerId)).signal).toBe('SIGTERM');
  });

  it('turns resources into cpu shares, a CFS quota (--cgroups_enable_cfs) and a memory limit without swap', async () => {
    const cfs = new DockerContainerizer(dockerOpts(workDir, { enableCfs: true }));
    try {
      const s = { ...spec('sleep 600', { network: 'NONE' }), limits: { cpus: 0.5, memMb: 48 } };
      await cfs.launch(s);
      const hc = (await testDocker.getContainer(`mesos-${s.containerId}`).inspect()).HostConfig;
      expect(hc).toMatchObject({ CpuShares: 512, CpuPeriod: 100000, CpuQuota: 50000, Memory: 48 << 20, MemorySwap: 48 << 20, Init: true });
      expect(await cfs.usage(s.containerId)).toMatchObject({ cpus_limit: 0.5, mem_limit_bytes: 48 << 20 });
      await cfs.kill(s.containerId, 0);
    } finally {
      await cfs.close();
    }
  });

  it('mounts volumes and the sandbox, and passes the task environment only', async () => {
    const host = mkdtempSync(join(tmpdir(), 'tsmesos-docker-vol-'));
    try {
      writeFileSync(join(host, 'in.txt'), 'from host');
      const cmd = 'cat /data/in.txt; echo; touch /data/w 2>/dev/null || echo ro; echo out > rel/file; echo "$MESOS_SANDBOX $MESOS_TASK_ID $PATH $GREETING"; echo $(ls /mnt/mesos/sandbox)';
      const s = spec(cmd, { parameters: [{ key: 'workdir', value: '/mnt/mesos/sandbox' }] }, { container: { volumes: [{ container_path: '/data', host_path: host, mode: 'RO' }, { container_path: 'rel', host_path: 'results', mode: 'RW' }] }, env: { GREETING: 'hi', MESOS_TASK_ID: 'tid', PATH: '/host/only/bin' } });
      s.command.environment = { variables: [{ name: 'GREETING', value: 'hi' }] };
      await cz.launch(s);
      expect((await cz.wait(s.containerId)).exitCode).toBe(0);
      const out = readSandbox(s, 'stdout').split('\n');
      // The image's PATH, not the agent's; the sandbox holds the volume's directories and the logs.
      expect(out.slice(0, 4)).toEqual(['from host', 'ro', '/mnt/mesos/sandbox tid /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin hi', 'rel results stderr stdout']);
      expect(readFileSync(join(s.sandbox, 'results', 'file'), 'utf8')).toBe('out\n');
    } finally {
      rmSync(host, { recursive: true, force: true });
    }
  });

  it('applies parameters, runs the image default command, and rejects unknown parameters', async () => {
    const s = spec({ shell: false, arguments: ['sh', '-c', 'echo "$EXTRA $(hostname)"; cat /proc/self/cgroup >/dev/null'] }, { network: 'NONE', parameters: [{ key: 'env', value: 'EXTRA=yes' }, { key: 'hostname', value: 'tsbox' }, { key: 'label', value: 'team=ts' }] });
    await cz.launch(s);
    expect((await cz.wait(s.containerId)).exitCode).toBe(0);
    expect(readSandbox(s, 'stdout')).toBe('yes tsbox\n');
    const byDefault = spec({ value: '' });
    await cz.launch(byDefault); // image CMD is `sh`, which ends at once without stdin
    expect((await cz.wait(byDefault.containerId)).exitCode).toBe(0);
    await expect(cz.launch(spec('true', { parameters: [{ key: 'bogus', value: '1' }] }))).rejects.toThrow(/Unknown docker parameter 'bogus'/);
  });

  it('runs COMMAND health checks inside the container through exec', async () => {
    const s = spec('touch /inside; sleep 600', { network: 'NONE' });
    await cz.launch(s);
    expect(existsSync('/inside')).toBe(false);
    await waitFor(async () => (await cz.exec(s.containerId, ['test', '-e', '/inside'])).exitCode === 0, '/inside in the container');
    expect(await cz.exec(s.containerId, ['sh', '-c', 'echo $MESOS_SANDBOX $X; exit 3'], { env: { X: 'y' } })).toEqual({ exitCode: 3, output: '/mnt/mesos/sandbox y\n' });
    const healthy: boolean[] = [];
    const check = { type: 'COMMAND' as const, command: { value: 'test -e /inside' }, delay_seconds: 0, interval_seconds: 0.2, grace_period_seconds: 0 };
    const ctx = { sandbox: s.sandbox, env: {} };
    const hc = startHealthCheck(check, ctx, { onHealthChange: (h) => healthy.push(h), onUnhealthyKill: () => {} }, { prober: dockerHealthProber(cz, s.containerId, check, ctx) });
    await waitFor(() => healthy.length > 0, 'a health result');
    hc.stop();
    expect(healthy[0]).toBe(true);
    await cz.kill(s.containerId, 0);
    await expect(cz.exec(s.containerId, ['true'])).rejects.toThrow(/not running/);
  });

  it('re-adopts after a restart, resumes the logs without duplicates, removes orphans', async () => {
    const first = new DockerContainerizer(dockerOpts(workDir));
    const s = spec('echo before; while [ ! -f release ]; do sleep 0.05; done; echo after; exit 4', { network: 'NONE', parameters: [{ key: 'workdir', value: '/mnt/mesos/sandbox' }] });
    const orphan = spec('sleep 600', { network: 'NONE' });
    await first.launch(s);
    await first.launch(orphan);
    await waitFor(() => readSandbox(s, 'stdout') === 'before\n', 'first output');
    await first.close(); // the agent goes away; its containers keep running
    const next = new DockerContainerizer(dockerOpts(workDir));
    try {
      const known = [{ containerId: s.containerId, metaDir: s.metaDir, sandbox: s.sandbox }];
      expect(await next.recover(known)).toEqual([s.containerId]);
      expect(await testDocker.getContainer(`mesos-${orphan.containerId}`).inspect().catch((e: { statusCode: number }) => e.statusCode)).toBe(404);
      expect((await next.usage(s.containerId))?.mem_limit_bytes).toBe(64 * 1024 * 1024);
      writeFileSync(join(s.sandbox, 'release'), '');
      expect(await next.wait(s.containerId)).toMatchObject({ exitCode: 4, message: 'Command exited with status 4' });
      expect(readSandbox(s, 'stdout')).toBe('before\nafter\n');
      expect(await testDocker.getContainer(`mesos-${s.containerId}`).inspect().catch((e: { statusCode: number }) => e.statusCode)).toBe(404);
    } finally {
      await next.close();
    }
  });

  it('leaves unknown containers alone with --docker_kill_orphans=false', async () => {
    const first = new DockerContainerizer(dockerOpts(workDir));
    const stray = spec('sleep 600', { network: 'NONE' });
    await first.launch(stray);
    await first.close();
    const keep = new DockerContainerizer(dockerOpts(workDir, { killOrphans: false }));
    try {
      expect(await keep.recover([])).toEqual([]);
      expect((await testDocker.getContainer(`mesos-${stray.containerId}`).inspect()).State.Running).toBe(true);
    } finally {
      await keep.close();
      await testDocker.getContainer(`mesos-${stray.containerId}`).remove({ force: true });
    }
  });
});

describe.skipIf(engine.ok)('DockerContainerizer (no engine)', () => {
  it.skip(`skipped: ${engine.reason}`, () => {});
});

describe('DockerContainerizer without an engine', () => {
  it('says so, and fails DOCKER launches with a clear message', async () => {
    const workDir = makeWorkDir('docker-none');
    const warnings: string[] = [];
    const log = { info() {}, debug() {}, error() {}, warn: (_o: unknown, m: string) => warnings.push(m) } as never;
    const cz = new DockerContainerizer({ ...dockerOpts(workDir), log, engine: { options: { socketPath: join(workDir, 'no.sock') }, describe: `unix://${workDir}/no.sock` } });
    try {
      expect((await cz.ready).ok).toBe(false);
      expect(warnings[0]).toMatch(/no Docker engine reachable at unix:\/\/.*no\.sock .*DOCKER tasks will fail/);
      const s = { ...makeSpec(workDir, MARK, 'true'), container: { type: 'DOCKER', docker: { image: TEST_IMAGE } } };
      await expect(cz.launch(s)).rejects.toThrow(/^No Docker engine reachable at unix:\/\/.*no\.sock .*start dockerd/);
      expect(await cz.recover([])).toEqual([]);
    } finally {
      await cz.close();
      rmSync(workDir, { recursive: true, force: true });
    }
  });
});
