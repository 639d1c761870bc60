/**
 * What upstream's Docker containerizer puts on its `docker run` command line
 * (`Docker::RunOptions::create` in `src/docker/docker.cpp`, docs/docker-containerizer.md), built as
 * an Engine API create request instead: the image, the command (shell → `/bin/sh -c value` with the
 * image's ENTRYPOINT replaced; `shell: false` → ENTRYPOINT kept, value and arguments as CMD; nothing
 * → the image's default), the sandbox bind-mounted at `/mnt/mesos/sandbox`, volumes, networking and
 * port mappings, cpu shares (+ CFS quota with `--cgroups_enable_cfs`) and memory limits, then the
 * user's `parameters`. Pure: everything it needs comes in as arguments.
 */
import { isAbsolute, join, normalize } from 'node:path';
import type { CommandInfoV1 } from '../../protocol/v1/types.js';
import type { DockerTaskInfo, DockerVolume } from './docker-info.js';
import { SANDBOX_MOUNT, containerName, ownerLabels } from './docker-labels.js';
import { type CreateOptions, applyParameters } from './docker-parameters.js';
import type { LaunchSpec } from './types.js';

export interface RunContext {
  workDir: string;
  /** `--switch_user`: run as `LaunchSpec.user`. */
  switchUser: boolean;
  /** `--cgroups_enable_cfs`: a hard CPU quota besides the shares. */
  enableCfs: boolean;
}

/** CFS period the quota is expressed in (the kernel's and Docker's default, 100 ms). */
const CFS_PERIOD_US = 100_000;

/** The command part of the request; undefined fields keep the image's ENTRYPOINT / CMD. */
export function dockerCommand(cmd: CommandInfoV1): Pick<CreateOptions, 'Entrypoint' | 'Cmd'> {
  if (cmd.shell !== false) return cmd.value ? { Entrypoint: ['/bin/sh', '-c'], Cmd: [cmd.value] } : {};
  const argv = [...(cmd.value ? [cmd.value] : []), ...(cmd.arguments ?? [])];
  return argv.length > 0 ? { Cmd: argv } : {};
}

/**
 * The task's own variables, not the agent's: MESOS_*, PORT*, and `CommandInfo.environment`. The
 * agent's PATH or HOME would be wrong inside an image, so the rest of its environment stays out.
 */
export function containerEnv(spec: LaunchSpec): string[] {
  const own = new Set((spec.command.environment?.variables ?? []).map((v) => v.name));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(spec.env)) {
    if (k.startsWith('MESOS_') || /^PORT(S|\d*)$/.test(k) || own.has(k)) env[k] = v;
  }
  env.MESOS_SANDBOX = SANDBOX_MOUNT;
  env.MESOS_CONTAINER_NAME = containerName(spec.containerId);
  return Object.entries(env).map(([k, v]) => `${k}=${v}`);
}

/** Where a volume's host side lives; sandbox-relative paths must stay inside the sandbox. */
export function hostPathOf(v: DockerVolume, sandbox: string): string | undefined {
  if (v.hostPath === undefined) return undefined;
  if (isAbsolute(v.hostPath)) return v.hostPath;
  const rel = normalize(v.hostPath);
  if (rel.startsWith('..')) throw new Error(`volume host_path '${v.hostPath}' leaves the sandbox`);
  return join(sandbox, rel);
}

/**
 * Host paths go in as `Binds` (`host:container:mode`, which, like `docker run -v`, creates a missing
 * host directory), except that a path holding a `:` can not be written that way — task ids such as
 * Chronos's `ct:…:job:` put colons in every sandbox path — so those become `Mounts` of type bind.
 */
