/**
 * Builds the agent's containerizers from `--containerizers` (in order: the first that accepts a
 * task's ContainerInfo runs it, as upstream) and `--isolation`.
 */
import { UserError } from '../cli/errors.js';
import type { Flags } from '../cli/flags/resolve-flags.js';
import type { Logger } from '../lib/logger.js';
import { ProcessContainerizer } from './containerizer/process.js';
import type { Containerizer } from './containerizer/types.js';

export function containerizersFrom(flags: Flags, workDir: string, log: Logger): Containerizer[] {
  const names = (flags.str('containerizers') ?? 'mesos').split(',').map((s) => s.trim()).filter(Boolean);
  const isolation = (flags.str('isolation') ?? 'posix/cpu,posix/mem').split(',').map((s) => s.trim()).filter(Boolean);
  return names.map((name) => {
    if (name === 'mesos') return new ProcessContainerizer({ workDir, isolation, switchUser: flags.bool('switch_user'), enableCfs: flags.bool('cgroups_enable_cfs'), log });
    if (name === 'docker') throw new UserError('--containerizers=docker is not available yet', 'use --containerizers=mesos');
    throw new UserError(`--containerizers: unknown containerizer '${name}'`, 'use mesos (docker with the Docker containerizer)');
  });
}
