/**
 * parseApp: client JSON → canonical AppDefinition. Steps, as upstream's AppsResource runs them:
 * (1) JSON types (422 "Invalid JSON" with Play keys), (2) partial-update merge onto `base`,
 * (3) rules on deprecated fields, (4) legacy → 1.5+ normalization with defaults, (5) canonical
 * validation (422 "Object is not valid"). `version` is left to the caller to stamp.
 */
import { APP_DEFAULTS, DEFAULT_UNREACHABLE_STRATEGY, DEFAULT_UPGRADE_STRATEGY, HEALTH_CHECK_DEFAULTS, READINESS_CHECK_DEFAULTS, SINGLE_INSTANCE_LABEL, SINGLE_INSTANCE_UPGRADE_STRATEGY } from './defaults.js';
import { addIssues, ErrorBag } from './errors.js';
import { type AppInput, AppInputSchema, type HealthCheckInput } from './input-schema.js';
import { askedPortDefinitions, isHostMode, translateContainer, translateFetch, translateNetworks, translatePortDefinitions } from './legacy.js';
import { mergeForUpdate } from './merge.js';
import { pathIdErrors, resolvePath } from './path-id.js';
import { appToJson } from './to-json.js';
import { type AppDefinition, AppValidationError, type HealthCheck } from './types.js';
import { validateCanonical, validateLegacy } from './validate.js';

