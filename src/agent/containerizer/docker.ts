/**
 * The Docker containerizer (`--containerizers=docker`): upstream's `DockerContainerizer` plus its
 * docker executor (docs/docker-containerizer.md, mesos-api.md §5), through the Engine API. Tasks whose
 * ContainerInfo is DOCKER run as containers named `mesos-<containerId>`, labelled with the agent's ids;
 * the sandbox is mounted at `/mnt/mesos/sandbox`, output streams into the sandbox files, resources
 * become cpu-shares/memory limits, a kill is `docker stop` (SIGTERM, SIGKILL after the grace period),
 * and a restarted agent re-adopts its running containers by label and removes unknown ones.
 */
import type Docker from 'dockerode';
import type { Logger } from '../../lib/logger.js';
import { DockerEntry } from './docker-entry.js';
import { type EngineAddress, type EngineStatus, connectEngine, engineMessage, probeEngine } from './docker-engine.js';
import { OomWatcher } from './docker-events.js';
import { type ExecOptions, type ExecResult, execIn } from './docker-exec.js';
import { ImageStore } from './docker-image.js';
import { isDockerContainer, parseDockerInfo } from './docker-info.js';
import { recoverContainers } from './docker-recover.js';
import { createOptions } from './docker-run-options.js';
import { prepareSandbox } from './docker-sandbox.js';
import { statisticsOf } from './docker-stats.js';
import type { ContainerTermination, Containerizer, LaunchSpec, ResourceStatistics } from './types.js';

export interface DockerContainerizerOptions {
  workDir: string;
  engine: EngineAddress;
  log: Logger;
  /** `--switch_user`: run as the task's user (and hand it the sandbox when the host knows the name). */
  switchUser: boolean;
  /** `--cgroups_enable_cfs`: a CFS quota besides cpu shares. */
  enableCfs?: boolean;
  /** `--docker_kill_orphans` (default true): remove this agent's containers recovery does not know. */
  killOrphans?: boolean;
  /** `--docker_stop_timeout` (deprecated upstream): a floor for the kill grace period, in ms. */
  stopTimeoutMs?: number;
}

export class DockerContainerizer implements Containerizer {
  readonly name = 'docker';
  private readonly docker: Docker;
  private readonly images: ImageStore;
  private readonly entries = new Map<string, DockerEntry>();
  private readonly oomWatcher: OomWatcher;
  /** The first probe, made at construction so the agent's start-up log says whether an engine answers. */
  readonly ready: Promise<EngineStatus>;
  private engine: EngineStatus | undefined;

  constructor(private readonly opts: DockerContainerizerOptions) {
    this.docker = connectEngine(opts.engine);
    this.images = new ImageStore(this.docker, opts.log);
    this.oomWatcher = new OomWatcher(this.docker, opts.workDir, (id) => this.onOom(id), opts.log);
    this.ready = this.probe();
  }

  accepts(container: unknown): boolean {
    return isDockerContainer(container);
  }

  async launch(spec: LaunchSpec): Promise<{ pid?: number }> {
    const id = spec.containerId;
    if (this.entries.has(id)) throw new Error(`Container ${id} already exists`);
    const entry = new DockerEntry(id, spec.sandbox, spec.limits);
    this.entries.set(id, entry);
    try {
      const info = parseDockerInfo(spec.container);
      const options = createOptions(spec, info, { workDir: this.opts.workDir, switchUser: this.opts.switchUser, enableCfs: !!this.opts.enableCfs });
      await this.engineReady();
      await Promise.all([this.images.ensure(info.image, info.forcePullImage), prepareSandbox(spec, info, this.opts.switchUser)]);
      // Watching for OOM events starts before the first container does (missed ones are replayed).
      this.oomWatcher.start();
      const container = await this.docker.createContainer(options).catch((e: unknown) => {
        throw new Error(`Failed to create container ${options.name} from '${info.image}': ${engineMessage(e)}`);
      });
      try {
        await container.start();
      } catch (e) {
        await container.remove({ v: true, force: true }).catch(() => {});
        throw new Error(`Failed to start container ${options.name}: ${engineMessage(e)}`);
      }
      entry.follow(container, this.opts.log);
      entry.pid = (await container.inspect().catch(() => undefined))?.State.Pid || undefined;
      entry.launched.resolve();
      return entry.pid ? { pid: entry.pid } : {};
    } catch (e) {
      this.entries.delete(id);
      entry.launched.reject(e as Error);
      // Waiters hear of it only after the launch's own rejection has been handled, so the agent
      // reports a failed launch (REASON_CONTAINER_LAUNCH_FAILED), not a lost container.
      setImmediate(() => entry.done.reject(e as Error));
      throw e;
    }
  }

  wait(containerId: string): Promise<ContainerTermination> {
    const entry = this.entries.get(containerId);
    return entry ? entry.done.promise : Promise.reject(new Error(`Unknown container ${containerId}`));
  }

