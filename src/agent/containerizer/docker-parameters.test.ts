import { describe, expect, it } from 'vitest';
import { type CreateOptions, applyParameters } from './docker-parameters.js';

function apply(...params: Array<[string, string]>): CreateOptions {
  const o: CreateOptions = { HostConfig: {} };
  applyParameters(o, params.map(([key, value]) => ({ key, value })));
  return o;
}

describe('docker run parameters → Engine API', () => {
  it('maps the common options', () => {
    const o = apply(
      ['label', 'team=web'],
      ['label', 'bare'],
      ['env', 'A=1'],
      ['volume', '/srv:/data:ro'],
      ['volume', '/anon'],
      ['memory', '64m'],
      ['memory-swap', '-1'],
      ['cpu-shares', '512'],
      ['cpus', '1.5'],
      ['user', 'nobody'],
      ['workdir', '/w'],
      ['hostname', 'h1'],
      ['add-host', 'db:10.0.0.5'],
      ['cap-add', 'NET_ADMIN'],
      ['cap-drop', 'MKNOD'],
      ['ulimit', 'nofile=1024:2048'],
      ['ulimit', 'nproc=64'],
      ['entrypoint', '/bin/sh'],
      ['sysctl', 'net.core.somaxconn=1024'],
      ['tmpfs', '/run:size=64k'],
      ['read-only', 'true'],
      ['init', 'false'],
      ['log-driver', 'json-file'],
      ['log-opt', 'max-size=10m'],
      ['publish', '127.0.0.1:8080:80/udp'],
    );
    expect(o).toMatchObject({
      Labels: { team: 'web', bare: '' },
      Env: ['A=1'],
      Volumes: { '/anon': {} },
      User: 'nobody',
      WorkingDir: '/w',
      Hostname: 'h1',
      Entrypoint: ['/bin/sh'],
      ExposedPorts: { '80/udp': {} },
      HostConfig: {
        Binds: ['/srv:/data:ro'],
        Memory: 64 * 1024 * 1024,
        MemorySwap: -1,
        CpuShares: 512,
        NanoCpus: 1.5e9,
        ExtraHosts: ['db:10.0.0.5'],
        CapAdd: ['NET_ADMIN'],
        CapDrop: ['MKNOD'],
        Ulimits: [{ Name: 'nofile', Soft: 1024, Hard: 2048 }, { Name: 'nproc', Soft: 64, Hard: 64 }],
        Sysctls: { 'net.core.somaxconn': '1024' },
        Tmpfs: { '/run': 'size=64k' },
        ReadonlyRootfs: true,
        Init: false,
        LogConfig: { Type: 'json-file', Config: { 'max-size': '10m' } },
        PortBindings: { '80/udp': [{ HostIp: '127.0.0.1', HostPort: '8080' }] },
      },
    });
  });

  it('accepts short aliases and leading dashes', () => {
    expect(apply(['e', 'X=y'], ['--memory', '1g'], ['-u', '1000'])).toMatchObject({ Env: ['X=y'], User: '1000', HostConfig: { Memory: 1024 ** 3 } });
  });

  it('fails clearly on unknown and Mesos-owned options and bad values', () => {
    expect(() => apply(['frobnicate', 'x'])).toThrow("Unknown docker parameter 'frobnicate' (value 'x')");
    expect(() => apply(['name', 'mine'])).toThrow(/'name' is not supported: Mesos names the container/);
    expect(() => apply(['rm', ''])).toThrow(/'rm' is not supported/);
    expect(() => apply(['memory', 'lots'])).toThrow(/memory: 'lots' is not a size/);
    expect(() => apply(['cpu-shares', '1.5'])).toThrow(/not an integer/);
    expect(() => apply(['privileged', 'maybe'])).toThrow(/not true or false/);
    expect(() => apply(['ulimit', 'nofile'])).toThrow(/name=soft\[:hard\]/);
  });
});
