/**
 * `DockerInfo.parameters`: upstream passes each `{key, value}` to `docker run` as `--key=value`
 * (docs/docker-containerizer.md). tsmesos talks to the Engine API instead of the CLI, so each option
 * is translated to the create-container field the CLI would have set. Options Mesos itself controls
 * (`name`, `rm`, `detach`…) and options not in this table fail the launch with a message naming them,
 * rather than being silently dropped.
 */
import type Docker from 'dockerode';
import { parseBool, parseInt10, parseNumber, parseSize, parseSizeOrUnlimited, splitKeyValue } from './docker-units.js';

export type CreateOptions = Docker.ContainerCreateOptions & { HostConfig: Docker.HostConfig };

type Apply = (o: CreateOptions, value: string, key: string) => void;

const push = <T>(list: T[] | undefined, v: T): T[] => [...(list ?? []), v];

/** `[ip:]hostPort:containerPort[/proto]` or `containerPort[/proto]` (random host port). */
function publish(o: CreateOptions, value: string): void {
  const [spec, proto = 'tcp'] = value.split('/');
  const parts = spec!.split(':');
  const containerPort = parts.pop()!;
  const hostPort = parts.pop() ?? '';
  const hostIp = parts.pop() ?? '';
  const key = `${parseInt10(containerPort, 'publish')}/${proto}`;
  o.ExposedPorts = { ...o.ExposedPorts, [key]: {} };
  const bindings = (o.HostConfig.PortBindings ?? {}) as Record<string, Array<{ HostIp: string; HostPort: string }>>;
  bindings[key] = push(bindings[key], { HostIp: hostIp, HostPort: hostPort });
  o.HostConfig.PortBindings = bindings;
}

function volume(o: CreateOptions, value: string): void {
  // A lone container path is an anonymous volume; `src:dst[:mode]` a bind or named volume.
  if (!value.includes(':')) o.Volumes = { ...o.Volumes, [value]: {} };
  else o.HostConfig.Binds = push(o.HostConfig.Binds, value);
}

function ulimit(o: CreateOptions, value: string): void {
  const [name, limits] = splitKeyValue(value);
  const [soft, hard = soft] = limits.split(':');
  if (!name || !soft) throw new Error(`ulimit: '${value}' is not name=soft[:hard]`);
  o.HostConfig.Ulimits = push(o.HostConfig.Ulimits, { Name: name, Soft: parseInt10(soft, 'ulimit'), Hard: parseInt10(hard!, 'ulimit') });
}

function device(o: CreateOptions, value: string): void {
  const [onHost, inContainer = onHost, perms = 'rwm'] = value.split(':');
  o.HostConfig.Devices = push(o.HostConfig.Devices as unknown[] | undefined, { PathOnHost: onHost, PathInContainer: inContainer, CgroupPermissions: perms });
}

const hc = (field: keyof Docker.HostConfig, parse: (v: string, k: string) => unknown): Apply => (o, v, k) => {
  (o.HostConfig as Record<string, unknown>)[field] = parse(v, k);
};
const hcList = (field: keyof Docker.HostConfig): Apply => (o, v) => {
  const h = o.HostConfig as Record<string, unknown>;
  h[field] = push(h[field] as string[] | undefined, v);
};
const hcMap = (field: 'Sysctls' | 'Tmpfs', sep: string): Apply => (o, v) => {
  const i = v.indexOf(sep);
  const [k, val] = i < 0 ? [v, ''] : [v.slice(0, i), v.slice(i + 1)];
  o.HostConfig[field] = { ...o.HostConfig[field], [k]: val };
};
const str = (v: string) => v;
const unsupported = (why: string): Apply => (_o, _v, k) => {
  throw new Error(`docker parameter '${k}' is not supported: ${why}`);
};

