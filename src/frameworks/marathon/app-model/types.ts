/**
 * The Marathon app definition as tsmesos holds it: always the full 1.5+ form with every API default
 * filled in (legacy inputs are normalised by parseApp). Wire names follow upstream's app.raml.
 */

export interface PortDefinition {
  /** Service port (0 = the service picks a cluster-unique one). */
  port: number;
  protocol: string;
  name?: string;
  labels?: Record<string, string>;
}

export interface PortMapping {
  containerPort: number;
  /** Host port: 0 = random from the offer; absent in container (non-bridge) mode. */
  hostPort?: number;
  servicePort: number;
  protocol: string;
  name?: string;
  labels?: Record<string, string>;
  networkNames?: string[];
}

export type HealthCheckProtocol = 'HTTP' | 'HTTPS' | 'TCP' | 'COMMAND' | 'MESOS_HTTP' | 'MESOS_HTTPS' | 'MESOS_TCP';

export interface HealthCheck {
  protocol: HealthCheckProtocol;
  path?: string;
  portIndex?: number;
  port?: number;
  command?: { value: string };
  gracePeriodSeconds: number;
  intervalSeconds: number;
  timeoutSeconds: number;
  maxConsecutiveFailures: number;
  delaySeconds: number;
  ignoreHttp1xx: boolean;
  ipProtocol: 'IPv4' | 'IPv6';
}

export interface ReadinessCheck {
  name: string;
  protocol: 'HTTP' | 'HTTPS';
  path: string;
  portName: string;
  intervalSeconds: number;
  timeoutSeconds: number;
  httpStatusCodesForReady: number[];
  preserveLastResponse: boolean;
}

export interface DockerSpec {
  image: string;
  forcePullImage: boolean;
  privileged: boolean;
  parameters: Array<{ key: string; value: string }>;
}

export interface AppVolume {
  containerPath: string;
  hostPath?: string;
  mode: 'RO' | 'RW';
}

export interface AppContainer {
  type: 'DOCKER' | 'MESOS';
  docker?: DockerSpec;
  portMappings: PortMapping[];
  volumes: AppVolume[];
}

export type NetworkMode = 'host' | 'container/bridge' | 'container';

export interface AppNetwork {
  mode: NetworkMode;
  name?: string;
  labels?: Record<string, string>;
}

export interface UpgradeStrategy {
  minimumHealthCapacity: number;
  maximumOverCapacity: number;
}

export type UnreachableStrategy = { inactiveAfterSeconds: number; expungeAfterSeconds: number } | 'disabled';

export interface FetchUri {
  uri: string;
  extract: boolean;
  executable: boolean;
  cache: boolean;
  destPath?: string;
}

export interface AppDefinition {
  /** Absolute, canonical: "/a/b". */
  id: string;
  cmd?: string;
  args?: string[];
  user?: string;
  cpus: number;
  mem: number;
  disk: number;
  gpus: number;
  instances: number;
  env: Record<string, string>;
  labels: Record<string, string>;
  /** Each 2 or 3 strings; operators upper-cased. */
  constraints: string[][];
  acceptedResourceRoles?: string[];
  role?: string;
  container?: AppContainer;
  networks: AppNetwork[];
  portDefinitions: PortDefinition[];
  requirePorts: boolean;
  healthChecks: HealthCheck[];
  readinessChecks: ReadinessCheck[];
  dependencies: string[];
  upgradeStrategy: UpgradeStrategy;
  backoffSeconds: number;
  backoffFactor: number;
  maxLaunchDelaySeconds: number;
  killSelection: 'YOUNGEST_FIRST' | 'OLDEST_FIRST';
  unreachableStrategy: UnreachableStrategy;
  taskKillGracePeriodSeconds?: number;
  fetch: FetchUri[];
  executor: string;
  /** tsmesos extension (beyond upstream): a deployment not done within this many seconds is rolled back automatically. */
  deploymentDeadlineSeconds?: number;
  /** ISO-8601 UTC with ms; "" until the service stamps it. */
  version: string;
  versionInfo: { lastScalingAt: string; lastConfigChangeAt: string };
}

/** One entry of a Marathon 422 body's `details`: all errors for one JSON path. */
export interface FieldError {
  path: string;
  errors: string[];
}

/** Thrown by parseApp; maps to 422 {"message":"Object is not valid","details":[…]}. */
export class AppValidationError extends Error {
  readonly details: FieldError[];
  constructor(details: FieldError[], message = 'Object is not valid') {
    super(message);
    this.name = 'AppValidationError';
    this.details = details;
  }
  /** The upstream 422 response body. */
  toJSON(): { message: string; details: FieldError[] } {
    return { message: this.message, details: this.details };
  }
}
