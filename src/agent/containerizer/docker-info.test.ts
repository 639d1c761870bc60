import { describe, expect, it } from 'vitest';
import { isDockerContainer, parseDockerInfo, pullReference } from './docker-info.js';

const docker = (d: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: 'DOCKER', docker: { image: 'busybox:local', ...d }, ...extra });

describe('parseDockerInfo', () => {
  it('defaults to HOST networking, no pull, no parameters', () => {
    expect(parseDockerInfo(docker({}))).toEqual({ image: 'busybox:local', network: 'HOST', portMappings: [], privileged: false, forcePullImage: false, parameters: [], volumes: [] });
  });

  it('reads enums by name or number, port mappings, volumes and parameters', () => {
    const info = parseDockerInfo({
      type: 1,
      docker: { image: ' nginx ', network: 2, privileged: true, force_pull_image: true, port_mappings: [{ host_port: 31000, container_port: 80 }, { host_port: '31001', container_port: 53, protocol: 'UDP' }], parameters: [{ key: 'label', value: 'a=b' }, { key: 'init' }] },
      volumes: [{ container_path: '/data', host_path: '/srv', mode: 'RO' }, { container_path: 'cache', host_path: 'c', mode: 1 }, { container_path: '/v', source: { type: 'DOCKER_VOLUME', docker_volume: { name: 'vol1' } } }],
      hostname: 'web',
    });
    expect(info).toMatchObject({
      image: 'nginx',
      network: 'BRIDGE',
      privileged: true,
      forcePullImage: true,
      hostname: 'web',
      portMappings: [{ hostPort: 31000, containerPort: 80, protocol: 'tcp' }, { hostPort: 31001, containerPort: 53, protocol: 'udp' }],
      parameters: [{ key: 'label', value: 'a=b' }, { key: 'init', value: '' }],
      volumes: [{ containerPath: '/data', hostPath: '/srv', readOnly: true }, { containerPath: 'cache', hostPath: 'c', readOnly: false }, { containerPath: '/v', volumeName: 'vol1', readOnly: false }],
    });
  });

  it('takes the USER network name from network_infos', () => {
    expect(parseDockerInfo(docker({ network: 'USER' }, { network_infos: [{ name: 'overlay1' }] }))).toMatchObject({ network: 'USER', networkName: 'overlay1' });
    expect(() => parseDockerInfo(docker({ network: 'USER' }))).toThrow(/network_infos\[0\]\.name/);
  });

  it.each([
    [{ type: 'MESOS' }, /only runs DOCKER/],
    [{ type: 'DOCKER', docker: {} }, /docker\.image is required/],
    [docker({ network: 'OVERLAY' }), /HOST, BRIDGE, NONE or USER/],
    [docker({ port_mappings: [{ host_port: 1, container_port: 2 }] }), /need BRIDGE or USER networking, not HOST/],
    [docker({ network: 'BRIDGE', port_mappings: [{ host_port: 70000, container_port: 2 }] }), /host_port must be a port number/],
    [docker({ network: 'BRIDGE', port_mappings: [{ host_port: 1, container_port: 2, protocol: 'sctp' }] }), /tcp or udp/],
    [docker({ parameters: [{ value: 'x' }] }), /parameters\[\]\.key is required/],
    [docker({}, { volumes: [{ host_path: '/x' }] }), /container_path is required/],
    [docker({}, { volumes: [{ container_path: '/x', mode: 'RX' }] }), /RW or RO/],
    [docker({}, { hostname: 'h' }), /hostname cannot be set with HOST/],
  ])('rejects %j', (c, err) => {
    expect(() => parseDockerInfo(c)).toThrow(err);
  });

  it('knows DOCKER containers by name or enum number', () => {
    expect(isDockerContainer({ type: 'DOCKER' })).toBe(true);
    expect(isDockerContainer({ type: 1 })).toBe(true);
    expect(isDockerContainer({ type: 'MESOS' })).toBe(false);
    expect(isDockerContainer(undefined)).toBe(false);
  });
});

describe('pullReference', () => {
  it.each([
    ['busybox', { fromImage: 'busybox', tag: 'latest' }],
    ['busybox:1.36', { fromImage: 'busybox', tag: '1.36' }],
    ['localhost:5000/team/app', { fromImage: 'localhost:5000/team/app', tag: 'latest' }],
    ['localhost:5000/team/app:v2', { fromImage: 'localhost:5000/team/app', tag: 'v2' }],
    ['alpine@sha256:abc', { fromImage: 'alpine@sha256:abc' }],
  ])('%s', (image, ref) => {
    expect(pullReference(image)).toEqual(ref);
  });
});
