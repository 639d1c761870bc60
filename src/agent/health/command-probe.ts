/**
 * One COMMAND attempt, as upstream's checker runs it: `/bin/sh -c value` (shell form) or `value`
 * exec'd with `arguments` as the full argv, in the task's sandbox, with the task's environment plus
 * the check's own `CommandInfo.environment`. The exit status is the result; death by a signal or a
 * failure to start means the check could not run.
 *
 * The process leads its own process group, so aborting the attempt (timeout or stop) SIGKILLs the
 * whole tree it started — upstream kills the check's process tree the same way on timeout.
 */
import { execa } from 'execa';
import type { CommandSpec } from './spec.js';
import type { HealthCheckContext, ProbeResult, Prober } from './types.js';

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone, or not (yet) a group leader: fall back to the process itself.
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}

/** The environment of a check: task env, then the check's variables; PATH kept so `sh` finds tools. */
export function commandEnv(ctx: HealthCheckContext, cmd: CommandSpec): Record<string, string> {
  const env: Record<string, string> = { ...ctx.env, ...cmd.env };
  if (env.PATH === undefined && process.env.PATH !== undefined) env.PATH = process.env.PATH;
  return env;
}

export function commandProber(cmd: CommandSpec, ctx: HealthCheckContext): Prober {
  return async (signal: AbortSignal): Promise<ProbeResult> => {
    if (signal.aborted) return { ok: false, error: 'command check aborted' };
    const file = cmd.shell ? '/bin/sh' : cmd.value;
    const args = cmd.shell ? ['-c', cmd.value] : cmd.arguments.slice(1);
    const sub = execa(file, args, {
      cwd: ctx.sandbox,
      env: commandEnv(ctx, cmd),
      extendEnv: false,
      detached: true,
      stdin: 'ignore',
      stdout: 'ignore',
      stderr: 'ignore',
      reject: false,
      ...(cmd.shell || cmd.arguments.length === 0 ? {} : { argv0: cmd.arguments[0] }),
    });
    const onAbort = (): void => killGroup(sub.pid);
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      const r = await sub;
      if (signal.aborted) return { ok: false, error: 'command check aborted' };
      if (typeof r.exitCode === 'number') return { ok: true, status: { type: 'COMMAND', command: { exit_code: r.exitCode } } };
      if (r.signal) return { ok: false, error: `command terminated by ${r.signal}` };
      return { ok: false, error: `command could not be started: ${r.originalMessage || r.shortMessage}` };
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  };
}
