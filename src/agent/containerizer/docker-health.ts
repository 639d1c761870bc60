/**
 * Health checks and checks of Docker tasks, as upstream's docker executor runs them
 * (docs/health-checks.md): a COMMAND check runs inside the container (`docker exec`), with the
 * container's environment plus the check's own variables; HTTP and TCP checks probe the task where it
 * listens — loopback for HOST networking or a published host port, else the container's own address
 * (upstream enters the container's network namespace for the same effect).
 *
 * The agent uses these by passing `{ prober }` to `startHealthCheck` / `startCheck` for tasks the
 * Docker containerizer runs; the shared `periodic` schedule, timeouts and verdicts stay as they are.
 */
import { checkProbeSpec, healthProbeSpec, type ProbeSpec } from '../health/spec.js';
import { proberFor } from '../health/make-prober.js';
import type { CheckInfoV1, HealthCheckContext, HealthCheckV1, Prober, ProbeResult } from '../health/types.js';
import type { DockerContainerizer } from './docker.js';

/** The argv of a COMMAND check: `sh -c value`, or `value` with `arguments[1..]` (exec cannot set argv[0]). */
export function checkArgv(cmd: Extract<ProbeSpec, { type: 'COMMAND' }>['command']): string[] {
  return cmd.shell ? ['/bin/sh', '-c', cmd.value] : [cmd.value, ...cmd.arguments.slice(1)];
}

function execProber(cz: DockerContainerizer, containerId: string, spec: Extract<ProbeSpec, { type: 'COMMAND' }>): Prober {
  return async (signal: AbortSignal): Promise<ProbeResult> => {
    try {
      const r = await cz.exec(containerId, checkArgv(spec.command), { env: spec.command.env, signal });
      if (signal.aborted) return { ok: false, error: 'command check aborted' };
      if (r.exitCode === null) return { ok: false, error: 'command check ended without an exit status' };
      return { ok: true, status: { type: 'COMMAND', command: { exit_code: r.exitCode } } };
    } catch (e) {
      return { ok: false, error: `command check could not run in the container: ${(e as Error).message}` };
    }
  };
}

/** HTTP/TCP: the same probe, aimed at the container's address when it has its own network. */
function networkProber(cz: DockerContainerizer, containerId: string, spec: Exclude<ProbeSpec, { type: 'COMMAND' }>, ctx: HealthCheckContext): Prober {
  let target: Promise<Prober> | undefined;
  const resolve = async (): Promise<Prober> => {
    const net = await cz.network(containerId);
    const loopback = net.hostNetwork || !net.ip || net.hostPorts.includes(spec.port);
    return proberFor(loopback ? spec : { ...spec, host: net.ip! }, ctx);
  };
  return async (signal) => {
    try {
      target ??= resolve();
      return await (await target)(signal);
    } catch (e) {
      target = undefined;
      return { ok: false, error: `could not locate the container's network: ${(e as Error).message}` };
    }
  };
}

export function dockerProber(cz: DockerContainerizer, containerId: string, spec: ProbeSpec, ctx: HealthCheckContext): Prober {
  return spec.type === 'COMMAND' ? execProber(cz, containerId, spec) : networkProber(cz, containerId, spec, ctx);
}

/** For `startHealthCheck(check, ctx, events, { prober })` on a Docker task. */
export function dockerHealthProber(cz: DockerContainerizer, containerId: string, check: HealthCheckV1, ctx: HealthCheckContext): Prober {
  return dockerProber(cz, containerId, healthProbeSpec(check), ctx);
}

/** For `startCheck(check, ctx, onStatus, { prober })` on a Docker task. */
export function dockerCheckProber(cz: DockerContainerizer, containerId: string, check: CheckInfoV1, ctx: HealthCheckContext): Prober {
  return dockerProber(cz, containerId, checkProbeSpec(check), ctx);
}
