/**
 * The shape of an app definition as clients send it (app.raml, plus the legacy `ports`, `uris`,
 * `ipAddress`, `container.docker.network`/`portMappings`). Only JSON types are checked here, like
 * upstream's generated Play readers: a mismatch is an "Invalid JSON" 422 with Play message keys.
 * Unknown fields are dropped, as upstream ignores them. Enum literals match case-insensitively.
 */
import * as z from 'zod';

/** Case-insensitive enum returning the canonical spelling (upstream's generated readers lower-case both sides). */
export function ciEnum<const T extends string>(values: readonly T[]) {
  return z.unknown().transform((v, ctx): T => {
    const hit = typeof v === 'string' ? values.find((x) => x.toLowerCase() === v.toLowerCase()) : undefined;
    if (hit === undefined) {
      ctx.addIssue({ code: 'custom', message: 'error.unknown.enum.literal' });
      return z.NEVER;
    }
    return hit;
  });
}

const str = z.string();
const int = z.int();
const num = z.number();
const bool = z.boolean();
const labels = z.record(z.string(), z.string());
export const PROTOCOLS = ['tcp', 'udp', 'udp,tcp'] as const;
export const HEALTH_PROTOCOLS = ['HTTP', 'HTTPS', 'TCP', 'COMMAND', 'MESOS_HTTP', 'MESOS_HTTPS', 'MESOS_TCP'] as const;

const portDefinition = z.object({
  port: int.optional(),
  protocol: ciEnum(PROTOCOLS).optional(),
  name: str.optional(),
  labels: labels.optional(),
});

const portMapping = z.object({
  containerPort: int.optional(),
  hostPort: int.optional(),
  servicePort: int.optional(),
  protocol: ciEnum(PROTOCOLS).optional(),
  name: str.optional(),
  labels: labels.optional(),
  networkNames: z.array(str).optional(),
});

const docker = z.object({
  image: str,
  network: ciEnum(['HOST', 'BRIDGE', 'USER', 'NONE'] as const).optional(),
  portMappings: z.array(portMapping).optional(),
  privileged: bool.optional(),
  forcePullImage: bool.optional(),
  parameters: z.array(z.object({ key: str, value: str })).optional(),
  credential: z.unknown().optional(),
  pullConfig: z.unknown().optional(),
});

const volume = z.object({
  containerPath: str,
  hostPath: str.optional(),
  mode: ciEnum(['RO', 'RW'] as const).optional(),
  persistent: z.unknown().optional(),
  external: z.unknown().optional(),
  secret: str.optional(),
});

const container = z.object({
  type: ciEnum(['DOCKER', 'MESOS'] as const).optional(),
  docker: docker.optional(),
  appc: z.unknown().optional(),
  portMappings: z.array(portMapping).optional(),
  volumes: z.array(volume).optional(),
});

const network = z.object({
  mode: ciEnum(['host', 'container/bridge', 'container'] as const).optional(),
  name: str.optional(),
  labels: labels.optional(),
});

const healthCheck = z.object({
  protocol: ciEnum(HEALTH_PROTOCOLS).optional(),
  path: str.optional(),
  portIndex: int.optional(),
  port: int.optional(),
  command: z.object({ value: str }).optional(),
  gracePeriodSeconds: int.optional(),
  intervalSeconds: int.optional(),
  timeoutSeconds: int.optional(),
  maxConsecutiveFailures: int.optional(),
  delaySeconds: int.optional(),
  ignoreHttp1xx: bool.optional(),
  ipProtocol: ciEnum(['IPv4', 'IPv6'] as const).optional(),
});

const readinessCheck = z.object({
  name: str.optional(),
  protocol: ciEnum(['HTTP', 'HTTPS'] as const).optional(),
  path: str.optional(),
  portName: str.optional(),
  intervalSeconds: int.optional(),
  timeoutSeconds: int.optional(),
  httpStatusCodesForReady: z.array(int).optional(),
  preserveLastResponse: bool.optional(),
});

const fetchUri = z.object({
  uri: str,
  extract: bool.optional(),
  executable: bool.optional(),
  cache: bool.optional(),
  destPath: str.optional(),
});

const ipAddress = z.object({
  networkName: str.optional(),
  labels: labels.optional(),
  groups: z.array(str).optional(),
  discovery: z
    .object({
      ports: z.array(z.object({ number: int, name: str, protocol: ciEnum(PROTOCOLS).optional(), labels: labels.optional() })).optional(),
    })
    .optional(),
});

export const AppInputSchema = z.object({
  id: str.optional(),
  cmd: str.optional(),
  args: z.array(str).optional(),
  user: str.optional(),
  cpus: num.optional(),
  mem: num.optional(),
  disk: num.optional(),
  gpus: int.optional(),
  instances: int.optional(),
  env: z.record(z.string(), z.union([str, z.object({ secret: str })])).optional(),
  secrets: z.record(z.string(), z.unknown()).optional(),
  labels: labels.optional(),
  constraints: z.array(z.array(str)).optional(),
  acceptedResourceRoles: z.array(str).optional(),
  role: str.optional(),
  container: container.optional(),
  networks: z.array(network).optional(),
  ipAddress: ipAddress.optional(),
  portDefinitions: z.array(portDefinition).optional(),
  ports: z.array(int).optional(),
  requirePorts: bool.optional(),
  healthChecks: z.array(healthCheck).optional(),
  readinessChecks: z.array(readinessCheck).optional(),
  dependencies: z.array(str).optional(),
  upgradeStrategy: z.object({ minimumHealthCapacity: num.optional(), maximumOverCapacity: num.optional() }).optional(),
  backoffSeconds: int.optional(),
  backoffFactor: num.optional(),
  maxLaunchDelaySeconds: int.optional(),
  killSelection: ciEnum(['YOUNGEST_FIRST', 'OLDEST_FIRST'] as const).optional(),
  unreachableStrategy: z.union([z.object({ inactiveAfterSeconds: int.optional(), expungeAfterSeconds: int.optional() }), z.literal('disabled')]).optional(),
  taskKillGracePeriodSeconds: int.optional(),
  fetch: z.array(fetchUri).optional(),
  uris: z.array(str).optional(),
  executor: str.optional(),
  residency: z.unknown().optional(),
  deploymentDeadlineSeconds: num.optional(),
  version: str.optional(),
});

export type AppInput = z.output<typeof AppInputSchema>;
export type ContainerInput = NonNullable<AppInput['container']>;
export type PortMappingInput = z.output<typeof portMapping>;
export type HealthCheckInput = z.output<typeof healthCheck>;
