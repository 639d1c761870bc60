/**
 * Bad input over HTTP against the built `tsmesos marathon`: malformed app definitions get 422 with
 * Marathon's `{"message","details":[{path,errors}]}` naming the right field, through POST, PUT and
 * PATCH alike; broken JSON gets 400, a wrong method 405 with Allow, an oversized body 413, an
 * unknown app 404 — and the daemon keeps serving and its state is untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, MarathonCluster } from './marathon-harness.js';

const cluster = new MarathonCluster();
let base = '';

beforeAll(async () => {
  await cluster.start();
  base = await cluster.leadingMarathon();
}, 60_000);
afterAll(() => cluster.cleanup(), 60_000);

const app = (extra: Record<string, unknown>) => ({ id: 'bad', cmd: 'sleep 10', cpus: 0.1, mem: 16, ...extra });
const bridge = (container: Record<string, unknown>) => ({ id: 'bad', networks: [{ mode: 'container/bridge' }], container: { docker: { image: 'busybox' }, ...container } });

/** [what, body, the path that must be in details] */
const MALFORMED: Array<[string, unknown, string]> = [
  ['cpus below zero', app({ cpus: -0.5 }), '/cpus'],
  ['mem below zero', app({ mem: -1 }), '/mem'],
  ['disk below zero', app({ disk: -10 }), '/disk'],
  ['instances below zero', app({ instances: -1 }), '/instances'],
  ['instances not whole', app({ instances: 2.5 }), '/instances'],
  ['cpus a string', app({ cpus: 'lots' }), '/cpus'],
  ['mem an object', app({ mem: { mb: 16 } }), '/mem'],
  ['id a number', app({ id: 42 }), '/id'],
  ['id missing', { cmd: 'sleep 1' }, '/id'],
  ['id with capitals', app({ id: 'Bad' }), '/id'],
  ['id with an underscore', app({ id: 'bad_app' }), '/id'],
  ['id ending in -', app({ id: 'bad-' }), '/id'],
  ['id ending in versions', app({ id: '/x/versions' }), '/id'],
  ['id of the root', app({ id: '/' }), '/id'],
  ['neither cmd, args nor container', { id: 'bad' }, '/'],
  ['cmd and args together', app({ args: ['sleep', '1'] }), '/'],
  ['args with a number', { id: 'bad', args: ['sleep', 5] }, '/args(1)'],
  ['env value a number', app({ env: { PORT_X: 8080 } }), '/env/PORT_X'],
  ['labels value a boolean', app({ labels: { public: false } }), '/labels/public'],
  ['constraint of one field', app({ constraints: [['hostname']] }), '/constraints(0)'],
  ['second constraint with an unknown operator', app({ constraints: [['hostname', 'UNIQUE'], ['rack', 'SPREAD']] }), '/constraints(1)'],
  ['UNIQUE with a value', app({ constraints: [['hostname', 'UNIQUE', 'a1']] }), '/constraints(0)'],
  ['MAX_PER without a number', app({ constraints: [['rack', 'MAX_PER', 'x']] }), '/constraints(0)'],
  ['LIKE with a broken regex', app({ constraints: [['rack', 'LIKE', '[a-']] }), '/constraints(0)'],
  ['constraints a flat list', app({ constraints: ['hostname', 'UNIQUE'] }), '/constraints(0)'],
  ['minimumHealthCapacity above 1', app({ upgradeStrategy: { minimumHealthCapacity: 2, maximumOverCapacity: 0 } }), '/upgradeStrategy/minimumHealthCapacity'],
  ['maximumOverCapacity below 0', app({ upgradeStrategy: { minimumHealthCapacity: 1, maximumOverCapacity: -1 } }), '/upgradeStrategy/maximumOverCapacity'],
  ['backoffFactor below 1', app({ backoffFactor: 0.9 }), '/backoffFactor'],
  ['backoffSeconds below zero', app({ backoffSeconds: -2 }), '/backoffSeconds'],
  ['killSelection unknown', app({ killSelection: 'RANDOM' }), '/killSelection'],
  ['portDefinitions port too high', app({ portDefinitions: [{ port: 65536 }] }), '/portDefinitions(0)/port'],
  ['portDefinitions names twice', app({ portDefinitions: [{ port: 0, name: 'web' }, { port: 0, name: 'web' }] }), '/portDefinitions'],
  ['portDefinitions protocol unknown', app({ portDefinitions: [{ port: 0, protocol: 'icmp' }] }), '/portDefinitions(0)/protocol'],
  ['requirePorts a string', app({ requirePorts: 'true' }), '/requirePorts'],
  ['fetch entry without uri', app({ fetch: [{ executable: true }] }), '/fetch(0)/uri'],
  ['docker without image', { id: 'bad', container: { type: 'DOCKER', docker: { forcePullImage: true } } }, '/container/docker/image'],
  ['container type unknown', app({ container: { type: 'LXC' } }), '/container/type'],
  ['bridge hostPort too high', bridge({ portMappings: [{ containerPort: 80, hostPort: 70000 }] }), '/container/portMappings(0)/hostPort'],
  ['volume mode unknown', app({ container: { type: 'MESOS', volumes: [{ containerPath: '/d', hostPath: '/tmp', mode: 'WO' }] } }), '/container/volumes(0)/mode'],
  ['network mode unknown', app({ networks: [{ mode: 'vxlan' }] }), '/networks(0)/mode'],
  ['health check protocol unknown', app({ healthChecks: [{ protocol: 'GOPHER' }] }), '/healthChecks(0)/protocol'],
  ['health check interval zero', app({ healthChecks: [{ protocol: 'HTTP', intervalSeconds: 0 }] }), '/healthChecks(0)/intervalSeconds'],
  ['health check on a port the app lacks', app({ healthChecks: [{ protocol: 'TCP', portIndex: 4 }] }), '/healthChecks(0)'],
  ['COMMAND health check without command', app({ healthChecks: [{ protocol: 'COMMAND' }] }), '/healthChecks(0)/command'],
  ['healthChecks an object', app({ healthChecks: { protocol: 'TCP' } }), '/healthChecks'],
  ['readiness check on an unnamed port', app({ readinessChecks: [{ portName: 'nope' }] }), '/readinessChecks(0)/portName'],
  ['unreachableStrategy inverted', app({ unreachableStrategy: { inactiveAfterSeconds: 10, expungeAfterSeconds: 5 } }), '/unreachableStrategy'],
  ['dependency with capitals', app({ dependencies: ['/DB'] }), '/dependencies(0)'],
  ['taskKillGracePeriodSeconds below zero', app({ taskKillGracePeriodSeconds: -3 }), '/taskKillGracePeriodSeconds'],
  ['deploymentDeadlineSeconds zero (tsmesos)', app({ deploymentDeadlineSeconds: 0 }), '/deploymentDeadlineSeconds'],
  ['acceptedResourceRoles empty', app({ acceptedResourceRoles: [] }), '/acceptedResourceRoles'],
  ['body a JSON array', [app({})], '/'],
];