  kill(containerId: string, gracePeriodMs: number): Promise<void> {
    const entry = this.entries.get(containerId);
    if (!entry) return Promise.reject(new Error(`Unknown container ${containerId}`));
    if (entry.terminated) return Promise.resolve();
    entry.killing ??= this.stop(entry, Math.max(gracePeriodMs, this.opts.stopTimeoutMs ?? 0));
    return entry.killing;
  }

  async usage(containerId: string): Promise<ResourceStatistics | undefined> {
    const entry = this.entries.get(containerId);
    if (!entry || entry.terminated || !entry.handle) return undefined;
    const stats = await entry.handle.stats({ stream: false, 'one-shot': true }).catch(() => undefined);
    return entry.terminated ? undefined : statisticsOf(stats ?? {}, entry.limits);
  }

  /** Runs `argv` inside a running container (`docker exec`), e.g. a COMMAND health check. */
  exec(containerId: string, argv: string[], o: ExecOptions = {}): Promise<ExecResult> {
    const entry = this.entries.get(containerId);
    if (!entry?.handle || entry.terminated) return Promise.reject(new Error(`Container ${containerId} is not running`));
    return execIn(entry.handle, argv, o);
  }

  /** The container's address on a non-host network (health checks probe it there), and its published host ports. */
  async network(containerId: string): Promise<{ ip?: string; hostNetwork: boolean; hostPorts: number[] }> {
    const entry = this.entries.get(containerId);
    if (!entry?.handle) throw new Error(`Unknown container ${containerId}`);
    const i = await entry.handle.inspect();
    const nets = Object.values(i.NetworkSettings.Networks ?? {});
    const ports = Object.values((i.HostConfig.PortBindings ?? {}) as Record<string, Array<{ HostPort: string }>>).flat();
    const ip = nets.map((n) => n.IPAddress).find(Boolean);
    return { ...(ip ? { ip } : {}), hostNetwork: i.HostConfig.NetworkMode === 'host', hostPorts: ports.map((p) => Number(p.HostPort)).filter((p) => p > 0) };
  }

  async recover(known: Array<{ containerId: string; metaDir: string; sandbox: string }>): Promise<string[]> {
    const status = await this.engineStatus();
    if (!status.ok) {
      this.opts.log.error({ reason: status.reason }, 'no Docker engine reachable during recovery: Docker tasks cannot be re-adopted');
      return [];
    }
    const recovered = await recoverContainers({ docker: this.docker, workDir: this.opts.workDir, log: this.opts.log, killOrphans: this.opts.killOrphans !== false, known, entries: this.entries });
    if (recovered.length > 0) this.oomWatcher.start();
    return recovered;
  }

  async close(): Promise<void> {
    this.oomWatcher.stop();
    for (const e of this.entries.values()) if (!e.terminated) e.detach();
  }

  /** `docker stop -t <grace>`: SIGTERM (forwarded by the container's init), SIGKILL after the grace. */
  private async stop(entry: DockerEntry, graceMs: number): Promise<void> {
    try {
      await entry.launched.promise;
    } catch {
      return; // never started
    }
    entry.stopping = true;
    await entry.signal('SIGTERM').catch((e: unknown) => this.opts.log.warn({ err: engineMessage(e) }, 'docker kill SIGTERM failed'));
    const timer = setTimeout(() => void entry.signal('SIGKILL').catch(() => {}), graceMs);
    try {
      await entry.done.promise;
    } finally {
      clearTimeout(timer);
    }
  }

  private onOom(containerId: string): void {
    const entry = this.entries.get(containerId);
    if (!entry || entry.terminated || entry.oom) return;
    this.opts.log.info({ containerId }, 'memory limit exceeded; destroying docker container');
    entry.oom = true;
    entry.stopping = true;
    void entry.signal('SIGKILL').catch(() => {});
  }

  private async probe(): Promise<EngineStatus> {
    const s = await probeEngine(this.docker);
    this.engine = s;
    const at = this.opts.engine.describe;
    if (s.ok) this.opts.log.info({ engine: at, version: s.version, api: s.apiVersion }, 'docker containerizer: engine reachable');
    else this.opts.log.warn({ engine: at, reason: s.reason }, `docker containerizer: no Docker engine reachable at ${at} (${s.reason}); DOCKER tasks will fail until one answers, other containerizers keep working`);
    return s;
  }

  /** The engine's state, asked again after a failure so an engine started later is picked up. */
  private async engineStatus(): Promise<EngineStatus> {
    const s = this.engine ?? (await this.ready);
    if (s.ok) return s;
    this.engine = await probeEngine(this.docker);
    return this.engine;
  }

  private async engineReady(): Promise<void> {
    const s = await this.engineStatus();
    if (!s.ok) throw new Error(`No Docker engine reachable at ${this.opts.engine.describe} (${s.reason}); start dockerd or point --docker_socket or DOCKER_HOST at one`);
  }
}
