/**
 * Legacy → 1.5+ translation (upstream `AppNormalization.forDeprecated` and `forPostValidation`):
 * `uris` → `fetch`, `ports` → `portDefinitions`, `ipAddress` and `container.docker.network` → `networks`,
 * `container.docker.portMappings` and `ipAddress.discovery.ports` → `container.portMappings`, plus the
 * port defaults per network mode. Conflicts that upstream reports as normalization errors go to `bag` at `/`.
 */
import { defaultPortDefinitions, defaultPortMappings, isExtractable } from './defaults.js';
import type { ErrorBag } from './errors.js';
import type { AppInput, PortMappingInput } from './input-schema.js';
import type { AppContainer, AppNetwork, FetchUri, PortDefinition, PortMapping } from './types.js';

/** Name under which a Mesos CNI bridge may be asked for through the legacy `ipAddress.networkName`. */
export const MESOS_BRIDGE_NAME = 'mesos-bridge';

export function translateFetch(input: AppInput, bag: ErrorBag): FetchUri[] {
  const uris = input.uris ?? [];
  const fetch = input.fetch ?? [];
  if (uris.length > 0 && fetch.length > 0) bag.add('/', 'cannot specify both uris and fetch fields');
  if (uris.length > 0 && fetch.length === 0) {
    return uris.map((uri) => ({ uri, extract: isExtractable(uri), executable: false, cache: false }));
  }
  return fetch.map((f) => ({
    uri: f.uri,
    extract: f.extract ?? true,
    executable: f.executable ?? false,
    cache: f.cache ?? false,
    ...(f.destPath !== undefined ? { destPath: f.destPath } : {}),
  }));
}

/** The canonical `networks`, or `[{mode:'host'}]` when nothing asks otherwise. */
export function translateNetworks(input: AppInput, bag: ErrorBag): AppNetwork[] {
  const ip = input.ipAddress;
  const dockerNet = input.container?.docker?.network;
  const given = input.networks && input.networks.length > 0 ? input.networks : undefined;
  let out: AppNetwork[] | undefined;
  if ((ip || dockerNet) && given) {
    return given.map(canonicalNetwork); // the conflict itself is reported by the legacy-API rules
  }
  if (dockerNet) {
    if (dockerNet === 'HOST') out = [{ mode: 'host' }];
    else if (dockerNet === 'BRIDGE') out = [{ mode: 'container/bridge', ...nonEmptyLabels(ip?.labels) }];
    else if (dockerNet === 'USER') out = [{ mode: 'container', ...(ip?.networkName ? { name: ip.networkName } : {}), ...nonEmptyLabels(ip?.labels) }];
    else bag.add('/', `unsupported docker network type ${dockerNet}`);
  } else if (ip) {
    if (ip.networkName === MESOS_BRIDGE_NAME) out = [{ mode: 'container/bridge', ...nonEmptyLabels(ip.labels) }];
    else out = [{ mode: 'container', ...(ip.networkName ? { name: ip.networkName } : {}), ...nonEmptyLabels(ip.labels) }];
  } else if (given) {
    out = given.map(canonicalNetwork);
  }
  return out ?? [{ mode: 'host' }];
}

function canonicalNetwork(n: NonNullable<AppInput['networks']>[number]): AppNetwork {
  return { mode: n.mode ?? 'container', ...(n.name !== undefined ? { name: n.name } : {}), ...nonEmptyLabels(n.labels) };
}

/** Empty label maps are dropped so that a stored app re-parsed from its JSON is equal to itself. */
function nonEmptyLabels(labels: Record<string, string> | undefined): { labels?: Record<string, string> } {
  return labels && Object.keys(labels).length > 0 ? { labels } : {};
}

export const isHostMode = (networks: AppNetwork[]): boolean => networks.length === 0 || networks.some((n) => n.mode === 'host');
export const isBridgeMode = (networks: AppNetwork[]): boolean => networks.some((n) => n.mode === 'container/bridge');

/** `portDefinitions` as asked (before defaults): the canonical field, else the legacy `ports`. */
export function askedPortDefinitions(input: AppInput): PortDefinition[] | undefined {
  if (input.portDefinitions) {
    return input.portDefinitions.map((p) => ({
      port: p.port ?? 0,
      protocol: p.protocol ?? 'tcp',
      ...(p.name !== undefined ? { name: p.name } : {}),
      ...nonEmptyLabels(p.labels),
    }));
  }
  return input.ports?.map((port) => ({ port, protocol: 'tcp' }));
}

/** Host mode keeps (or defaults) port definitions; other modes have none (they use port mappings). */
export function translatePortDefinitions(input: AppInput, networks: AppNetwork[]): PortDefinition[] {
  if (!isHostMode(networks)) return [];
  return askedPortDefinitions(input) ?? defaultPortDefinitions();
}

function canonicalMapping(m: PortMappingInput, bridge: boolean): PortMapping {
  const hostPort = m.hostPort ?? (bridge ? 0 : undefined);
  return {
    containerPort: m.containerPort ?? 0,
    ...(hostPort !== undefined ? { hostPort } : {}),
    servicePort: m.servicePort ?? 0,
    protocol: m.protocol ?? 'tcp',
    ...(m.name !== undefined ? { name: m.name } : {}),
    ...nonEmptyLabels(m.labels),
    ...(m.networkNames && m.networkNames.length > 0 ? { networkNames: m.networkNames } : {}),
  };
}

/** The canonical container: migrated port mappings, per-mode defaults, docker defaults; undefined when there is none. */
export function translateContainer(input: AppInput, networks: AppNetwork[], bag: ErrorBag): AppContainer | undefined {
  const host = isHostMode(networks);
  const bridge = isBridgeMode(networks);
  const c = input.container ?? (input.ipAddress || !host ? { type: 'MESOS' as const } : undefined);
  if (!c) return undefined;
  const type = c.type ?? 'DOCKER';
  let mappings: PortMappingInput[] | undefined = c.portMappings;
  const dockerMappings = c.docker?.portMappings;
  if (dockerMappings && dockerMappings.length > 0) {
    if (mappings && mappings.length > 0) bag.add('/', 'cannot specify both portMappings and docker.portMappings');
    else mappings = dockerMappings;
  }
  const discovery = input.ipAddress?.discovery?.ports ?? [];
  if (discovery.length > 0) {
    if (type !== 'MESOS') bag.add('/', `ipAddress.discovery.ports do not apply for container type ${type}`);
    else if (mappings && mappings.length > 0) bag.add('/', 'container.portMappings and ipAddress.discovery.ports must not both be set');
    else mappings = discovery.map((p) => ({ containerPort: p.number, name: p.name, protocol: p.protocol, labels: p.labels }));
  }
  let portMappings: PortMapping[] = [];
  if (!host) {
    portMappings = mappings ? mappings.map((m) => canonicalMapping(m, bridge)) : defaultPortMappings(bridge);
    const wanted = askedPortDefinitions(input)?.length ?? 0;
    while (portMappings.length < wanted) portMappings.push(canonicalMapping({}, bridge));
  }
  const d = c.docker;
  return {
    type,
    ...(d
      ? { docker: { image: d.image, forcePullImage: d.forcePullImage ?? false, privileged: d.privileged ?? false, parameters: d.parameters ?? [] } }
      : {}),
    portMappings,
    volumes: (c.volumes ?? []).map((v) => ({
      containerPath: v.containerPath,
      ...(v.hostPath !== undefined ? { hostPath: v.hostPath } : {}),
      mode: v.mode ?? 'RW',
    })),
  };
}
