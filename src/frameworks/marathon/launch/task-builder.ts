/**
 * Builds the v1 TaskInfo JSON a LAUNCH carries (upstream `TaskBuilder`): command (shell for `cmd`,
 * argv for `args`), environment (task-env.ts), fetch URIs, user, container (MESOS, or DOCKER with
 * network, port mappings and volumes), the Mesos-level health check, kill policy, labels, discovery.
 */
import { randomUUID } from 'node:crypto';
import type { AppDefinition, HealthCheck } from '../app-model/types.js';
import { fromSafePath, safePath, toHostname } from '../app-model/path-id.js';
import type { OfferMatch } from './offer-match.js';
import { portEntries, taskEnv } from './task-env.js';

/** `/a/b` → `a_b.instance-<uuid>._app.1` (the 1.5+ instance form). */
export function newTaskId(appId: string): string {
  return `${safePath(appId)}.instance-${randomUUID()}._app.1`;
}

const INSTANCE_FORM = /^(.+)\.instance-[0-9a-f-]{36}\._app\.\d+$/;
const LEGACY_FORM = /^(.+)\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The app id of a Marathon task id (either form), or undefined for anything else. */
export function appIdOfTask(taskId: string): string | undefined {
  const m = INSTANCE_FORM.exec(taskId) ?? LEGACY_FORM.exec(taskId);
  return m ? fromSafePath(m[1]) : undefined;
}

const isHost = (app: AppDefinition): boolean => app.networks.length === 0 || app.networks.some((n) => n.mode === 'host');

function command(app: AppDefinition, env: Record<string, string>): Record<string, unknown> {
  const docker = app.container?.type === 'DOCKER';
  const cmd: Record<string, unknown> = {};
  if (app.cmd !== undefined) Object.assign(cmd, { shell: true, value: app.cmd });
  else if (app.args && app.args.length > 0) Object.assign(cmd, docker ? { shell: false, arguments: app.args } : { shell: false, value: app.args[0], arguments: app.args });
  else cmd.shell = false; // a docker image's own entrypoint
  cmd.environment = { variables: Object.entries(env).map(([name, value]) => ({ name, type: 'VALUE', value })) };
  if (app.fetch.length > 0) {
    cmd.uris = app.fetch.map((f) => ({ value: f.uri, extract: f.extract, executable: f.executable, cache: f.cache, ...(f.destPath ? { output_file: f.destPath } : {}) }));
  }
  if (app.user !== undefined) cmd.user = app.user;
  return cmd;
}

function container(app: AppDefinition, match: OfferMatch): Record<string, unknown> | undefined {
  const c = app.container;
  const containerNets = app.networks.filter((n) => n.mode === 'container' && n.name);
  const networkInfos = containerNets.map((n) => ({ name: n.name, ...(n.labels ? { labels: { labels: Object.entries(n.labels).map(([key, value]) => ({ key, value })) } } : {}) }));
  if (!c) return undefined;
  const volumes = c.volumes.map((v) => ({ container_path: v.containerPath, ...(v.hostPath !== undefined ? { host_path: v.hostPath } : {}), mode: v.mode }));
  const common = { volumes, ...(networkInfos.length > 0 ? { network_infos: networkInfos } : {}) };
  const bridge = app.networks.some((n) => n.mode === 'container/bridge');
  const ports = portEntries(app, match.hostPorts);
  const portMappings = isHost(app) ? [] : c.portMappings.flatMap((m, i) => {
    if (m.hostPort === undefined) return [];
    return m.protocol.split(',').map((protocol) => ({ host_port: ports[i].port, container_port: m.containerPort || ports[i].port, protocol }));
  });
  if (c.type === 'MESOS') {
    // The Mesos containerizer reaches bridge networking through the CNI network upstream names mesos-bridge.
    const mesosNets = bridge ? { network_infos: [{ name: 'mesos-bridge', port_mappings: portMappings }] } : {};
    return { type: 'MESOS', ...(c.docker ? { mesos: { image: { type: 'DOCKER', docker: { name: c.docker.image }, cached: !c.docker.forcePullImage } } } : {}), ...common, ...mesosNets };
  }
  const network = isHost(app) ? 'HOST' : bridge ? 'BRIDGE' : 'USER';
  const d = c.docker;
  return {
    type: 'DOCKER',
    docker: {
      image: d?.image ?? '',
      network,
      port_mappings: portMappings,
      privileged: d?.privileged ?? false,
      parameters: (d?.parameters ?? []).map((p) => ({ key: p.key, value: p.value })),
      force_pull_image: d?.forcePullImage ?? false,
    },
    ...common,
  };
}

