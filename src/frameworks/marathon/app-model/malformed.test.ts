import { describe, expect, it } from 'vitest';
import { parseApp } from './normalize.js';
import { AppValidationError } from './types.js';

const ok = { id: '/app', cmd: 'sleep 100' };
const INVALID = 'Invalid JSON';
const NOT_VALID = 'Object is not valid';

/** [what, body, expected path, expected error (exact), top-level message] */
const CASES: Array<[string, Record<string, unknown>, string, string, string]> = [
  ['negative cpus', { ...ok, cpus: -1 }, '/cpus', 'got -1.0, expected 0.0 or more', NOT_VALID],
  ['negative mem', { ...ok, mem: -3 }, '/mem', 'got -3.0, expected 0.0 or more', NOT_VALID],
  ['negative disk', { ...ok, disk: -0.5 }, '/disk', 'got -0.5, expected 0.0 or more', NOT_VALID],
  ['negative instances', { ...ok, instances: -3 }, '/instances', 'got -3, expected 0 or more', NOT_VALID],
  ['cpus as a string', { ...ok, cpus: 'one' }, '/cpus', 'error.expected.jsnumber', INVALID],
  ['instances fractional', { ...ok, instances: 1.5 }, '/instances', 'error.expected.int', INVALID],
  ['instances as a string', { ...ok, instances: '2' }, '/instances', 'error.expected.jsnumber', INVALID],
  ['id as a number', { ...ok, id: 123 }, '/id', 'error.expected.jsstring', INVALID],
  ['id missing', { cmd: 'sleep 1' }, '/id', 'error.path.missing', INVALID],
  ['id with upper case', { ...ok, id: '/MyApp' }, '/id', "must fully match regular expression '^(([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])\\.)*([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])|(\\.|\\.\\.)$'", NOT_VALID],
  ['id with underscore', { ...ok, id: '/my_app' }, '/id', "must fully match regular expression '^(([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])\\.)*([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])|(\\.|\\.\\.)$'", NOT_VALID],
  ['id with a leading dash', { ...ok, id: '/-app' }, '/id', "must fully match regular expression '^(([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])\\.)*([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])|(\\.|\\.\\.)$'", NOT_VALID],
  ['id ending in restart', { ...ok, id: '/a/restart' }, '/id', 'must not end with any of the following reserved keywords: restart, tasks, versions', NOT_VALID],
  ['id ending in tasks', { ...ok, id: '/tasks' }, '/id', 'must not end with any of the following reserved keywords: restart, tasks, versions', NOT_VALID],
  ['id that is the root', { ...ok, id: '/' }, '/id', 'Path must contain at least one path element', NOT_VALID],
  ['id that resolves to the root', { ...ok, id: '/a/..' }, '/id', 'Path must contain at least one path element', NOT_VALID],
  ['no cmd, args or container', { id: '/app' }, '/', "AppDefinition must either contain one of 'cmd' or 'args', and/or a 'container'.", NOT_VALID],
  ['both cmd and args', { ...ok, args: ['sleep', '1'] }, '/', "AppDefinition must either contain one of 'cmd' or 'args', and/or a 'container'.", NOT_VALID],
  ['args not strings', { id: '/app', args: ['sleep', 1] }, '/args(1)', 'error.expected.jsstring', INVALID],
  ['empty cmd', { id: '/app', cmd: '' }, '/', 'must not be an empty string', NOT_VALID],
  ['constraint with one field', { ...ok, constraints: [['hostname']] }, '/constraints(0)', 'Each constraint must have either 2 or 3 fields', NOT_VALID],
  ['constraint with four fields', { ...ok, constraints: [['a', 'LIKE', 'b', 'c']] }, '/constraints(0)', 'Each constraint must have either 2 or 3 fields', NOT_VALID],
  ['unknown operator', { ...ok, constraints: [['hostname', 'UNIQUE'], ['hostname', 'NEAR', 'x']] }, '/constraints(1)', 'operator must be one of the following UNIQUE, CLUSTER, GROUP_BY, LIKE, MAX_PER, UNLIKE or IS', NOT_VALID],
  ['UNIQUE with a value', { ...ok, constraints: [['hostname', 'UNIQUE', 'x']] }, '/constraints(0)', 'UNIQUE does not accept a value', NOT_VALID],
  ['MAX_PER without a value', { ...ok, constraints: [['rack', 'MAX_PER']] }, '/constraints(0)', 'MAX_PER requires an integer value', NOT_VALID],
  ['MAX_PER with text', { ...ok, constraints: [['rack', 'max_per', 'two']] }, '/constraints(0)', 'MAX_PER requires an integer value', NOT_VALID],
  ['MAX_PER value as a number', { ...ok, constraints: [['rack', 'MAX_PER', 2]] }, '/constraints(0)(2)', 'error.expected.jsstring', INVALID],
  ['GROUP_BY with text', { ...ok, constraints: [['rack', 'GROUP_BY', 'many']] }, '/constraints(0)', 'GROUP BY must define an integer value or else no value at all', NOT_VALID],
  ['LIKE without a value', { ...ok, constraints: [['rack', 'LIKE']] }, '/constraints(0)', 'LIKE and UNLIKE require a non-empty, regular expression value', NOT_VALID],
  ['UNLIKE with a bad regex', { ...ok, constraints: [['rack', 'UNLIKE', 'a(']] }, '/constraints(0)', 'is not a valid regular expression', NOT_VALID],
  ['IS without a value', { ...ok, constraints: [['rack', 'IS']] }, '/constraints(0)', 'IS only supports Mesos text and float values', NOT_VALID],
  ['constraints not a list of lists', { ...ok, constraints: ['hostname', 'UNIQUE'] }, '/constraints(0)', 'error.expected.jsarray', INVALID],
  ['minimumHealthCapacity above 1', { ...ok, upgradeStrategy: { minimumHealthCapacity: 1.5 } }, '/upgradeStrategy/minimumHealthCapacity', 'got 1.5, expected 1.0 or less', NOT_VALID],
  ['maximumOverCapacity below 0', { ...ok, upgradeStrategy: { maximumOverCapacity: -0.1 } }, '/upgradeStrategy/maximumOverCapacity', 'got -0.1, expected 0.0 or more', NOT_VALID],
  ['backoffFactor below 1', { ...ok, backoffFactor: 0.5 }, '/backoffFactor', 'got 0.5, expected 1.0 or more', NOT_VALID],
  ['negative backoffSeconds', { ...ok, backoffSeconds: -1 }, '/backoffSeconds', 'got -1, expected 0 or more', NOT_VALID],
  ['negative maxLaunchDelaySeconds', { ...ok, maxLaunchDelaySeconds: -5 }, '/maxLaunchDelaySeconds', 'got -5, expected 0 or more', NOT_VALID],
  ['unknown killSelection', { ...ok, killSelection: 'YoungestFirst' }, '/killSelection', 'error.unknown.enum.literal', INVALID],
  ['env value a number', { ...ok, env: { A: 1 } }, '/env/A', 'error.expected.jsstring', INVALID],
  ['env secret reference', { ...ok, env: { A: { secret: 's1' } } }, '/env/A', 'Feature secrets is not enabled. Enable with --enable_features secrets)', NOT_VALID],
  ['labels value not a string', { ...ok, labels: { team: true } }, '/labels/team', 'error.expected.jsstring', INVALID],
  ['port definition above 65535', { ...ok, portDefinitions: [{ port: 70000 }] }, '/portDefinitions(0)/port', 'got 70000, expected 65535 or less', NOT_VALID],
  ['duplicate port definition names', { ...ok, portDefinitions: [{ port: 0, name: 'http' }, { port: 0, name: 'http' }] }, '/portDefinitions', 'Port names must be unique.', NOT_VALID],
  ['duplicate fixed ports', { ...ok, portDefinitions: [{ port: 8080 }, { port: 8080 }] }, '/portDefinitions', 'Ports must be unique.', NOT_VALID],
  ['bad port name', { ...ok, portDefinitions: [{ port: 0, name: 'HTTP_API' }] }, '/portDefinitions(0)/name', "must fully match regular expression '^[a-z0-9-]+$'", NOT_VALID],
  ['unknown port protocol', { ...ok, portDefinitions: [{ port: 0, protocol: 'sctp' }] }, '/portDefinitions(0)/protocol', 'error.unknown.enum.literal', INVALID],
  ['legacy ports not unique', { ...ok, ports: [8080, 8080] }, '/', 'ports must be unique', NOT_VALID],
  ['ports and portDefinitions disagree', { ...ok, ports: [1], portDefinitions: [{ port: 2 }] }, '/', 'cannot specify both ports and port definitions', NOT_VALID],
  ['uris and fetch together', { ...ok, uris: ['http://a/x'], fetch: [{ uri: 'http://a/y' }] }, '/', 'cannot specify both uris and fetch fields', NOT_VALID],
  ['fetch uri with spaces', { ...ok, fetch: [{ uri: 'http://a/b c' }] }, '/fetch(0)', 'URI has invalid syntax.', NOT_VALID],
  ['fetch entry without uri', { ...ok, fetch: [{ extract: true }] }, '/fetch(0)/uri', 'error.path.missing', INVALID],
  ['docker container without image', { id: '/app', container: { type: 'DOCKER', docker: {} } }, '/container/docker/image', 'error.path.missing', INVALID],
  ['docker container with empty image', { id: '/app', container: { type: 'DOCKER', docker: { image: ' ' } } }, '/container/docker/image', 'must not be empty', NOT_VALID],
  ['container with no docker section', { id: '/app', cmd: 'sleep 1', container: {} }, '/container/docker', 'not defined', NOT_VALID],
  ['unknown container type', { ...ok, container: { type: 'RKT' } }, '/container/type', 'error.unknown.enum.literal', INVALID],
  ['docker network NONE', { id: '/app', container: { docker: { image: 'x', network: 'NONE' } } }, '/', 'unsupported docker network type NONE', NOT_VALID],
  ['docker network and networks', { id: '/app', networks: [{ mode: 'host' }], container: { docker: { image: 'x', network: 'HOST' } } }, '/', 'must not specify both container.docker.network and networks', NOT_VALID],
  ['both portMappings forms', { id: '/app', networks: [{ mode: 'container/bridge' }], container: { portMappings: [{ containerPort: 1 }], docker: { image: 'x', portMappings: [{ containerPort: 2 }] } } }, '/', 'cannot specify both portMappings and docker.portMappings', NOT_VALID],
  ['hostPort above 65535', { id: '/app', networks: [{ mode: 'container/bridge' }], container: { docker: { image: 'x' }, portMappings: [{ containerPort: 80, hostPort: 99999 }] } }, '/container/portMappings(0)/hostPort', 'got 99999, expected 65535 or less', NOT_VALID],
  ['volume without hostPath', { ...ok, container: { type: 'MESOS', volumes: [{ containerPath: '/data', mode: 'RW' }] } }, '/container/volumes(0)/hostPath', 'must not be empty', NOT_VALID],
  ['volume with a bad mode', { ...ok, container: { type: 'MESOS', volumes: [{ containerPath: '/d', hostPath: '/h', mode: 'RX' }] } }, '/container/volumes(0)/mode', 'error.unknown.enum.literal', INVALID],
  ['network mode unknown', { ...ok, networks: [{ mode: 'overlay' }] }, '/networks(0)/mode', 'error.unknown.enum.literal', INVALID],
  ['host network with a name', { ...ok, networks: [{ mode: 'host', name: 'x' }] }, '/networks(0)', 'host networks may not have names or labels', NOT_VALID],
  ['mixed network modes', { ...ok, networks: [{ mode: 'host' }, { mode: 'container', name: 'n' }] }, '/networks', 'must be one host network, one container/bridge network, or one or more container networks', NOT_VALID],
  ['health check port index out of range', { ...ok, healthChecks: [{ protocol: 'HTTP', portIndex: 3 }] }, '/healthChecks(0)', 'Health check port indices must address an element of the ports array or container port mappings.', NOT_VALID],
  ['health check without any port', { ...ok, portDefinitions: [], healthChecks: [{ protocol: 'TCP' }] }, '/healthChecks(0)', 'Health check port indices must address an element of the ports array or container port mappings.', NOT_VALID],
  ['unknown health check protocol', { ...ok, healthChecks: [{ protocol: 'UDP' }] }, '/healthChecks(0)/protocol', 'error.unknown.enum.literal', INVALID],
  ['COMMAND health check without a command', { ...ok, healthChecks: [{ protocol: 'COMMAND' }] }, '/healthChecks(0)/command', 'not defined', NOT_VALID],
  ['health check interval zero', { ...ok, healthChecks: [{ protocol: 'TCP', intervalSeconds: 0 }] }, '/healthChecks(0)/intervalSeconds', 'got 0, expected 1 or more', NOT_VALID],
  ['two Mesos health checks', { ...ok, healthChecks: [{ protocol: 'MESOS_TCP' }, { protocol: 'MESOS_HTTP' }] }, '/', 'AppDefinition can contain at most one Mesos health check', NOT_VALID],
  ['IPv6 Marathon health check', { ...ok, healthChecks: [{ protocol: 'HTTP', ipProtocol: 'IPv6' }] }, '/healthChecks(0)', 'IPv6 can only be used for container type DOCKER and Mesos http/https/tcp health checks', NOT_VALID],
  ['two readiness checks', { ...ok, portDefinitions: [{ port: 0, name: 'http-api' }], readinessChecks: [{}, {}] }, '/readinessChecks', 'has size 2, expected 1 or less', NOT_VALID],
  ['readiness check on an unknown port', { ...ok, readinessChecks: [{ portName: 'web' }] }, '/readinessChecks(0)/portName', 'No port definition reference for portName web', NOT_VALID],
  ['readiness timeout not below interval', { ...ok, portDefinitions: [{ port: 0, name: 'http-api' }], readinessChecks: [{ intervalSeconds: 5, timeoutSeconds: 5 }] }, '/readinessChecks(0)/timeoutSeconds', 'got 5, expected less than 5', NOT_VALID],
  ['single-instance app with two instances', { ...ok, instances: 2, labels: { MARATHON_SINGLE_INSTANCE_APP: 'true' } }, '/', 'Single instance app may only have one instance', NOT_VALID],
  ['unreachableStrategy inactive after expunge', { ...ok, unreachableStrategy: { inactiveAfterSeconds: 600, expungeAfterSeconds: 300 } }, '/unreachableStrategy', 'inactiveAfterSeconds must be less or equal to expungeAfterSeconds', NOT_VALID],
  ['unreachableStrategy a wrong string', { ...ok, unreachableStrategy: 'never' }, '/unreachableStrategy', 'error.expected.jsobject', INVALID],
  ['executor with an empty segment', { ...ok, executor: 'a//b' }, '/executor', "must fully match regular expression '^(//cmd)|(/?[^/]+(/[^/]+)*)|$'", NOT_VALID],
  ['empty acceptedResourceRoles', { ...ok, acceptedResourceRoles: [] }, '/acceptedResourceRoles', 'must not be empty', NOT_VALID],
  ['invalid dependency id', { ...ok, dependencies: ['/Db'] }, '/dependencies(0)', "must fully match regular expression '^(([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])\\.)*([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])|(\\.|\\.\\.)$'", NOT_VALID],
  ['requirePorts not a boolean', { ...ok, requirePorts: 'yes' }, '/requirePorts', 'error.expected.jsboolean', INVALID],
  ['healthChecks not an array', { ...ok, healthChecks: { protocol: 'HTTP' } }, '/healthChecks', 'error.expected.jsarray', INVALID],
  ['container not an object', { ...ok, container: 'docker' }, '/container', 'error.expected.jsobject', INVALID],
  ['negative taskKillGracePeriodSeconds', { ...ok, taskKillGracePeriodSeconds: -1 }, '/taskKillGracePeriodSeconds', 'got -1, expected 0 or more', NOT_VALID],
  ['zero deploymentDeadlineSeconds', { ...ok, deploymentDeadlineSeconds: 0 }, '/deploymentDeadlineSeconds', 'got 0.0, expected more than 0.0', NOT_VALID],
  ['persistent volume', { ...ok, container: { type: 'MESOS', volumes: [{ containerPath: 'data', mode: 'RW', persistent: { size: 10 } }] } }, '/container/volumes(0)', 'persistent local volumes (resident apps) are not supported', NOT_VALID],
  ['gpus requested', { ...ok, gpus: 1 }, '/', 'Feature gpu_resources is not enabled. Enable with --enable_features gpu_resources)', NOT_VALID],
];

