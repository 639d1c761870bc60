import { describe, expect, it } from 'vitest';
import { parseDockerInfo } from '../../../agent/containerizer/docker-info.js';
import { validateHealthCheck } from '../../../agent/health/validate.js';
import { parseApp } from '../app-model/normalize.js';
import type { AppDefinition } from '../app-model/types.js';
import { matchOffer, type OfferMatch } from './offer-match.js';
import { appIdOfTask, buildTaskInfo, newTaskId } from './task-builder.js';
import { taskEnv } from './task-env.js';

const offer = [
  { name: 'cpus', type: 'SCALAR', scalar: { value: 8 } },
  { name: 'mem', type: 'SCALAR', scalar: { value: 8192 } },
  { name: 'ports', type: 'RANGES', ranges: { range: [{ begin: 31000, end: 31100 }] } },
];
const stamp = (a: AppDefinition) => ({ ...a, version: '2024-05-01T10:00:00.000Z' });
function matched(app: AppDefinition): OfferMatch {
  const r = matchOffer(app, { hostname: 'h1', resources: offer }, offer, [], '*', () => 0);
  if (!r.ok) throw new Error(r.detail);
  return r.match;
}
const envOf = (t: Record<string, any>) => Object.fromEntries(t.command.environment.variables.map((v: any) => [v.name, v.value]));

describe('task ids', () => {
  it('round-trips app ids through both forms', () => {
    const id = newTaskId('/prod/my.web');
    expect(id).toMatch(/^prod_my\.web\.instance-[0-9a-f-]{36}\._app\.1$/);
    expect(appIdOfTask(id)).toBe('/prod/my.web');
    expect(appIdOfTask('test.5b2e8a2f-1c3d-11ee-9d4c-0242ac120002')).toBe('/test');
    expect(appIdOfTask('not-a-marathon-task')).toBeUndefined();
    expect(newTaskId('/a')).not.toBe(newTaskId('/a'));
  });
});

describe('taskEnv (§3.5)', () => {
  it('sets ports, host and app variables, and the app env wins', () => {
    const app = stamp(parseApp({ id: '/prod/web', cmd: 'run', portDefinitions: [{ port: 0, name: 'http' }, { port: 9000, name: 'admin-api' }], labels: { HAPROXY_GROUP: 'external', 'a.b': 'c' }, env: { HOST: 'mine' } }));
    const env = taskEnv(app, 'h1', [31001, 31002], 'tid');
    expect(env).toMatchObject({
      PORT0: '31001',
      PORT1: '31002',
      PORT: '31001',
      PORTS: '31001,31002',
      PORT_HTTP: '31001',
      PORT_ADMIN_API: '31002',
      PORT_9000: '31002',
      HOST: 'mine',
      MARATHON_APP_ID: '/prod/web',
      MARATHON_APP_VERSION: '2024-05-01T10:00:00.000Z',
      MARATHON_APP_RESOURCE_CPUS: '1.0',
      MARATHON_APP_RESOURCE_MEM: '128.0',
      MARATHON_APP_RESOURCE_DISK: '0.0',
      MARATHON_APP_RESOURCE_GPUS: '0',
      MARATHON_APP_LABELS: 'HAPROXY_GROUP A_B',
      MARATHON_APP_LABEL_HAPROXY_GROUP: 'external',
      MARATHON_APP_LABEL_A_B: 'c',
      MESOS_TASK_ID: 'tid',
    });
    expect(env).not.toHaveProperty('MARATHON_APP_DOCKER_IMAGE');
    expect(taskEnv(app, 'h1', [1, 2], 't', 'MY_').MY_PORT0).toBe('1');
  });

  it('in bridge mode PORTn are the host ports, and the docker image is named', () => {
    const app = stamp(parseApp({ id: '/b', networks: [{ mode: 'container/bridge' }], container: { docker: { image: 'nginx:1' }, portMappings: [{ containerPort: 80, name: 'web' }] } }));
    expect(taskEnv(app, 'h', [31050], 't')).toMatchObject({ PORT0: '31050', PORT_WEB: '31050', PORT_80: '31050', MARATHON_APP_DOCKER_IMAGE: 'nginx:1' });
  });
});