/** The port a Mesos-level check probes: the host port in host mode, else the container side of the mapping. */
function checkPort(app: AppDefinition, hc: HealthCheck, match: OfferMatch): number | undefined {
  if (hc.port !== undefined) return hc.port;
  const entry = portEntries(app, match.hostPorts)[hc.portIndex ?? 0];
  if (!entry) return undefined;
  if (isHost(app)) return entry.port;
  return entry.declared || entry.port;
}

export function mesosHealthCheck(app: AppDefinition, match: OfferMatch): Record<string, unknown> | undefined {
  const hc = app.healthChecks.find((h) => h.protocol === 'COMMAND' || h.protocol.startsWith('MESOS_'));
  if (!hc) return undefined;
  const timing = {
    delay_seconds: hc.delaySeconds,
    interval_seconds: hc.intervalSeconds,
    timeout_seconds: hc.timeoutSeconds,
    consecutive_failures: hc.maxConsecutiveFailures,
    grace_period_seconds: hc.gracePeriodSeconds,
  };
  if (hc.protocol === 'COMMAND') return { type: 'COMMAND', command: { shell: true, value: hc.command?.value ?? '' }, ...timing };
  const port = checkPort(app, hc, match);
  if (port === undefined) return undefined;
  const protocol = hc.ipProtocol === 'IPv6' ? { protocol: 'IPv6' } : {};
  if (hc.protocol === 'MESOS_TCP') return { type: 'TCP', tcp: { port, ...protocol }, ...timing };
  return { type: 'HTTP', http: { scheme: hc.protocol === 'MESOS_HTTPS' ? 'https' : 'http', port, path: hc.path ?? '/', ...protocol }, ...timing };
}

/** A v1 TaskInfo (JSON) for LAUNCH. */
export function buildTaskInfo(app: AppDefinition, taskId: string, agentId: string, host: string, match: OfferMatch): Record<string, unknown> {
  const env = taskEnv(app, host, match.hostPorts, taskId);
  const ports = portEntries(app, match.hostPorts);
  const health = mesosHealthCheck(app, match);
  const c = container(app, match);
  const labels = Object.entries(app.labels);
  return {
    name: toHostname(app.id),
    task_id: { value: taskId },
    agent_id: { value: agentId },
    resources: match.resources,
    command: command(app, env),
    ...(c ? { container: c } : {}),
    ...(health ? { health_check: health } : {}),
    ...(app.taskKillGracePeriodSeconds !== undefined ? { kill_policy: { grace_period: { nanoseconds: Math.round(app.taskKillGracePeriodSeconds * 1e9) } } } : {}),
    ...(labels.length > 0 ? { labels: { labels: labels.map(([key, value]) => ({ key, value })) } } : {}),
    discovery: {
      visibility: 'FRAMEWORK',
      name: toHostname(app.id),
      ports: { ports: ports.map((p, i) => ({ number: p.port, ...(p.name ? { name: p.name } : {}), protocol: portProtocol(app, i) })) },
    },
  };
}

function portProtocol(app: AppDefinition, i: number): string {
  const p = isHost(app) ? app.portDefinitions[i]?.protocol : app.container?.portMappings[i]?.protocol;
  return (p ?? 'tcp').split(',')[0];
}