const TABLE: Record<string, Apply> = {
  label: (o, v) => {
    const [k, val] = splitKeyValue(v);
    o.Labels = { ...o.Labels, [k]: val };
  },
  env: (o, v) => void (o.Env = push(o.Env, v.includes('=') ? v : `${v}=${process.env[v] ?? ''}`)),
  volume,
  publish,
  expose: (o, v) => void (o.ExposedPorts = { ...o.ExposedPorts, [v.includes('/') ? v : `${v}/tcp`]: {} }),
  user: (o, v) => void (o.User = v),
  workdir: (o, v) => void (o.WorkingDir = v),
  hostname: (o, v) => void (o.Hostname = v),
  domainname: (o, v) => void (o.Domainname = v),
  entrypoint: (o, v) => void (o.Entrypoint = v === '' ? [''] : [v]),
  'stop-signal': (o, v) => void (o.StopSignal = v),
  'mac-address': (o, v) => void (o.MacAddress = v),
  memory: hc('Memory', (v, k) => parseSize(v, k)),
  'memory-swap': hc('MemorySwap', (v, k) => parseSizeOrUnlimited(v, k)),
  'memory-reservation': hc('MemoryReservation', (v, k) => parseSize(v, k)),
  'memory-swappiness': hc('MemorySwappiness', (v, k) => parseInt10(v, k)),
  'kernel-memory': hc('KernelMemory', (v, k) => parseSize(v, k)),
  'shm-size': hc('ShmSize', (v, k) => parseSize(v, k)),
  'cpu-shares': hc('CpuShares', (v, k) => parseInt10(v, k)),
  cpus: hc('NanoCpus', (v, k) => Math.round(parseNumber(v, k) * 1e9)),
  'cpu-period': hc('CpuPeriod', (v, k) => parseInt10(v, k)),
  'cpu-quota': hc('CpuQuota', (v, k) => parseInt10(v, k)),
  'cpuset-cpus': hc('CpusetCpus', str),
  'cpuset-mems': hc('CpusetMems', str),
  'blkio-weight': hc('BlkioWeight', (v, k) => parseInt10(v, k)),
  'pids-limit': hc('PidsLimit', (v, k) => parseInt10(v, k)),
  'oom-kill-disable': hc('OomKillDisable', (v, k) => parseBool(v, k)),
  'oom-score-adj': hc('OomScoreAdj', (v, k) => parseInt10(v, k)),
  privileged: hc('Privileged', (v, k) => parseBool(v, k)),
  'read-only': hc('ReadonlyRootfs', (v, k) => parseBool(v, k)),
  init: hc('Init', (v, k) => parseBool(v, k)),
  network: hc('NetworkMode', str),
  ipc: hc('IpcMode', str),
  pid: hc('PidMode', str),
  uts: hc('UTSMode', str),
  userns: hc('UsernsMode', str),
  'cgroup-parent': hc('CgroupParent', str),
  runtime: hc('Runtime', str),
  isolation: hc('Isolation', str),
  'volume-driver': hc('VolumeDriver', str),
  'log-driver': (o, v) => void (o.HostConfig.LogConfig = { Type: v, Config: o.HostConfig.LogConfig?.Config ?? {} }),
  'log-opt': (o, v) => {
    const [k, val] = splitKeyValue(v);
    const cur = o.HostConfig.LogConfig ?? { Type: '', Config: {} };
    o.HostConfig.LogConfig = { Type: cur.Type, Config: { ...cur.Config, [k]: val } };
  },
  'add-host': hcList('ExtraHosts'),
  'cap-add': hcList('CapAdd'),
  'cap-drop': hcList('CapDrop'),
  dns: hcList('Dns'),
  'dns-search': hcList('DnsSearch'),
  'dns-option': hcList('DnsOptions'),
  'security-opt': hcList('SecurityOpt'),
  'group-add': hcList('GroupAdd'),
  'volumes-from': hcList('VolumesFrom'),
  'device-cgroup-rule': hcList('DeviceCgroupRules'),
  device,
  ulimit,
  sysctl: hcMap('Sysctls', '='),
  tmpfs: hcMap('Tmpfs', ':'),
  name: unsupported('Mesos names the container mesos-<containerId>'),
  rm: unsupported('the containerizer removes containers itself once their logs are saved'),
  detach: unsupported('containers always run detached'),
  restart: unsupported('Mesos (or the framework) decides about restarts'),
  'auto-remove': unsupported('the containerizer removes containers itself once their logs are saved'),
  tty: unsupported('stdout and stderr are streamed separately into the sandbox'),
  interactive: unsupported('tasks have no stdin'),
};

/** Short options the CLI accepts, as upstream users sometimes write them. */
const ALIASES: Record<string, string> = {
  e: 'env', v: 'volume', p: 'publish', u: 'user', w: 'workdir', h: 'hostname', m: 'memory', c: 'cpu-shares',
  l: 'label', net: 'network', t: 'tty', i: 'interactive',
};

/** Applies the parameters in order (later ones win, as on a command line). */
export function applyParameters(o: CreateOptions, parameters: Array<{ key: string; value: string }>): void {
  for (const { key, value } of parameters) {
    const name = key.replace(/^-+/, '');
    const apply = TABLE[ALIASES[name] ?? name];
    if (!apply) throw new Error(`Unknown docker parameter '${key}' (value '${value}'): tsmesos maps docker run options to the Engine API and does not know this one`);
    apply(o, value, name);
  }
}