function applyVolumes(o: CreateOptions, spec: LaunchSpec, volumes: DockerVolume[]): void {
  const binds: string[] = [];
  const mounts: NonNullable<CreateOptions['HostConfig']['Mounts']> = [];
  const add = (source: string, target: string, readOnly: boolean, named: boolean) => {
    if (source.includes(':') || target.includes(':')) mounts.push({ Type: named ? 'volume' : 'bind', Source: source, Target: target, ReadOnly: readOnly });
    else binds.push(`${source}:${target}:${readOnly ? 'ro' : 'rw'}`);
  };
  add(spec.sandbox, SANDBOX_MOUNT, false, false);
  for (const v of volumes) {
    // A relative container path is relative to the sandbox inside the container, as upstream.
    const inside = isAbsolute(v.containerPath) ? v.containerPath : join(SANDBOX_MOUNT, v.containerPath);
    const hostPath = hostPathOf(v, spec.sandbox);
    const source = hostPath ?? v.volumeName;
    if (source === undefined) o.Volumes = { ...o.Volumes, [inside]: {} };
    else add(source, inside, v.readOnly, hostPath === undefined);
  }
  o.HostConfig.Binds = binds;
  if (mounts.length > 0) o.HostConfig.Mounts = mounts;
}

function applyNetwork(o: CreateOptions, spec: LaunchSpec, info: DockerTaskInfo): void {
  o.HostConfig.NetworkMode = { HOST: 'host', BRIDGE: 'bridge', NONE: 'none', USER: info.networkName ?? '' }[info.network];
  if (info.portMappings.length === 0) return;
  const allowed = new Set((spec.env.PORTS ?? '').split(',').filter(Boolean).map(Number));
  const bindings: Record<string, Array<{ HostIp: string; HostPort: string }>> = {};
  for (const m of info.portMappings) {
    if (!allowed.has(m.hostPort)) {
      throw new Error(`Port mapping ${m.hostPort}->${m.containerPort}/${m.protocol}: host port ${m.hostPort} is not among the task's port resources (${spec.env.PORTS || 'none'})`);
    }
    const key = `${m.containerPort}/${m.protocol}`;
    o.ExposedPorts = { ...o.ExposedPorts, [key]: {} };
    bindings[key] = [...(bindings[key] ?? []), { HostIp: '', HostPort: String(m.hostPort) }];
  }
  o.HostConfig.PortBindings = bindings;
}

/** The complete create request for `spec`. Throws (→ TASK_FAILED) on what cannot be honoured. */
export function createOptions(spec: LaunchSpec, info: DockerTaskInfo, ctx: RunContext): CreateOptions {
  const memory = Math.round(spec.limits.memMb * 1024 * 1024);
  const o: CreateOptions = {
    name: containerName(spec.containerId),
    Image: info.image,
    ...dockerCommand(spec.command),
    Env: containerEnv(spec),
    HostConfig: {
      // A tiny init as PID 1 forwards the stop signal and reaps orphans: without it a `sleep` run as
      // PID 1 ignores SIGTERM and every kill waits out the whole grace period.
      Init: true,
      Privileged: info.privileged,
      CpuShares: Math.max(2, Math.round(1024 * spec.limits.cpus)),
      Memory: memory,
      // No swap: the memory limit is the limit, as with the cgroups memory isolator.
      MemorySwap: memory,
      ...(ctx.enableCfs ? { CpuPeriod: CFS_PERIOD_US, CpuQuota: Math.max(1000, Math.round(spec.limits.cpus * CFS_PERIOD_US)) } : {}),
    },
  };
  if (info.hostname) o.Hostname = info.hostname;
  // `root` is the default anyway, and naming it fails in images without an /etc/passwd.
  if (ctx.switchUser && spec.user && spec.user !== 'root') o.User = spec.user;
  applyVolumes(o, spec, info.volumes);
  applyNetwork(o, spec, info);
  applyParameters(o, info.parameters);
  // A `memory` parameter moves the limit; the swap limit (no swap) follows unless also given.
  if (o.HostConfig.Memory !== memory && o.HostConfig.MemorySwap === memory) o.HostConfig.MemorySwap = o.HostConfig.Memory;
  o.Labels = {
    ...o.Labels,
    ...ownerLabels({ workDir: ctx.workDir, agentId: spec.env.MESOS_AGENT_ID ?? '', frameworkId: spec.frameworkId, executorId: spec.executorId, taskId: spec.taskId, containerId: spec.containerId }, spec.limits),
  };
  return o;
}