function errorOf(body: unknown, opts = {}): AppValidationError {
  try {
    parseApp(body, opts);
  } catch (e) {
    if (e instanceof AppValidationError) return e;
    throw e;
  }
  throw new Error('parseApp accepted the body');
}

describe('malformed app definitions → 422 details with the right path', () => {
  it('has at least 45 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(45));

  it.each(CASES)('%s', (_what, body, path, error, message) => {
    const e = errorOf(body);
    expect(e.message).toBe(message);
    const detail = e.details.find((d) => d.path === path);
    expect(detail, JSON.stringify(e.details)).toBeDefined();
    expect(detail?.errors).toContain(error);
  });

  it('groups several errors of one path into one entry', () => {
    const e = errorOf({ ...ok, constraints: [['hostname', 'UNIQUE', 'x']], cpus: -1, mem: -1 });
    expect(e.details).toContainEqual({ path: '/cpus', errors: ['got -1.0, expected 0.0 or more'] });
    expect(e.details.filter((d) => d.path === '/cpus')).toHaveLength(1);
    expect(e.details.map((d) => d.path)).toEqual(expect.arrayContaining(['/cpus', '/mem', '/constraints(0)']));
  });

  it('reports every JSON type error at once', () => {
    const e = errorOf({ id: 5, cpus: 'a', mem: [], instances: {} });
    expect(e.message).toBe(INVALID);
    expect(e.details.map((d) => d.path).sort()).toEqual(['/cpus', '/id', '/instances', '/mem']);
  });

  it('rejects a body that is not an object', () => {
    for (const body of [[], 'x', 3, null]) expect(errorOf(body).details).toEqual([{ path: '/', errors: ['error.expected.jsobject'] }]);
  });

  it('rejects an app that is not a child of its group', () => {
    const e = errorOf({ id: '/other/app', cmd: 'sleep 10' }, { groupId: '/prod' });
    expect(e.details).toEqual([{ path: '/id', errors: ['identifier /other/app is not child of /prod. Hint: use relative paths.'] }]);
  });

  it('checks acceptedResourceRoles against the role', () => {
    const e = errorOf({ ...ok, acceptedResourceRoles: ['*', 'other'] }, { defaultRole: 'marathon' });
    expect(e.details).toEqual([{ path: '/acceptedResourceRoles', errors: ['acceptedResourceRoles can only contain * and marathon'] }]);
  });

  it('serialises as the upstream 422 body', () => {
    const e = errorOf({ ...ok, cpus: -2 });
    expect(JSON.parse(JSON.stringify(e))).toEqual({ message: 'Object is not valid', details: [{ path: '/cpus', errors: ['got -2.0, expected 0.0 or more'] }] });
  });
});
