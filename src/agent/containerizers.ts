/**
 * Builds the agent's containerizers from `--containerizers` (in order: the first that accepts a
 * task's ContainerInfo runs it, as upstream), `--isolation`, and the `--docker*` flags.
 */
import { UserError } from '../cli/errors.js';
import type { Flags } from '../cli/flags/resolve-flags.js';
import type { Logger } from '../lib/logger.js';
import { DockerContainerizer } from './containerizer/docker.js';
import { engineAddress, findDockerCli } from './containerizer/docker-engine.js';
import { ProcessContainerizer } from './containerizer/process.js';
import type { Containerizer } from './containerizer/types.js';

function dockerContainerizer(flags: Flags, workDir: string, log: Logger): DockerContainerizer {
  const cli = flags.str('docker') ?? 'docker';
  // Upstream runs this binary for everything; here it is only a sanity note, the engine API does the work.
  if (!findDockerCli(cli)) log.info({ docker: cli }, '--docker binary not found; not needed, tsmesos talks to the Docker engine API');
  return new DockerContainerizer({
    workDir,
    engine: engineAddress(flags.str('docker_socket'), process.env.DOCKER_HOST),
    log,
    switchUser: flags.bool('switch_user'),
    enableCfs: flags.bool('cgroups_enable_cfs'),
    killOrphans: flags.bool('docker_kill_orphans'),
    stopTimeoutMs: flags.duration('docker_stop_timeout') ?? 0,
  });
}

export function containerizersFrom(flags: Flags, workDir: string, log: Logger): Containerizer[] {
  const names = (flags.str('containerizers') ?? 'mesos').split(',').map((s) => s.trim()).filter(Boolean);
  const isolation = (flags.str('isolation') ?? 'posix/cpu,posix/mem').split(',').map((s) => s.trim()).filter(Boolean);
  return names.map((name) => {
    if (name === 'mesos') return new ProcessContainerizer({ workDir, isolation, switchUser: flags.bool('switch_user'), enableCfs: flags.bool('cgroups_enable_cfs'), log });
    if (name === 'docker') return dockerContainerizer(flags, workDir, log);
    throw new UserError(`--containerizers: unknown containerizer '${name}'`, 'use mesos, docker or both (e.g. --containerizers=docker,mesos)');
  });
}
