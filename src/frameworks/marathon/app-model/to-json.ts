/**
 * The wire AppDefinition (Marathon 1.5+ forms, every default shown) as GET /v2/apps returns it.
 * Deprecated inputs (`ports`, `uris`, `ipAddress`, `container.docker.network`) never appear.
 */
import type { AppContainer, AppDefinition, HealthCheck } from './types.js';

const HTTP_KINDS = new Set(['HTTP', 'HTTPS', 'MESOS_HTTP', 'MESOS_HTTPS']);

export function healthCheckToJson(h: HealthCheck): Record<string, unknown> {
  return {
    gracePeriodSeconds: h.gracePeriodSeconds,
    intervalSeconds: h.intervalSeconds,
    maxConsecutiveFailures: h.maxConsecutiveFailures,
    ...(h.port !== undefined ? { port: h.port } : h.portIndex !== undefined ? { portIndex: h.portIndex } : {}),
    timeoutSeconds: h.timeoutSeconds,
    delaySeconds: h.delaySeconds,
    protocol: h.protocol,
    ipProtocol: h.ipProtocol,
    ...(HTTP_KINDS.has(h.protocol) ? { path: h.path ?? '/', ignoreHttp1xx: h.ignoreHttp1xx } : {}),
    ...(h.command ? { command: { value: h.command.value } } : {}),
  };
}

function containerToJson(c: AppContainer): Record<string, unknown> {
  return {
    type: c.type,
    ...(c.docker
      ? { docker: { image: c.docker.image, forcePullImage: c.docker.forcePullImage, privileged: c.docker.privileged, parameters: c.docker.parameters.map((p) => ({ ...p })) } }
      : {}),
    portMappings: c.portMappings.map((m) => ({ ...m, labels: m.labels ?? {} })),
    volumes: c.volumes.map((v) => ({ ...v })),
  };
}

export function appToJson(app: AppDefinition): Record<string, unknown> {
  return {
    id: app.id,
    ...(app.cmd !== undefined ? { cmd: app.cmd } : {}),
    ...(app.args !== undefined ? { args: [...app.args] } : {}),
    ...(app.user !== undefined ? { user: app.user } : {}),
    env: { ...app.env },
    instances: app.instances,
    cpus: app.cpus,
    mem: app.mem,
    disk: app.disk,
    gpus: app.gpus,
    executor: app.executor,
    constraints: app.constraints.map((c) => [...c]),
    fetch: app.fetch.map((f) => ({ ...f })),
    backoffSeconds: app.backoffSeconds,
    backoffFactor: app.backoffFactor,
    maxLaunchDelaySeconds: app.maxLaunchDelaySeconds,
    ...(app.container ? { container: containerToJson(app.container) } : {}),
    healthChecks: app.healthChecks.map(healthCheckToJson),
    readinessChecks: app.readinessChecks.map((r) => ({ ...r, httpStatusCodesForReady: [...r.httpStatusCodesForReady] })),
    dependencies: [...app.dependencies],
    upgradeStrategy: { ...app.upgradeStrategy },
    labels: { ...app.labels },
    ...(app.acceptedResourceRoles ? { acceptedResourceRoles: [...app.acceptedResourceRoles] } : {}),
    ...(app.role !== undefined ? { role: app.role } : {}),
    version: app.version,
    ...(app.version ? { versionInfo: { ...app.versionInfo } } : {}),
    killSelection: app.killSelection,
    unreachableStrategy: app.unreachableStrategy === 'disabled' ? 'disabled' : { ...app.unreachableStrategy },
    requirePorts: app.requirePorts,
    networks: app.networks.map((n) => ({ ...n })),
    portDefinitions: app.portDefinitions.map((p) => ({ ...p, labels: p.labels ?? {} })),
    ...(app.taskKillGracePeriodSeconds !== undefined ? { taskKillGracePeriodSeconds: app.taskKillGracePeriodSeconds } : {}),
    ...(app.deploymentDeadlineSeconds !== undefined ? { deploymentDeadlineSeconds: app.deploymentDeadlineSeconds } : {}),
    secrets: {},
  };
}
