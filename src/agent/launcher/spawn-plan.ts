/**
 * How the launcher turns a launch request into one `spawn` call (pure).
 *
 * Upstream's Linux launcher places a task in its cgroups before the task's own code runs. Node
 * cannot fork into a cgroup, so with cgroups the task starts as a tiny `/bin/sh` that writes its
 * own pid into each `cgroup.procs` and then `exec`s the real program: one extra exec, no extra
 * process. Joining a cgroup v2 group needs rights over the common ancestor, which an unprivileged
 * user lacks, so when the task also switches user the shell joins as root and `exec`s `setpriv` to
 * drop to the user just before the real program.
 */

/** The shell program that joins cgroups: `$1` = how many `cgroup.procs` files follow, then argv. */
export const JOIN_SCRIPT =
  'n=$1; shift; while [ "$n" -gt 0 ]; do echo $$ > "$1" || exit 125; n=$((n-1)); shift; done; exec "$@"';

export interface SpawnInput {
  argv: string[];
  argv0?: string;
  uid?: number;
  gid?: number;
  cgroups?: string[];
  /** Absolute path of `setpriv`, required only for user switching inside cgroups. */
  setpriv?: string;
}

export interface SpawnPlan {
  file: string;
  args: string[];
  argv0?: string;
  uid?: number;
  gid?: number;
}

/** Builds the spawn call; throws with a user-facing message when the request cannot be met. */
export function spawnPlan(input: SpawnInput): SpawnPlan {
  const { argv } = input;
  if (argv.length === 0 || !argv[0]) throw new Error('Nothing to run: empty argv');
  const cgroups = input.cgroups ?? [];
  const switching = input.uid !== undefined;
  if (cgroups.length === 0) {
    return {
      file: argv[0],
      args: argv.slice(1),
      ...(input.argv0 !== undefined ? { argv0: input.argv0 } : {}),
      ...(switching ? { uid: input.uid, gid: input.gid ?? input.uid } : {}),
    };
  }
  const drop: string[] = [];
  if (switching) {
    if (!input.setpriv) throw new Error('Cannot switch user inside cgroups: setpriv (util-linux) not found');
    const gid = input.gid ?? input.uid;
    drop.push(input.setpriv, `--reuid=${input.uid}`, `--regid=${gid}`, '--clear-groups', '--');
  }
  const procs = cgroups.map((dir) => `${dir.replace(/\/+$/, '')}/cgroup.procs`);
  return {
    file: '/bin/sh',
    args: ['-c', JOIN_SCRIPT, 'tsmesos-join', String(procs.length), ...procs, ...drop, ...argv],
  };
}
