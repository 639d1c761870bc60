import { describe, expect, it } from 'vitest';
import { isOnlyScaleChange, isUpgrade } from './compare.js';
import { parseApp } from './normalize.js';
import { appToJson } from './to-json.js';

describe('parseApp defaults', () => {
  it('fills every API default for a minimal app', () => {
    const app = parseApp({ id: 'test', cmd: 'python3 -m http.server $PORT' });
    expect(app).toMatchObject({
      id: '/test',
      cpus: 1,
      mem: 128,
      disk: 0,
      gpus: 0,
      instances: 1,
      backoffSeconds: 1,
      backoffFactor: 1.15,
      maxLaunchDelaySeconds: 300,
      upgradeStrategy: { minimumHealthCapacity: 1, maximumOverCapacity: 1 },
      killSelection: 'YOUNGEST_FIRST',
      unreachableStrategy: { inactiveAfterSeconds: 0, expungeAfterSeconds: 0 },
      networks: [{ mode: 'host' }],
      portDefinitions: [{ port: 0, name: 'default', protocol: 'tcp' }],
      requirePorts: false,
      env: {},
      labels: {},
      constraints: [],
      healthChecks: [],
      readinessChecks: [],
      dependencies: [],
      fetch: [],
      executor: '',
      version: '',
    });
    expect(app.container).toBeUndefined();
  });

  it('keeps the tutorial values it was given', () => {
    const app = parseApp({ id: 'test', cmd: 'x y', cpus: 0.1, mem: 16, instances: 3 });
    expect([app.cpus, app.mem, app.instances]).toEqual([0.1, 16, 3]);
  });

  it('defaults health checks per §3.2 and gives portIndex 0', () => {
    const [hc] = parseApp({ id: '/a', cmd: 'x y', healthChecks: [{}] }).healthChecks;
    expect(hc).toEqual({
      protocol: 'HTTP',
      path: '/',
      portIndex: 0,
      gracePeriodSeconds: 300,
      intervalSeconds: 60,
      timeoutSeconds: 20,
      maxConsecutiveFailures: 3,
      delaySeconds: 15,
      ignoreHttp1xx: false,
      ipProtocol: 'IPv4',
    });
  });

  it('takes an explicit port over portIndex and makes a command check COMMAND', () => {
    const app = parseApp({ id: '/a', cmd: 'x y', healthChecks: [{ protocol: 'MESOS_TCP', port: 8080 }, { command: { value: 'true' } }] });
    expect(app.healthChecks[0]).toMatchObject({ protocol: 'MESOS_TCP', port: 8080 });
    expect(app.healthChecks[0].portIndex).toBeUndefined();
    expect(app.healthChecks[1]).toMatchObject({ protocol: 'COMMAND', command: { value: 'true' } });
    expect(app.healthChecks[1].portIndex).toBeUndefined();
  });

  it('defaults readiness checks', () => {
    const app = parseApp({ id: '/a', cmd: 'x y', portDefinitions: [{ port: 0, name: 'http-api' }], readinessChecks: [{ path: '/ready' }] });
    expect(app.readinessChecks).toEqual([
      { name: 'readinessCheck', protocol: 'HTTP', path: '/ready', portName: 'http-api', intervalSeconds: 30, timeoutSeconds: 10, httpStatusCodesForReady: [200], preserveLastResponse: false },
    ]);
  });

  it('upper-cases constraint operators and accepts enum literals in any case', () => {
    const app = parseApp({ id: '/a', cmd: 'x y', constraints: [['hostname', 'unique']], killSelection: 'oldest_first' });
    expect(app.constraints).toEqual([['hostname', 'UNIQUE']]);
    expect(app.killSelection).toBe('OLDEST_FIRST');
  });

  it('gives single-instance apps the {0,0} upgrade strategy', () => {
    const app = parseApp({ id: '/a', cmd: 'x y', labels: { MARATHON_SINGLE_INSTANCE_APP: 'true' } });
    expect(app.upgradeStrategy).toEqual({ minimumHealthCapacity: 0, maximumOverCapacity: 0 });
  });

  it('ignores unknown fields', () => {
    const app = parseApp({ id: '/a', cmd: 'x y', storeUrls: ['x'], somethingNew: { a: 1 } });
    expect(appToJson(app)).not.toHaveProperty('somethingNew');
  });

  it('resolves relative ids and dependencies against the group', () => {
    const app = parseApp({ id: 'web', cmd: 'x y', dependencies: ['../db', 'cache'] }, { groupId: '/prod/front' });
    expect(app.id).toBe('/prod/front/web');
    expect(app.dependencies).toEqual(['/prod/db', '/prod/front/cache']);
  });

  it('takes the URL id over the body', () => {
    expect(parseApp({ id: '/other', cmd: 'x y' }, { idFromPath: '/mine' }).id).toBe('/mine');
    expect(parseApp({ cmd: 'x y' }, { idFromPath: 'a/b' }).id).toBe('/a/b');
  });
});

