/**
 * One Docker container as the Docker containerizer follows it, from start (or re-adoption after an
 * agent restart) to removal: its logs are pumped into the sandbox, its exit is awaited through the
 * engine's `wait`, then — logs drained, OOM verdict taken from the engine — the container is removed
 * (upstream removes exited containers too, after `--docker_remove_delay`; tsmesos keeps no copy
 * besides the sandbox files) and the termination is announced.
 */
import type Docker from 'dockerode';
import type { Readable } from 'node:stream';
import type { Logger } from '../../lib/logger.js';
import { engineStatus } from './docker-engine.js';
import { LogPump } from './docker-logs.js';
import { dockerTermination } from './docker-termination.js';
import { Deferred } from './process-entry.js';
import type { ContainerLimits, ContainerTermination } from './types.js';

/** How long a finished container's log stream may take to drain before the exit is reported anyway. */
const LOG_DRAIN_MS = 3000;
/** Pause before asking again when the engine could not be reached while waiting. */
const RETRY_MS = 1000;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class DockerEntry {
  readonly launched = new Deferred<void>();
  readonly done = new Deferred<ContainerTermination>();
  terminated?: ContainerTermination;
  pid?: number;
  killing?: Promise<void>;
  /** The containerizer has sent the stop signal (or is destroying it after an OOM). */
  stopping = false;
  oom = false;
  private container?: Docker.Container;
  private logs?: LogPump;
  private readonly abort = new AbortController();
  private detached = false;

  constructor(
    readonly containerId: string,
    readonly sandbox: string,
    readonly limits: ContainerLimits | undefined,
  ) {}

  get handle(): Docker.Container | undefined {
    return this.container;
  }

  /** Starts following a started (or re-adopted) container: logs into the sandbox, then its exit. */
  follow(container: Docker.Container, log: Logger): void {
    this.container = container;
    const open = () => container.logs({ follow: true, stdout: true, stderr: true, abortSignal: this.abort.signal }) as Promise<unknown> as Promise<Readable>;
    this.logs = new LogPump(this.sandbox, open);
    this.logs.done.catch((e: Error) => !this.detached && log.warn({ containerId: this.containerId, err: e.message }, 'docker log streaming failed'));
    void this.awaitExit(container, log);
  }

  /** Stops following without touching the container (agent shutdown: a later agent re-adopts it). */
  detach(): void {
    this.detached = true;
    this.abort.abort();
    this.logs?.stop();
  }

  /** Sends `signal` to the container; a container that already stopped or vanished is not an error. */
  async signal(signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
    if (this.terminated || !this.container) return;
    try {
      await this.container.kill({ signal });
    } catch (e) {
      const status = engineStatus(e);
      if (status !== 404 && status !== 409) throw e;
    }
  }

  private async awaitExit(container: Docker.Container, log: Logger): Promise<void> {
    let exitCode: number | null = null;
    for (;;) {
      try {
        exitCode = ((await container.wait({ abortSignal: this.abort.signal })) as { StatusCode: number }).StatusCode;
        break;
      } catch (e) {
        if (this.detached) return;
        if (engineStatus(e) === 404) break; // removed behind our back: nothing left to read
        log.warn({ containerId: this.containerId, err: (e as Error).message }, 'waiting for a docker container failed; retrying');
        await sleep(RETRY_MS);
      }
    }
    await Promise.race([this.logs?.done.catch(() => {}), sleep(LOG_DRAIN_MS)]);
    if (this.detached) return;
    await this.logs
      ?.complete(this.sandbox, () => container.logs({ follow: false, stdout: true, stderr: true }))
      .catch((e: Error) => log.warn({ containerId: this.containerId, err: e.message }, 'could not save the last docker logs'));
    const state = await container.inspect().then((i) => i.State, () => undefined);
    if (state) exitCode = state.ExitCode;
    const term = dockerTermination({
      exitCode,
      oomKilled: this.oom || state?.OOMKilled === true,
      stopping: this.stopping,
      ...(this.limits ? { memLimitBytes: this.limits.memMb * 1024 * 1024 } : {}),
    });
    await container.remove({ v: true, force: true }).catch((e: Error) => {
      if (engineStatus(e) !== 404) log.warn({ containerId: this.containerId, err: e.message }, 'could not remove exited docker container');
    });
    this.terminated = term;
    this.done.resolve(term);
  }
}
