/**
 * Marathon's API defaults (app.raml, healthCheck.raml, readinessCheck.raml, state/UpgradeStrategy.scala,
 * raml/Apps.scala; marathon-chronos-api.md §2.1, §3.2). The 0.1 CPU / 16 MB of docs examples are not defaults.
 */
import type { HealthCheck, PortDefinition, PortMapping, ReadinessCheck, UpgradeStrategy } from './types.js';

export const APP_DEFAULTS = {
  cpus: 1,
  mem: 128,
  disk: 0,
  gpus: 0,
  instances: 1,
  backoffSeconds: 1,
  backoffFactor: 1.15,
  maxLaunchDelaySeconds: 300,
  requirePorts: false,
  killSelection: 'YOUNGEST_FIRST',
  executor: '',
} as const;

export const DEFAULT_UPGRADE_STRATEGY: UpgradeStrategy = { minimumHealthCapacity: 1, maximumOverCapacity: 1 };
/** Apps labelled MARATHON_SINGLE_INSTANCE_APP=true must never run two instances at once. */
export const SINGLE_INSTANCE_UPGRADE_STRATEGY: UpgradeStrategy = { minimumHealthCapacity: 0, maximumOverCapacity: 0 };
export const SINGLE_INSTANCE_LABEL = 'MARATHON_SINGLE_INSTANCE_APP';

export const DEFAULT_UNREACHABLE_STRATEGY = { inactiveAfterSeconds: 0, expungeAfterSeconds: 0 } as const;

/** Host mode with neither `ports` nor `portDefinitions`: one port, so `$PORT0` always exists. */
export function defaultPortDefinitions(): PortDefinition[] {
  return [{ port: 0, protocol: 'tcp', name: 'default' }];
}

/** Bridge or container mode with no port mappings. `hostPort` is 0 (random) in bridge mode only. */
export function defaultPortMappings(bridge: boolean): PortMapping[] {
  return [{ containerPort: 0, ...(bridge ? { hostPort: 0 } : {}), servicePort: 0, protocol: 'tcp', name: 'default' }];
}

export const HEALTH_CHECK_DEFAULTS: Omit<HealthCheck, 'protocol'> = {
  gracePeriodSeconds: 300,
  intervalSeconds: 60,
  timeoutSeconds: 20,
  maxConsecutiveFailures: 3,
  delaySeconds: 15,
  ignoreHttp1xx: false,
  ipProtocol: 'IPv4',
};

export const READINESS_CHECK_DEFAULTS: ReadinessCheck = {
  name: 'readinessCheck',
  protocol: 'HTTP',
  path: '/',
  portName: 'http-api',
  intervalSeconds: 30,
  timeoutSeconds: 10,
  httpStatusCodesForReady: [200],
  preserveLastResponse: false,
};

/** Archive suffixes the Mesos fetcher extracts (upstream `FetchUri.isExtract`), for legacy `uris`. */
const EXTRACT_SUFFIXES = ['.tgz', '.tar.gz', '.tbz2', '.tar.bz2', '.txz', '.tar.xz', '.zip'];
export function isExtractable(uri: string): boolean {
  return EXTRACT_SUFFIXES.some((s) => uri.endsWith(s));
}