export interface ParseOptions {
  /** The stored app, for PUT partialUpdate / PATCH: fields absent from `raw` keep their values. */
  base?: AppDefinition;
  /** The group the app is posted in: relative ids resolve against it and the app must be its child. */
  groupId?: string;
  /** The id from the URL (PUT /v2/apps/{id}); it wins over the body's. */
  idFromPath?: string;
  /** The framework's role (--mesos_role), for checking acceptedResourceRoles. */
  defaultRole?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function healthCheck(h: HealthCheckInput, appHasPorts: boolean): HealthCheck {
  const protocol = h.protocol ?? (h.command ? 'COMMAND' : 'HTTP');
  const httpKind = protocol === 'HTTP' || protocol === 'HTTPS' || protocol === 'MESOS_HTTP' || protocol === 'MESOS_HTTPS';
  const portIndex = h.portIndex ?? (protocol !== 'COMMAND' && h.port === undefined && appHasPorts ? 0 : undefined);
  return {
    ...HEALTH_CHECK_DEFAULTS,
    protocol,
    ...(httpKind ? { path: h.path ?? '/' } : {}),
    ...(portIndex !== undefined ? { portIndex } : {}),
    ...(h.port !== undefined ? { port: h.port } : {}),
    ...(h.command ? { command: { value: h.command.value } } : {}),
    ...definedOnly({
      gracePeriodSeconds: h.gracePeriodSeconds,
      intervalSeconds: h.intervalSeconds,
      timeoutSeconds: h.timeoutSeconds,
      maxConsecutiveFailures: h.maxConsecutiveFailures,
      delaySeconds: h.delaySeconds,
      ignoreHttp1xx: h.ignoreHttp1xx,
      ipProtocol: h.ipProtocol,
    }),
  };
}

function definedOnly<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function build(input: AppInput, id: string, base: AppDefinition | undefined, opts: ParseOptions, bag: ErrorBag): AppDefinition {
  const networks = translateNetworks(input, bag);
  const container = translateContainer(input, networks, bag);
  const portDefinitions = translatePortDefinitions(input, networks);
  const appHasPorts = (askedPortDefinitions(input)?.length ?? 0) > 0 || (container?.portMappings.length ?? 0) > 0 || portDefinitions.length > 0;
  const labels = input.labels ?? {};
  const single = labels[SINGLE_INSTANCE_LABEL] === 'true';
  const us = input.upgradeStrategy;
  const defaultUs = single ? SINGLE_INSTANCE_UPGRADE_STRATEGY : DEFAULT_UPGRADE_STRATEGY;
  const depBase = opts.groupId ?? '/';
  const unreachable = input.unreachableStrategy;
  return {
    id,
    ...definedOnly({ cmd: input.cmd, args: input.args, user: input.user, role: input.role }),
    cpus: input.cpus ?? APP_DEFAULTS.cpus,
    mem: input.mem ?? APP_DEFAULTS.mem,
    disk: input.disk ?? APP_DEFAULTS.disk,
    gpus: input.gpus ?? APP_DEFAULTS.gpus,
    instances: input.instances ?? APP_DEFAULTS.instances,
    env: Object.fromEntries(Object.entries(input.env ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string')),
    labels,
    constraints: (input.constraints ?? []).map((c) => c.map((x, i) => (i === 1 ? x.toUpperCase() : x))),
    ...(input.acceptedResourceRoles !== undefined ? { acceptedResourceRoles: input.acceptedResourceRoles } : {}),
    ...(container ? { container } : {}),
    networks,
    portDefinitions,
    requirePorts: isHostMode(networks) ? (input.requirePorts ?? APP_DEFAULTS.requirePorts) : false,
    healthChecks: (input.healthChecks ?? []).map((h) => healthCheck(h, appHasPorts)),
    readinessChecks: (input.readinessChecks ?? []).map((r) => ({ ...READINESS_CHECK_DEFAULTS, ...definedOnly(r) })),
    dependencies: (input.dependencies ?? []).map((d, i) => {
      const errors = pathIdErrors(d, { base: depBase, reservedCheck: false });
      errors.forEach((e) => bag.add(['dependencies', i], e));
      return resolvePath(d, depBase);
    }),
    upgradeStrategy: {
      minimumHealthCapacity: us?.minimumHealthCapacity ?? defaultUs.minimumHealthCapacity,
      maximumOverCapacity: us?.maximumOverCapacity ?? defaultUs.maximumOverCapacity,
    },
    backoffSeconds: input.backoffSeconds ?? APP_DEFAULTS.backoffSeconds,
    backoffFactor: input.backoffFactor ?? APP_DEFAULTS.backoffFactor,
    maxLaunchDelaySeconds: input.maxLaunchDelaySeconds ?? APP_DEFAULTS.maxLaunchDelaySeconds,
    killSelection: input.killSelection ?? APP_DEFAULTS.killSelection,
    unreachableStrategy:
      unreachable === 'disabled'
        ? 'disabled'
        : {
            inactiveAfterSeconds: unreachable?.inactiveAfterSeconds ?? DEFAULT_UNREACHABLE_STRATEGY.inactiveAfterSeconds,
            expungeAfterSeconds: unreachable?.expungeAfterSeconds ?? DEFAULT_UNREACHABLE_STRATEGY.expungeAfterSeconds,
          },
    ...definedOnly({ taskKillGracePeriodSeconds: input.taskKillGracePeriodSeconds, deploymentDeadlineSeconds: input.deploymentDeadlineSeconds }),
    fetch: translateFetch(input, bag),
    executor: input.executor ?? APP_DEFAULTS.executor,
    version: base?.version ?? '',
    versionInfo: base ? { ...base.versionInfo } : { lastScalingAt: '', lastConfigChangeAt: '' },
  };
}

/** Resolves and checks the id; errors go to `/id`. */
function resolveId(rawId: string | undefined, opts: ParseOptions, bag: ErrorBag): string {
  const id = opts.base?.id ?? opts.idFromPath ?? rawId ?? '';
  const group = opts.groupId !== undefined ? resolvePath(opts.groupId) : undefined;
  const errors = pathIdErrors(id, { base: group ?? '/', ...(group !== undefined && opts.idFromPath === undefined && !opts.base ? { groupId: group } : {}) });
  errors.forEach((e) => bag.add('/id', e));
  return resolvePath(id, group ?? '/');
}

/**
 * Parses raw JSON (already null-stripped) into a full AppDefinition with API defaults; legacy inputs
 * are normalised to the 1.5+ forms. Throws AppValidationError ("Invalid JSON" for wrong JSON types,
 * "Object is not valid" for rule violations), both answered with 422.
 */
export function parseApp(raw: unknown, opts: ParseOptions = {}): AppDefinition {
  if (!isObject(raw)) throw new AppValidationError([{ path: '/', errors: ['error.expected.jsobject'] }], 'Invalid JSON');
  const typeBag = new ErrorBag();
  const parsed = AppInputSchema.safeParse(raw);
  if (!parsed.success) addIssues(typeBag, parsed.error.issues, raw, true);
  if (parsed.success && parsed.data.id === undefined && opts.idFromPath === undefined && !opts.base) typeBag.add('/id', 'error.path.missing');
  typeBag.throwIfAny('Invalid JSON');
  const bag = new ErrorBag();
  let input = parsed.data as AppInput;
  if (opts.base) {
    if (input.version !== undefined && Object.keys(raw).some((k) => k !== 'version' && k !== 'id')) {
      bag.add('/', "The 'version' field may only be combined with the 'id' field.");
    }
    input = mergeForUpdate(AppInputSchema.parse(appToJson(opts.base)), input);
  }
  validateLegacy(input, bag);
  bag.throwIfAny();
  const id = resolveId(input.id, opts, bag);
  const app = build(input, id, opts.base, opts, bag);
  validateCanonical(app, bag, opts.defaultRole);
  bag.throwIfAny();
  return app;
}

export { isOnlyScaleChange, isUpgrade } from './compare.js';
export { canonicalPath } from './path-id.js';
