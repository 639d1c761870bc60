/**
 * Reads a task's `ContainerInfo` of type DOCKER (mesos.proto `ContainerInfo`, `ContainerInfo.DockerInfo`,
 * `Volume`, `NetworkInfo`; mesos-api.md §2.3) into checked, typed values. Enums arrive by name in JSON
 * but protobuf allows their numbers too, so both are read. Anything the Docker containerizer cannot
 * honour fails here, before an image is pulled, with a message meant for TaskStatus.message.
 */

export type DockerNetwork = 'HOST' | 'BRIDGE' | 'NONE' | 'USER';

export interface PortMapping {
  hostPort: number;
  containerPort: number;
  protocol: 'tcp' | 'udp';
}

export interface DockerVolume {
  containerPath: string;
  /** Absolute host path, sandbox-relative path, or undefined for an anonymous/named volume. */
  hostPath?: string;
  /** A named Docker volume (`source.docker_volume.name`). */
  volumeName?: string;
  readOnly: boolean;
}

export interface DockerTaskInfo {
  image: string;
  network: DockerNetwork;
  /** `network_infos[0].name` for USER networks. */
  networkName?: string;
  portMappings: PortMapping[];
  privileged: boolean;
  forcePullImage: boolean;
  parameters: Array<{ key: string; value: string }>;
  volumes: DockerVolume[];
  hostname?: string;
}

const NETWORKS: Record<string | number, DockerNetwork> = { HOST: 'HOST', BRIDGE: 'BRIDGE', NONE: 'NONE', USER: 'USER', 1: 'HOST', 2: 'BRIDGE', 3: 'NONE', 4: 'USER' };

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** True when the ContainerInfo asks for the Docker containerizer. */
export function isDockerContainer(container: unknown): boolean {
  const type = obj(container).type;
  return type === 'DOCKER' || type === 1;
}

function port(v: unknown, what: string): number {
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`${what} must be a port number (1-65535), got ${JSON.stringify(v)}`);
  return n;
}

function portMappings(raw: unknown[]): PortMapping[] {
  return raw.map((m) => {
    const pm = obj(m);
    const protocol = String(pm.protocol ?? 'tcp').toLowerCase();
    if (protocol !== 'tcp' && protocol !== 'udp') throw new Error(`port mapping protocol must be tcp or udp, got '${protocol}'`);
    return { hostPort: port(pm.host_port, 'port_mappings.host_port'), containerPort: port(pm.container_port, 'port_mappings.container_port'), protocol };
  });
}

function volumes(raw: unknown[]): DockerVolume[] {
  return raw.map((v) => {
    const vol = obj(v);
    const containerPath = vol.container_path;
    if (typeof containerPath !== 'string' || containerPath === '') throw new Error('volumes[].container_path is required');
    const mode = vol.mode ?? 'RW';
    if (!['RW', 'RO', 1, 2].includes(mode as string | number)) throw new Error(`volumes[].mode must be RW or RO, got ${JSON.stringify(mode)}`);
    const hostPath = typeof vol.host_path === 'string' && vol.host_path !== '' ? vol.host_path : undefined;
    const volumeName = obj(obj(vol.source).docker_volume).name;
    if (vol.image !== undefined) throw new Error(`volume ${containerPath}: image volumes need the Mesos containerizer`);
    return {
      containerPath,
      ...(hostPath !== undefined ? { hostPath } : {}),
      ...(typeof volumeName === 'string' && volumeName !== '' ? { volumeName } : {}),
      readOnly: mode === 'RO' || mode === 2,
    };
  });
}

/** Validates and normalises a DOCKER ContainerInfo; throws with a user-facing message. */
export function parseDockerInfo(container: unknown): DockerTaskInfo {
  const c = obj(container);
  if (!isDockerContainer(c)) throw new Error(`The Docker containerizer only runs DOCKER containers, not ${JSON.stringify(c.type ?? 'MESOS')}`);
  const d = obj(c.docker);
  const image = d.image;
  if (typeof image !== 'string' || image.trim() === '') throw new Error('ContainerInfo.docker.image is required for a DOCKER container');
  const network = NETWORKS[(d.network as string | number | undefined) ?? 'HOST'];
  if (!network) throw new Error(`ContainerInfo.docker.network must be HOST, BRIDGE, NONE or USER, got ${JSON.stringify(d.network)}`);
  const mappings = portMappings(arr(d.port_mappings));
  if (mappings.length > 0 && network !== 'BRIDGE' && network !== 'USER') {
    throw new Error(`Port mappings need BRIDGE or USER networking, not ${network}`);
  }
  const networkName = obj(arr(c.network_infos)[0]).name;
  if (network === 'USER' && (typeof networkName !== 'string' || networkName === '')) {
    throw new Error('USER networking needs ContainerInfo.network_infos[0].name (the Docker network to join)');
  }
  const parameters = arr(d.parameters).map((p) => {
    const kv = obj(p);
    if (typeof kv.key !== 'string' || kv.key === '') throw new Error('docker.parameters[].key is required');
    return { key: kv.key, value: kv.value === undefined ? '' : String(kv.value) };
  });
  const hostname = typeof c.hostname === 'string' && c.hostname !== '' ? c.hostname : undefined;
  if (hostname && network === 'HOST') throw new Error('ContainerInfo.hostname cannot be set with HOST networking');
  return {
    image: image.trim(),
    network,
    ...(network === 'USER' ? { networkName: networkName as string } : {}),
    portMappings: mappings,
    privileged: d.privileged === true,
    forcePullImage: d.force_pull_image === true,
    parameters,
    volumes: volumes(arr(c.volumes)),
    ...(hostname ? { hostname } : {}),
  };
}

/** `repo[:tag][@digest]` → the reference to pull; a bare name means `:latest` (a tagless pull fetches every tag). */
export function pullReference(image: string): { fromImage: string; tag?: string } {
  if (image.includes('@')) return { fromImage: image };
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  if (colon > slash) return { fromImage: image.slice(0, colon), tag: image.slice(colon + 1) };
  return { fromImage: image, tag: 'latest' };
}