function expect422(r: { status: number; body: any; text: string }, path: string, what: string): void {
  expect(r.status, `${what}: ${r.text}`).toBe(422);
  expect(['Object is not valid', 'Invalid JSON'], what).toContain(r.body.message);
  const detail = r.body.details.find((d: { path: string }) => d.path === path);
  expect(detail, `${what}: ${r.text}`).toBeDefined();
  expect(detail.errors.length, what).toBeGreaterThan(0);
  expect(detail.errors.every((e: unknown) => typeof e === 'string' && e.length > 0), what).toBe(true);
}

describe('tsmesos marathon: bad input', () => {
  it(`answers ${MALFORMED.length} malformed app definitions with 422 and the field's path (POST /v2/apps)`, async () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(40);
    for (const [what, body, path] of MALFORMED) expect422(await call(base, 'POST', '/v2/apps', body), path, what);
    expect((await call(base, 'GET', '/v2/apps')).body.apps).toEqual([]);
    expect((await call(base, 'GET', '/v2/deployments')).body).toEqual([]);
  }, 60_000);

  it('checks PUT and PATCH the same way, against the stored app', async () => {
    expect((await call(base, 'POST', '/v2/apps', { id: 'good', cmd: 'sleep 10', cpus: 0.1, mem: 16, instances: 0 })).status).toBe(201);
    expect422(await call(base, 'PUT', '/v2/apps/good', { cpus: -1 }), '/cpus', 'PUT cpus');
    expect422(await call(base, 'PATCH', '/v2/apps/good', { constraints: [['hostname', 'NEAR']] }), '/constraints(0)', 'PATCH constraints');
    expect422(await call(base, 'PUT', '/v2/apps/good?partialUpdate=false', { instances: 1 }), '/', 'PUT full without cmd');
    expect((await call(base, 'PATCH', '/v2/apps/missing', { instances: 1 })).status).toBe(404);
    const stored = (await call(base, 'GET', '/v2/apps/good')).body.app;
    expect(stored).toMatchObject({ cpus: 0.1, constraints: [] });
    expect422(await call(base, 'POST', '/v2/groups', { id: 'grp', apps: [{ id: 'x', cmd: 'sleep 1', mem: -5 }] }), '/apps(0)/mem', 'group app');
  });

  it('400 for JSON that does not parse, 405 with Allow for a wrong method, 404 for unknown things', async () => {
    for (const text of ['{"id": "x",', 'not json', '', '{"id": "x"}}']) {
      const r = await call(base, 'POST', '/v2/apps', text);
      expect(r.status, text).toBe(400);
      expect(r.body.message).toBe('Invalid JSON');
    }
    const m = await call(base, 'POST', '/v2/tasks');
    expect(m.status).toBe(405);
    expect(m.headers.get('allow')).toBe('GET, HEAD');
    const restart = await call(base, 'GET', '/v2/apps/good/restart');
    expect(restart.status).toBe(405);
    expect(restart.headers.get('allow')).toBe('POST');
    expect((await call(base, 'DELETE', '/v2/info')).status).toBe(405);
    expect(await call(base, 'GET', '/v2/apps/nope')).toMatchObject({ status: 404, body: { message: "App '/nope' does not exist" } });
    expect(await call(base, 'GET', '/v2/groups/nope')).toMatchObject({ status: 404, body: { message: "Group '/nope' does not exist" } });
    expect((await call(base, 'GET', '/v2/nothing-here')).status).toBe(404);
    expect((await call(base, 'DELETE', '/v2/apps/good/tasks?scale=true&wipe=true')).status).toBe(400);
    expect((await call(base, 'GET', '/v2/apps?label=a%20in%20(')).status).toBe(400);
  });

  it('413 for a body over the limit, and the daemon keeps serving with its state intact', async () => {
    const huge = JSON.stringify(app({ env: { BIG: 'x'.repeat(6 * 1024 * 1024) } }));
    const r = await call(base, 'POST', '/v2/apps', huge);
    expect(r.status).toBe(413);
    expect(r.body.message).toMatch(/larger than/);
    expect((await call(base, 'GET', '/ping')).text).toBe('pong\n');
    expect((await call(base, 'GET', '/v2/apps')).body.apps.map((a: { id: string }) => a.id)).toEqual(['/good']);
    expect((await call(base, 'POST', '/v2/apps', { id: 'good', cmd: 'sleep 10' })).status).toBe(409);
    expect((await call(base, 'DELETE', '/v2/apps/good')).status).toBe(200);
  });
});