describe('legacy normalisation to the 1.5+ forms', () => {
  it('ports → portDefinitions, uris → fetch', () => {
    const app = parseApp({ id: '/a', cmd: 'x y', ports: [0, 9000], uris: ['http://h/a.tgz', 'http://h/run.sh'] });
    expect(app.portDefinitions).toEqual([{ port: 0, protocol: 'tcp' }, { port: 9000, protocol: 'tcp' }]);
    expect(app.fetch).toEqual([
      { uri: 'http://h/a.tgz', extract: true, executable: false, cache: false },
      { uri: 'http://h/run.sh', extract: false, executable: false, cache: false },
    ]);
  });

  it('empty ports means no ports', () => {
    expect(parseApp({ id: '/a', cmd: 'x y', ports: [] }).portDefinitions).toEqual([]);
    expect(parseApp({ id: '/a', cmd: 'x y', portDefinitions: [] }).portDefinitions).toEqual([]);
  });

  it('docker BRIDGE network and docker.portMappings → networks + container.portMappings with hostPort 0', () => {
    const app = parseApp({ id: '/a', container: { type: 'DOCKER', docker: { image: 'nginx', network: 'BRIDGE', portMappings: [{ containerPort: 80, protocol: 'tcp' }] } } });
    expect(app.networks).toEqual([{ mode: 'container/bridge' }]);
    expect(app.container?.portMappings).toEqual([{ containerPort: 80, hostPort: 0, servicePort: 0, protocol: 'tcp' }]);
    expect(app.portDefinitions).toEqual([]);
    expect(appToJson(app).container).not.toHaveProperty('docker.network');
  });

  it('docker HOST network drops port mappings and keeps the default port', () => {
    const app = parseApp({ id: '/a', container: { docker: { image: 'nginx', network: 'HOST', portMappings: [{ containerPort: 80 }] } } });
    expect(app.networks).toEqual([{ mode: 'host' }]);
    expect(app.container?.portMappings).toEqual([]);
    expect(app.portDefinitions).toEqual([{ port: 0, protocol: 'tcp', name: 'default' }]);
  });

  it('docker USER network with ipAddress.networkName → a named container network', () => {
    const app = parseApp({ id: '/a', ipAddress: { networkName: 'dev' }, container: { docker: { image: 'x', network: 'USER' } } });
    expect(app.networks).toEqual([{ mode: 'container', name: 'dev' }]);
    expect(app.container?.portMappings).toEqual([{ containerPort: 0, servicePort: 0, protocol: 'tcp', name: 'default' }]);
  });

  it('ipAddress alone implies a MESOS container on a container network, discovery ports become mappings', () => {
    const app = parseApp({ id: '/a', cmd: 'x y', ipAddress: { networkName: 'dev', discovery: { ports: [{ number: 80, name: 'http', protocol: 'tcp' }] } } });
    expect(app.container?.type).toBe('MESOS');
    expect(app.networks).toEqual([{ mode: 'container', name: 'dev' }]);
    expect(app.container?.portMappings).toEqual([{ containerPort: 80, servicePort: 0, protocol: 'tcp', name: 'http' }]);
  });

  it('bridge mode without a container gets a MESOS one with the default mapping', () => {
    const app = parseApp({ id: '/a', cmd: 'x y', networks: [{ mode: 'container/bridge' }] });
    expect(app.container).toEqual({ type: 'MESOS', portMappings: [{ containerPort: 0, hostPort: 0, servicePort: 0, protocol: 'tcp', name: 'default' }], volumes: [] });
    expect(app.requirePorts).toBe(false);
  });

  it('a container without type is DOCKER with docker defaults', () => {
    const app = parseApp({ id: '/a', container: { docker: { image: 'busybox' }, volumes: [{ containerPath: '/d', hostPath: '/tmp' }] } });
    expect(app.container).toEqual({
      type: 'DOCKER',
      docker: { image: 'busybox', forcePullImage: false, privileged: false, parameters: [] },
      portMappings: [],
      volumes: [{ containerPath: '/d', hostPath: '/tmp', mode: 'RW' }],
    });
  });
});

describe('partial updates (PUT partialUpdate=true / PATCH)', () => {
  const base = { ...parseApp({ id: '/web', cmd: 'sleep 100', cpus: 0.5, instances: 2, env: { A: '1' } }), version: '2024-01-01T00:00:00.000Z' };

  it('changes only the given fields', () => {
    const app = parseApp({ instances: 5 }, { base });
    expect(app).toEqual({ ...base, instances: 5 });
    expect(isOnlyScaleChange(base, app)).toBe(true);
    expect(isUpgrade(base, app)).toBe(false);
  });

  it('replaces whole fields, and a config change is not a scale', () => {
    const app = parseApp({ env: { B: '2' }, instances: 3 }, { base });
    expect(app.env).toEqual({ B: '2' });
    expect(app.cpus).toBe(0.5);
    expect(isOnlyScaleChange(base, app)).toBe(false);
    expect(isUpgrade(base, app)).toBe(true);
  });

  it('legacy ports in the update replace the stored port definitions', () => {
    expect(parseApp({ ports: [8080] }, { base }).portDefinitions).toEqual([{ port: 8080, protocol: 'tcp' }]);
  });

  it('switching to bridge networking drops stored port definitions', () => {
    const app = parseApp({ networks: [{ mode: 'container/bridge' }], container: { docker: { image: 'nginx' } } }, { base });
    expect(app.portDefinitions).toEqual([]);
    expect(app.container?.portMappings).toHaveLength(1);
  });

  it('rejects version mixed with other fields', () => {
    expect(() => parseApp({ version: '2024-01-01T00:00:00.000Z', cpus: 2 }, { base })).toThrow('Object is not valid');
  });

  it('nothing changed is neither an upgrade nor a scale', () => {
    const same = parseApp({}, { base });
    expect(isUpgrade(base, same)).toBe(false);
    expect(isOnlyScaleChange(base, same)).toBe(false);
  });

  it('round-trips through appToJson', () => {
    const full = parseApp({ id: '/x', container: { docker: { image: 'n', network: 'BRIDGE' } }, healthChecks: [{ protocol: 'MESOS_HTTP' }], constraints: [['rack', 'GROUP_BY', '2']], fetch: [{ uri: 'http://a/b' }] });
    const again = parseApp(JSON.parse(JSON.stringify(appToJson(full))));
    expect(again).toEqual(full);
  });
});
