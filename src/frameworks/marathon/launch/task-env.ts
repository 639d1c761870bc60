/**
 * The environment Marathon gives every task (upstream `EnvironmentHelper`, marathon-chronos-api.md §3.5):
 * PORT0…, PORT, PORTS, PORT_<NAME>, PORT_<declared port>, HOST, MARATHON_APP_*, MESOS_TASK_ID.
 * The app's own `env` wins over all of them.
 */
import { javaDouble } from '../app-model/errors.js';
import type { AppDefinition } from '../app-model/types.js';

const MAX_LABEL = 512;
const envName = (s: string): string => s.replace(/[^a-zA-Z0-9_]+/g, '_').toUpperCase();

export interface PortEnvEntry {
  /** The port the task should use (host port, or the container port when the mapping has no host port). */
  port: number;
  /** The declared port (portDefinition.port / containerPort), 0 when left to Marathon. */
  declared: number;
  name?: string;
}

/** One entry per port index, pairing the declared ports with the host ports the offer gave. */
export function portEntries(app: Pick<AppDefinition, 'networks' | 'portDefinitions' | 'container'>, hostPorts: number[]): PortEnvEntry[] {
  const host = app.networks.length === 0 || app.networks.some((n) => n.mode === 'host');
  if (host) return app.portDefinitions.map((p, i) => ({ port: hostPorts[i] ?? 0, declared: p.port, name: p.name }));
  let next = 0;
  return (app.container?.portMappings ?? []).map((m) => {
    const hp = m.hostPort !== undefined ? hostPorts[next++] : undefined;
    return { port: hp ?? m.containerPort, declared: m.containerPort, name: m.name };
  });
}

/** `prefix` is `--env_vars_prefix`: it applies to the PORT* and HOST variables only. */
export function taskEnv(app: AppDefinition, host: string, hostPorts: number[], taskId: string, prefix = ''): Record<string, string> {
  const env: Record<string, string> = {};
  const ports = portEntries(app, hostPorts);
  ports.forEach((p, i) => {
    env[`${prefix}PORT${i}`] = String(p.port);
    if (p.declared !== 0) env[`${prefix}PORT_${p.declared}`] = String(p.port);
    if (p.name) env[`${prefix}PORT_${envName(p.name)}`] = String(p.port);
  });
  if (ports.length > 0) {
    env[`${prefix}PORT`] = String(ports[0].port);
    env[`${prefix}PORTS`] = ports.map((p) => p.port).join(',');
  }
  env[`${prefix}HOST`] = host;
  env.MARATHON_APP_ID = app.id;
  env.MARATHON_APP_VERSION = app.version;
  if (app.container?.docker) env.MARATHON_APP_DOCKER_IMAGE = app.container.docker.image;
  env.MARATHON_APP_RESOURCE_CPUS = javaDouble(app.cpus);
  env.MARATHON_APP_RESOURCE_MEM = javaDouble(app.mem);
  env.MARATHON_APP_RESOURCE_DISK = javaDouble(app.disk);
  env.MARATHON_APP_RESOURCE_GPUS = String(app.gpus);
  const labels = Object.entries(app.labels).filter(([k, v]) => k.length <= MAX_LABEL && v.length <= MAX_LABEL);
  env.MARATHON_APP_LABELS = labels.map(([k]) => envName(k)).join(' ');
  for (const [k, v] of labels) env[`MARATHON_APP_LABEL_${envName(k)}`] = v;
  env.MARATHON_APP_ENFORCE_GROUP_ROLE = 'false';
  env.MESOS_TASK_ID = taskId;
  return { ...env, ...app.env };
}
