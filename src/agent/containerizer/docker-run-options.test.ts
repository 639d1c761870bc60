import { describe, expect, it } from 'vitest';
import { parseDockerInfo } from './docker-info.js';
import { containerEnv, createOptions, dockerCommand } from './docker-run-options.js';
import type { LaunchSpec } from './types.js';

function spec(over: Partial<LaunchSpec> = {}): LaunchSpec {
  return {
    containerId: 'c1',
    frameworkId: 'fw',
    executorId: 'ex',
    taskId: 't',
    sandbox: '/w/sandbox',
    metaDir: '/w/meta',
    command: { value: 'echo hi', environment: { variables: [{ name: 'MINE', value: '1' }] } },
    env: { PATH: '/host/bin', HOME: '/root', MINE: '1', MESOS_TASK_ID: 't', MESOS_AGENT_ID: 'S1', MESOS_SANDBOX: '/w/sandbox', PORT: '31000', PORT0: '31000', PORTS: '31000,31001' },
    limits: { cpus: 0.5, memMb: 64 },
    ...over,
  };
}
const ctx = { workDir: '/w', switchUser: true, enableCfs: false };
const info = (d: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => parseDockerInfo({ type: 'DOCKER', docker: { image: 'img', ...d }, ...extra });

describe('dockerCommand (upstream shell / entrypoint semantics)', () => {
  it('shell: sh -c value, replacing the image entrypoint', () => {
    expect(dockerCommand({ value: 'echo $HOME' })).toEqual({ Entrypoint: ['/bin/sh', '-c'], Cmd: ['echo $HOME'] });
  });
  it('shell:false keeps the entrypoint; value and arguments become the CMD', () => {
    expect(dockerCommand({ shell: false, arguments: ['--port', '80'] })).toEqual({ Cmd: ['--port', '80'] });
    expect(dockerCommand({ shell: false, value: 'serve', arguments: ['-v'] })).toEqual({ Cmd: ['serve', '-v'] });
  });
  it('no value keeps the image default command', () => {
    expect(dockerCommand({})).toEqual({});
    expect(dockerCommand({ shell: false })).toEqual({});
  });
});

describe('createOptions', () => {
  it('names, labels, limits, sandbox mount and the task-only environment', () => {
    const o = createOptions(spec(), info(), ctx);
    expect(o).toMatchObject({
      name: 'mesos-c1',
      Image: 'img',
      Cmd: ['echo hi'],
      Labels: { 'tsmesos.work_dir': '/w', 'tsmesos.agent_id': 'S1', 'tsmesos.framework_id': 'fw', 'tsmesos.executor_id': 'ex', 'tsmesos.task_id': 't', 'tsmesos.container_id': 'c1', 'tsmesos.cpus': '0.5', 'tsmesos.mem_mb': '64' },
      HostConfig: { Init: true, NetworkMode: 'host', CpuShares: 512, Memory: 64 << 20, MemorySwap: 64 << 20, Binds: ['/w/sandbox:/mnt/mesos/sandbox:rw'], Privileged: false },
    });
    expect(o.HostConfig.CpuQuota).toBeUndefined();
    expect(o.User).toBeUndefined();
    expect(o.Env).toEqual(expect.arrayContaining(['MINE=1', 'MESOS_TASK_ID=t', 'MESOS_SANDBOX=/mnt/mesos/sandbox', 'MESOS_CONTAINER_NAME=mesos-c1', 'PORT0=31000', 'PORTS=31000,31001']));
    expect(o.Env!.some((e) => e.startsWith('PATH=') || e.startsWith('HOME='))).toBe(false);
  });

  it('bridge networking with port mappings from the task ports; CFS quota; user', () => {
    const o = createOptions(spec({ user: 'nobody' }), info({ network: 'BRIDGE', port_mappings: [{ host_port: 31001, container_port: 80 }] }), { ...ctx, enableCfs: true });
    expect(o).toMatchObject({ User: 'nobody', ExposedPorts: { '80/tcp': {} }, HostConfig: { NetworkMode: 'bridge', PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '31001' }] }, CpuPeriod: 100000, CpuQuota: 50000 } });
    expect(() => createOptions(spec(), info({ network: 'BRIDGE', port_mappings: [{ host_port: 32000, container_port: 80 }] }), ctx)).toThrow(/host port 32000 is not among the task's port resources \(31000,31001\)/);
  });

  it('leaves root and non-switching users alone', () => {
    expect(createOptions(spec({ user: 'root' }), info(), ctx).User).toBeUndefined();
    expect(createOptions(spec({ user: 'nobody' }), info(), { ...ctx, switchUser: false }).User).toBeUndefined();
  });

  it('mounts a sandbox whose path holds colons (Chronos task ids) as a bind Mount, not a Binds string', () => {
    const o = createOptions(spec({ sandbox: '/w/executors/ct:1:0:job:/runs/r1' }), info({}, { volumes: [{ container_path: 'out', host_path: 'results' }, { container_path: '/data', host_path: '/srv', mode: 'RO' }] }), ctx);
    expect(o.HostConfig.Mounts).toEqual([
      { Type: 'bind', Source: '/w/executors/ct:1:0:job:/runs/r1', Target: '/mnt/mesos/sandbox', ReadOnly: false },
      { Type: 'bind', Source: '/w/executors/ct:1:0:job:/runs/r1/results', Target: '/mnt/mesos/sandbox/out', ReadOnly: false },
    ]);
    expect(o.HostConfig.Binds).toEqual(['/srv:/data:ro']);
  });

  it('volumes: absolute, sandbox-relative, named, anonymous; relative container paths under the sandbox', () => {
    const o = createOptions(spec(), info({}, { volumes: [{ container_path: '/data', host_path: '/srv', mode: 'RO' }, { container_path: 'out', host_path: 'results' }, { container_path: '/v', source: { docker_volume: { name: 'vol' } } }, { container_path: '/scratch' }] }), ctx);
    expect(o.HostConfig.Binds).toEqual(['/w/sandbox:/mnt/mesos/sandbox:rw', '/srv:/data:ro', '/w/sandbox/results:/mnt/mesos/sandbox/out:rw', 'vol:/v:rw']);
    expect(o.Volumes).toEqual({ '/scratch': {} });
    expect(() => createOptions(spec(), info({}, { volumes: [{ container_path: '/x', host_path: '../../etc' }] }), ctx)).toThrow(/leaves the sandbox/);
  });

  it('NONE and USER networks, hostname, privileged', () => {
    expect(createOptions(spec(), info({ network: 'NONE', privileged: true }, { hostname: 'box' }), ctx)).toMatchObject({ Hostname: 'box', HostConfig: { NetworkMode: 'none', Privileged: true } });
    expect(createOptions(spec(), info({ network: 'USER' }, { network_infos: [{ name: 'mynet' }] }), ctx).HostConfig.NetworkMode).toBe('mynet');
  });

  it('parameters apply last, but cannot take over the ownership labels; swap follows a memory parameter', () => {
    const o = createOptions(spec(), info({ parameters: [{ key: 'label', value: 'tsmesos.task_id=evil' }, { key: 'label', value: 'app=web' }, { key: 'memory', value: '128m' }, { key: 'env', value: 'EXTRA=1' }] }), ctx);
    expect(o.Labels).toMatchObject({ 'tsmesos.task_id': 't', app: 'web' });
    expect(o.HostConfig).toMatchObject({ Memory: 128 << 20, MemorySwap: 128 << 20 });
    expect(o.Env).toContain('EXTRA=1');
  });

  it('keeps variables the task sets itself even when they are not MESOS_ or PORT ones', () => {
    expect(containerEnv(spec())).toContain('MINE=1');
  });
});
