/**
 * The containers the process containerizer tracks and how each one ends: exit → OOM verdict →
 * cgroup removal → termination (upstream's "destroy" sequence); signals through the launcher, or
 * directly when the launcher that started a task is gone; and the two watchers, for OOM kills
 * (upstream destroys a container that hit its memory limit) and for orphaned tasks' deaths.
 */
import type { Logger } from '../../lib/logger.js';
import type { Isolator } from '../isolation/isolator.js';
import type { LauncherClient } from '../launcher/client.js';
import type { ExitStatus } from '../launcher/protocol.js';
import { readTermination } from '../launcher/records.js';
import { terminationMessage } from './process-command.js';
import type { Entry } from './process-entry.js';
import { Poller } from './process-poller.js';
import { taskAlive } from './process-recover.js';

/** Exited containers kept so a late `wait` still answers. */
const KEEP_TERMINATED = 10_000;

export interface TableOptions {
  isolator: Isolator;
  log: Logger;
  /** The live launcher connection, if any. */
  client(): LauncherClient | undefined;
  oomPollMs?: number;
  orphanPollMs?: number;
}

export class ContainerTable {
  readonly entries = new Map<string, Entry>();
  private readonly terminatedOrder: string[] = [];
  private readonly oomPoller: Poller;
  private readonly orphanPoller: Poller;

  constructor(private readonly o: TableOptions) {
    const onError = (e: Error) => o.log.warn({ err: e.message }, 'containerizer poll failed');
    this.oomPoller = new Poller(o.oomPollMs ?? 1_000, () => this.checkOom(), onError);
    this.orphanPoller = new Poller(o.orphanPollMs ?? 500, () => this.checkOrphans(), onError);
    if (o.isolator.watchesMemory) this.oomPoller.start();
  }

  stop(): void {
    this.oomPoller.stop();
    this.orphanPoller.stop();
  }

  /** The launcher announced an exit. Orphans belong to a dead launcher; a new one cannot know them. */
  exited(containerId: string, status: ExitStatus): void {
    const entry = this.entries.get(containerId);
    if (entry && !entry.orphan) void this.finish(entry, status);
  }

  /** From now on the task's end is noticed by polling its pid; its exit status will be lost. */
  adoptOrphan(entry: Entry): void {
    entry.orphan = true;
    this.orphanPoller.start();
  }

  launcherLost(): void {
    for (const e of this.entries.values()) if (!e.terminated && e.pid !== undefined) this.adoptOrphan(e);
  }

  /** Turns an exit into a termination: OOM verdict first (the cgroup still holds it), then cleanup. */
  async finish(entry: Entry, status: ExitStatus): Promise<void> {
    if (entry.ending || entry.terminated) return;
    entry.ending = true;
    const id = entry.containerId;
    const { isolator, log } = this.o;
    const oomMessage = await isolator.limitation(id, status).catch(() => undefined);
    await isolator.cleanup(id).catch((e: Error) => log.warn({ containerId: id, err: e.message }, 'cgroup cleanup failed'));
    const message = oomMessage ?? terminationMessage(status.exitCode, status.signal);
    entry.terminated = { exitCode: status.exitCode, signal: status.signal, oom: oomMessage !== undefined, message };
    entry.done.resolve(entry.terminated);
    this.terminatedOrder.push(id);
    while (this.terminatedOrder.length > KEEP_TERMINATED) this.entries.delete(this.terminatedOrder.shift()!);
  }

  /** SIGTERM to the whole container, SIGKILL after the grace period; resolves once it has ended. */
  async destroy(entry: Entry, graceMs: number): Promise<void> {
    try {
      await entry.launched.promise;
    } catch {
      return; // never started
    }
    await this.signal(entry, 'SIGTERM');
    const timer = setTimeout(() => void this.signal(entry, 'SIGKILL'), graceMs);
    try {
      await entry.done.promise;
    } finally {
      clearTimeout(timer);
    }
  }

  async signal(entry: Entry, signal: NodeJS.Signals): Promise<void> {
    if (entry.terminated) return;
    const client = this.o.client();
    if (!entry.orphan && client) {
      // The launcher signals the group and the cgroups. When it no longer knows the container, the
      // exit is already on its way; signalling the pid ourselves could hit a reused pid.
      const sent = await client.kill(entry.containerId, signal).then(
        () => true,
        () => false,
      );
      if (sent) return;
    }
    if (entry.pid !== undefined) {
      try {
        process.kill(-entry.pid, signal);
      } catch {
        /* group already empty */
      }
    }
    await this.o.isolator.signalAll(entry.containerId, signal);
  }

  private async checkOom(): Promise<void> {
    for (const e of this.entries.values()) {
      if (e.terminated || e.ending || e.oomKilling || e.pid === undefined) continue;
      if (await this.o.isolator.oomKilled(e.containerId)) {
        e.oomKilling = true;
        this.o.log.info({ containerId: e.containerId }, 'memory limit exceeded; destroying container');
        void this.signal(e, 'SIGKILL');
      }
    }
  }

  private async checkOrphans(): Promise<void> {
    for (const e of this.entries.values()) {
      if (!e.orphan || e.terminated || e.ending || e.pid === undefined) continue;
      if (!(await taskAlive(e.pid))) {
        // The launcher may have recorded the exit just before it died.
        await this.finish(e, (await readTermination(e.metaDir)) ?? { exitCode: null, signal: null });
      }
    }
  }
}