describe('buildTaskInfo', () => {
  it('a cmd app: shell command with env, uris, user, labels, kill policy', () => {
    const app = stamp(parseApp({ id: '/test', cmd: 'python3 -m http.server $PORT', cpus: 0.1, mem: 16, user: 'nobody', fetch: [{ uri: 'http://x/y.tgz', destPath: 'y.tgz' }], labels: { team: 'a' }, taskKillGracePeriodSeconds: 5 }));
    const t = buildTaskInfo(app, 'tid', 'agent-1', 'h1', matched(app)) as Record<string, any>;
    expect(t.name).toBe('test');
    expect(t.task_id).toEqual({ value: 'tid' });
    expect(t.agent_id).toEqual({ value: 'agent-1' });
    expect(t.command).toMatchObject({ shell: true, value: 'python3 -m http.server $PORT', user: 'nobody', uris: [{ value: 'http://x/y.tgz', extract: true, executable: false, cache: false, output_file: 'y.tgz' }] });
    expect(envOf(t).PORT).toBe('31000');
    expect(t.kill_policy).toEqual({ grace_period: { nanoseconds: 5e9 } });
    expect(t.labels).toEqual({ labels: [{ key: 'team', value: 'a' }] });
    expect(t.container).toBeUndefined();
    expect(t.health_check).toBeUndefined();
    expect(t.discovery).toEqual({ visibility: 'FRAMEWORK', name: 'test', ports: { ports: [{ number: 31000, name: 'default', protocol: 'tcp' }] } });
  });

  it('an args app runs argv without a shell', () => {
    const app = stamp(parseApp({ id: '/a', args: ['/bin/sleep', '100'] }));
    expect((buildTaskInfo(app, 't', 'a', 'h', matched(app)) as any).command).toMatchObject({ shell: false, value: '/bin/sleep', arguments: ['/bin/sleep', '100'] });
  });

  it('a DOCKER bridge app gives the agent a ContainerInfo it accepts', () => {
    const app = stamp(parseApp({ id: '/n', args: ['-g', 'daemon off;'], container: { type: 'DOCKER', docker: { image: 'nginx', network: 'BRIDGE', privileged: true, parameters: [{ key: 'label', value: 'x=y' }], forcePullImage: true, portMappings: [{ containerPort: 80, protocol: 'udp,tcp' }] }, volumes: [{ containerPath: '/data', hostPath: '/tmp', mode: 'RO' }] } }));
    const t = buildTaskInfo(app, 't', 'a', 'h', matched(app)) as Record<string, any>;
    expect(t.command).toMatchObject({ shell: false, arguments: ['-g', 'daemon off;'] });
    expect(t.command.value).toBeUndefined();
    const d = parseDockerInfo(t.container);
    expect(d).toMatchObject({ image: 'nginx', network: 'BRIDGE', privileged: true, forcePullImage: true, parameters: [{ key: 'label', value: 'x=y' }] });
    expect(d.portMappings).toEqual([{ hostPort: 31000, containerPort: 80, protocol: 'udp' }, { hostPort: 31000, containerPort: 80, protocol: 'tcp' }]);
    expect(d.volumes).toEqual([{ containerPath: '/data', hostPath: '/tmp', readOnly: true }]);
  });

  it('a DOCKER app on a named container network carries network_infos', () => {
    const app = stamp(parseApp({ id: '/u', container: { docker: { image: 'busybox' } }, networks: [{ mode: 'container', name: 'dev' }] }));
    const d = parseDockerInfo((buildTaskInfo(app, 't', 'a', 'h', matched(app)) as any).container);
    expect(d).toMatchObject({ network: 'USER', networkName: 'dev', portMappings: [] });
  });

  it('Mesos-level health checks become v1 HealthChecks the agent validates; Marathon-level ones stay out', () => {
    const http = stamp(parseApp({ id: '/h', cmd: 'serve', healthChecks: [{ protocol: 'MESOS_HTTP', path: '/health', gracePeriodSeconds: 10, intervalSeconds: 2, timeoutSeconds: 1, maxConsecutiveFailures: 0, delaySeconds: 0 }] }));
    const hc = (buildTaskInfo(http, 't', 'a', 'h', matched(http)) as any).health_check;
    expect(hc).toEqual({ type: 'HTTP', http: { scheme: 'http', port: 31000, path: '/health' }, delay_seconds: 0, interval_seconds: 2, timeout_seconds: 1, consecutive_failures: 0, grace_period_seconds: 10 });
    expect(validateHealthCheck(hc)).toBeUndefined();
    const tcp = stamp(parseApp({ id: '/t', cmd: 'serve', healthChecks: [{ protocol: 'MESOS_TCP', port: 8080 }] }));
    const tcpCheck = (buildTaskInfo(tcp, 't', 'a', 'h', matched(tcp)) as any).health_check;
    expect(tcpCheck).toMatchObject({ type: 'TCP', tcp: { port: 8080 } });
    expect(validateHealthCheck(tcpCheck)).toBeUndefined();
    const cmd = stamp(parseApp({ id: '/c', cmd: 'serve', healthChecks: [{ protocol: 'COMMAND', command: { value: 'test -f /tmp/ok' } }] }));
    const cmdCheck = (buildTaskInfo(cmd, 't', 'a', 'h', matched(cmd)) as any).health_check;
    expect(cmdCheck).toMatchObject({ type: 'COMMAND', command: { shell: true, value: 'test -f /tmp/ok' } });
    expect(validateHealthCheck(cmdCheck)).toBeUndefined();
    const marathon = stamp(parseApp({ id: '/m', cmd: 'serve', healthChecks: [{ protocol: 'HTTP' }] }));
    expect((buildTaskInfo(marathon, 't', 'a', 'h', matched(marathon)) as any).health_check).toBeUndefined();
  });

  it('a bridge-mode Mesos check probes the container port', () => {
    const app = stamp(parseApp({ id: '/b', networks: [{ mode: 'container/bridge' }], container: { docker: { image: 'nginx' }, portMappings: [{ containerPort: 80 }] }, healthChecks: [{ protocol: 'MESOS_HTTP' }] }));
    expect((buildTaskInfo(app, 't', 'a', 'h', matched(app)) as any).health_check.http.port).toBe(80);
  });
});
