/**
 * Semantic validation (upstream `AppValidation`, `SchedulingValidation`, `PathId`; accord texts such
 * as "got -1.0, expected 0.0 or more"). Two passes like upstream: rules on the legacy fields of the
 * input, then a zod schema over the canonical AppDefinition whose issues become 422 details.
 */
import * as z from 'zod';
import { constraintErrors } from '../constraints.js';
import { SINGLE_INSTANCE_LABEL } from './defaults.js';
import { addIssues, type ErrorBag, javaDouble } from './errors.js';
import type { AppInput } from './input-schema.js';
import type { AppDefinition, HealthCheck } from './types.js';

const fmt = (n: number, kind: 'double' | 'int'): string => (kind === 'double' ? javaDouble(n) : String(n));
const atLeast = (min: number, kind: 'double' | 'int') =>
  z.number().check(z.gte(min, { error: (i) => `got ${fmt(i.input as number, kind)}, expected ${fmt(min, kind)} or more` }));
const atMost = (s: z.ZodNumber, max: number, kind: 'double' | 'int') =>
  s.check(z.lte(max, { error: (i) => `got ${fmt(i.input as number, kind)}, expected ${fmt(max, kind)} or less` }));
const fraction = atMost(atLeast(0, 'double'), 1, 'double');
const port = atMost(atLeast(0, 'int'), 65535, 'int');
const PORT_NAME = /^[a-z0-9-]+$/;
const portName = z.string().regex(PORT_NAME, { error: `must fully match regular expression '${PORT_NAME.source}'` });
const EXECUTOR_TEXT = '^(//cmd)|(/?[^/]+(/[^/]+)*)|$';
const EXECUTOR = /^(?:\/\/cmd|\/?[^/]+(?:\/[^/]+)*|)$/;
const INVALID_URI = /[\s<>"{}|\\^`]/;
/** Mesos role names: no whitespace, no empty, `.`, `..` or `-`-led path segments. */
const ROLE_INVALID = (r: string): boolean => /\s/.test(r) || r.split('/').some((s) => s === '' || s === '.' || s === '..' || s.startsWith('-'));

export const MESOS_HEALTH = new Set(['COMMAND', 'MESOS_HTTP', 'MESOS_HTTPS', 'MESOS_TCP']);
const MARATHON_HEALTH = new Set(['HTTP', 'HTTPS', 'TCP']);

const healthCheckSchema = z.object({
  port: port.optional(),
  portIndex: atLeast(0, 'int').optional(),
  gracePeriodSeconds: atLeast(0, 'int'),
  intervalSeconds: atLeast(1, 'int'),
  timeoutSeconds: atLeast(1, 'int'),
  maxConsecutiveFailures: atLeast(0, 'int'),
  delaySeconds: atLeast(0, 'int'),
});

const canonicalSchema = z.object({
  cpus: atLeast(0, 'double'),
  mem: atLeast(0, 'double'),
  disk: atLeast(0, 'double'),
  gpus: atLeast(0, 'int'),
  instances: atLeast(0, 'int'),
  backoffSeconds: atLeast(0, 'int'),
  backoffFactor: atLeast(1, 'double'),
  maxLaunchDelaySeconds: atLeast(0, 'int'),
  taskKillGracePeriodSeconds: atLeast(0, 'int').optional(),
  deploymentDeadlineSeconds: z.number().check(z.gt(0, { error: (i) => `got ${javaDouble(i.input as number)}, expected more than 0.0` })).optional(),
  upgradeStrategy: z.object({ minimumHealthCapacity: fraction, maximumOverCapacity: fraction }),
  unreachableStrategy: z.union([z.literal('disabled'), z.object({ inactiveAfterSeconds: atLeast(0, 'int'), expungeAfterSeconds: atLeast(0, 'int') })]),
  executor: z.string().regex(EXECUTOR, { error: `must fully match regular expression '${EXECUTOR_TEXT}'` }),
  portDefinitions: z.array(z.object({ port, name: portName.optional() })),
  container: z
    .object({
      docker: z.object({ image: z.string().trim().min(1, { error: 'must not be empty' }) }).optional(),
      portMappings: z.array(z.object({ containerPort: port, hostPort: port.optional(), servicePort: port, name: portName.optional() })),
      volumes: z.array(z.object({ containerPath: z.string().min(1, { error: 'must not be empty' }), hostPath: z.string({ error: 'must not be empty' }).min(1, { error: 'must not be empty' }) })),
    })
    .optional(),
  healthChecks: z.array(healthCheckSchema),
  readinessChecks: z
    .array(z.object({ intervalSeconds: atLeast(1, 'int'), timeoutSeconds: atLeast(1, 'int'), httpStatusCodesForReady: z.array(z.int()).min(1, { error: 'must not be empty' }) }))
    .check(z.maxLength(1, { error: (i) => `has size ${(i.input as unknown[]).length}, expected 1 or less` })),
  fetch: z.array(z.object({ uri: z.string() }).refine((f) => f.uri !== '' && !INVALID_URI.test(f.uri), { error: 'URI has invalid syntax.' })),
  acceptedResourceRoles: z.array(z.string()).min(1, { error: 'must not be empty' }).optional(),
});

/** Port indices a health check may address: container port mappings, else port definitions. */
export function portCount(app: Pick<AppDefinition, 'container' | 'portDefinitions'>): number {
  const mappings = app.container?.portMappings ?? [];
  return mappings.length > 0 ? mappings.length : app.portDefinitions.length;
}

function healthCheckRules(app: AppDefinition, hc: HealthCheck, i: number, bag: ErrorBag): void {
  const at = ['healthChecks', i];
  const n = portCount(app);
  if (hc.protocol === 'COMMAND' && !hc.command) bag.add([...at, 'command'], 'not defined');
  if (hc.protocol !== 'COMMAND' && hc.port === undefined) {
    const ok = hc.portIndex !== undefined ? hc.portIndex < n : n === 1;
    if (!ok) bag.add(at, 'Health check port indices must address an element of the ports array or container port mappings.');
  }
  const mesosHttp = hc.protocol === 'MESOS_HTTP' || hc.protocol === 'MESOS_HTTPS' || hc.protocol === 'MESOS_TCP';
  if (hc.ipProtocol === 'IPv6' && !(mesosHttp && app.container?.type === 'DOCKER')) {
    bag.add(at, 'IPv6 can only be used for container type DOCKER and Mesos http/https/tcp health checks');
  }
}

function appRules(app: AppDefinition, bag: ErrorBag, defaultRole?: string): void {
  const hasContainer = app.container !== undefined && (app.container.type === 'MESOS' || app.container.docker !== undefined);
  const cmd = app.cmd !== undefined;
  const args = app.args !== undefined && app.args.length > 0;
  if (!((cmd !== args) || (!(cmd && args) && hasContainer))) {
    bag.add('/', "AppDefinition must either contain one of 'cmd' or 'args', and/or a 'container'.");
  }
  if (app.cmd !== undefined && app.cmd.length <= 1) bag.add('/', 'must not be an empty string');
  if (app.container?.type === 'DOCKER' && !app.container.docker) bag.add('/container/docker', 'not defined');
  if (app.gpus > 0 && app.container?.type === 'DOCKER') bag.add('/', 'GPU resources only work with the Mesos containerizer');
  if (app.container?.type === 'DOCKER' && app.networks.filter((n) => n.mode === 'container').length > 1) {
    bag.add('/', 'may only specify a single container network when using the Docker container engine');
  }
  if (app.labels[SINGLE_INSTANCE_LABEL] === 'true') {
    if (app.instances > 1) bag.add('/', 'Single instance app may only have one instance');
    for (const k of ['minimumHealthCapacity', 'maximumOverCapacity'] as const) {
      const v = app.upgradeStrategy[k];
      if (v !== 0) bag.add(['upgradeStrategy', k], `got ${javaDouble(v)}, expected 0.0`);
    }
  }
  app.constraints.forEach((c, i) => constraintErrors(c).forEach((e) => bag.add(['constraints', i], e)));
  const named = app.portDefinitions.flatMap((p) => (p.name ? [p.name] : []));
  if (new Set(named).size !== named.length) bag.add('/portDefinitions', 'Port names must be unique.');
  const fixed = app.portDefinitions.map((p) => p.port).filter((p) => p !== 0);
  if (new Set(fixed).size !== fixed.length) bag.add('/portDefinitions', 'Ports must be unique.');
  const mapNames = (app.container?.portMappings ?? []).flatMap((p) => (p.name ? [p.name] : []));
  if (new Set(mapNames).size !== mapNames.length) bag.add('/container/portMappings', 'Port names must be unique.');
  app.healthChecks.forEach((hc, i) => healthCheckRules(app, hc, i, bag));
  const mesosChecks = app.healthChecks.filter((h) => MESOS_HEALTH.has(h.protocol) && h.protocol !== 'COMMAND').length;
  if (mesosChecks > 1) bag.add('/', 'AppDefinition can contain at most one Mesos health check');
  const marathonChecks = app.healthChecks.filter((h) => MARATHON_HEALTH.has(h.protocol)).length;
  if (marathonChecks > 0 && app.healthChecks.some((h) => MESOS_HEALTH.has(h.protocol))) {
    bag.add('/healthChecks', 'Marathon-level (HTTP, HTTPS, TCP) and Mesos-level health checks cannot be mixed');
  }
  const portNames = new Set([...app.portDefinitions, ...(app.container?.portMappings ?? [])].flatMap((p) => (p.name ? [p.name] : [])));
  app.readinessChecks.forEach((rc, i) => {
    if (!portNames.has(rc.portName)) bag.add(['readinessChecks', i, 'portName'], `No port definition reference for portName ${rc.portName}`);
    if (rc.timeoutSeconds >= rc.intervalSeconds) bag.add(['readinessChecks', i, 'timeoutSeconds'], `got ${rc.timeoutSeconds}, expected less than ${rc.intervalSeconds}`);
  });
  const us = app.unreachableStrategy;
  if (us !== 'disabled' && us.inactiveAfterSeconds > us.expungeAfterSeconds) {
    bag.add('/unreachableStrategy', 'inactiveAfterSeconds must be less or equal to expungeAfterSeconds');
  }
  networkRules(app, bag);
  const role = app.role ?? defaultRole;
  if (app.role !== undefined && ROLE_INVALID(app.role)) bag.add('/role', `'${app.role}' is not a valid role name`);
  for (const r of app.acceptedResourceRoles ?? []) {
    if (r !== '*' && role !== undefined && r !== role) bag.add('/acceptedResourceRoles', `acceptedResourceRoles can only contain * and ${role}`);
  }
}

function networkRules(app: AppDefinition, bag: ErrorBag): void {
  const n = app.networks;
  const modes = new Set(n.map((x) => x.mode));
  if (modes.size > 1 || (modes.has('host') && n.length > 1) || (modes.has('container/bridge') && n.length > 1)) {
    bag.add('/networks', 'must be one host network, one container/bridge network, or one or more container networks');
  }
  n.forEach((x, i) => {
    if (x.mode === 'host' && (x.name !== undefined || x.labels !== undefined)) bag.add(['networks', i], 'host networks may not have names or labels');
    if (x.mode === 'container' && !x.name) bag.add(['networks', i, 'name'], 'Network name must be specified when container network is selected.');
  });
  const names = n.flatMap((x) => (x.name ? [x.name] : []));
  if (new Set(names).size !== names.length) bag.add('/networks', 'Duplicate networks are not allowed');
}

/** Validates the canonical app; all problems go into `bag`. */
export function validateCanonical(app: AppDefinition, bag: ErrorBag, defaultRole?: string): void {
  const r = canonicalSchema.safeParse(app);
  if (!r.success) addIssues(bag, r.error.issues, app, false);
  appRules(app, bag, defaultRole);
}

/** Upstream's rules on the deprecated fields and features tsmesos does not have; these run before normalization. */
export function validateLegacy(input: AppInput, bag: ErrorBag): void {
  const withoutRandom = (input.ports ?? []).filter((p) => p !== 0);
  if (new Set(withoutRandom).size !== withoutRandom.length) bag.add('/', 'ports must be unique');
  if (input.ports && input.portDefinitions && input.ports.length > 0 && input.portDefinitions.length > 0) {
    const same = input.ports.length === input.portDefinitions.length && input.ports.every((p, i) => (input.portDefinitions?.[i].port ?? 0) === p);
    if (!same) bag.add('/', 'cannot specify both ports and port definitions');
  }
  const hasNetworks = (input.networks ?? []).length > 0;
  if (input.container?.docker?.network && hasNetworks) bag.add('/', 'must not specify both container.docker.network and networks');
  if (input.ipAddress && hasNetworks) bag.add('/', 'must not specify both networks and ipAddress');
  if (input.ipAddress && ((input.ports ?? []).length > 0 || (input.portDefinitions ?? []).length > 0)) bag.add('/', 'cannot specify both an IP address and port');
  if (input.ipAddress?.discovery && input.container?.type === 'DOCKER') bag.add('/ipAddress', 'ipAddress/discovery is not allowed for Docker containers');
  if (input.container?.docker?.credential !== undefined) bag.add('/container/docker/credential', 'must be empty');
  if (input.container?.docker?.pullConfig !== undefined) bag.add('/container/docker/pullConfig', 'Feature secrets is not enabled. Enable with --enable_features secrets)');
  if (input.container?.appc !== undefined) bag.add('/container', 'mesos containers should specify, at most, a single image type');
  for (const [k, v] of Object.entries(input.env ?? {})) {
    if (typeof v !== 'string') bag.add(['env', k], 'Feature secrets is not enabled. Enable with --enable_features secrets)');
  }
  if (Object.keys(input.secrets ?? {}).length > 0) bag.add('/secrets', 'Feature secrets is not enabled. Enable with --enable_features secrets)');
  (input.container?.volumes ?? []).forEach((v, i) => {
    if (v.persistent !== undefined || input.residency !== undefined) bag.add(['container', 'volumes', i], 'persistent local volumes (resident apps) are not supported');
    else if (v.external !== undefined) bag.add(['container', 'volumes', i], 'Feature external_volumes is not enabled. Enable with --enable_features external_volumes)');
    else if (v.secret !== undefined) bag.add(['container', 'volumes', i], 'Feature secrets is not enabled. Enable with --enable_features secrets)');
  });
  if (input.gpus !== undefined && input.gpus > 0) bag.add('/', 'Feature gpu_resources is not enabled. Enable with --enable_features gpu_resources)');
}
