/**
 * The process containerizer (`--containerizers=mesos`): upstream's Mesos containerizer with its
 * command executor, for command tasks without images. Tasks run in their sandboxes through the
 * work_dir's detached launcher (see `../launcher/main.ts`), so they outlive an agent restart and
 * their exit statuses still arrive; isolation (`posix/*` or `cgroups/*`) limits and measures them.
 */
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../lib/logger.js';
import { createIsolator } from '../isolation/create.js';
import type { Isolator } from '../isolation/isolator.js';
import { LauncherClient } from '../launcher/client.js';
import { launcherScript } from '../launcher/locate.js';
import { commandArgv } from './process-command.js';
import { allSettledOrThrow, checkpointContainer, newEntry, readCheckpointedLimits } from './process-entry.js';
import { gatherFacts, recoveryAction } from './process-recover.js';
import { ContainerTable } from './process-table.js';
import { chownTree, lookupUser } from './process-user.js';
import type { ContainerTermination, Containerizer, LaunchSpec, ResourceStatistics } from './types.js';

export interface ProcessContainerizerOptions {
  workDir: string;
  /** Agent `--isolation`, e.g. `['posix/cpu','posix/mem']` or `['cgroups/cpu','cgroups/mem']`. */
  isolation: string[];
  /** Agent `--switch_user`: run tasks as `LaunchSpec.user`. */
  switchUser: boolean;
  log: Logger;
  cgroupsRoot?: string;
  cgroupsHierarchyPrefix?: string;
  enableCfs?: boolean;
  /** How long an unused launcher lingers (default 30 s). */
  launcherIdleMs?: number;
  /** The launcher program; defaults to the one shipped beside this file. */
  launcherScript?: string;
  /** How often running containers are checked for OOM kills / lost launchers' tasks. */
  oomPollMs?: number;
  orphanPollMs?: number;
}

/** Creates the file if needed without truncating it (a relaunch appends). */
const touch = (path: string) => open(path, 'a').then((fh) => fh.close());

export class ProcessContainerizer implements Containerizer {
  readonly name = 'mesos';
  private readonly isolator: Isolator;
  private readonly table: ContainerTable;
  private readonly entries: ContainerTable['entries'];
  private client: LauncherClient | undefined;
  private connecting: Promise<LauncherClient> | undefined;

  constructor(private readonly opts: ProcessContainerizerOptions) {
    const { isolator, ignored } = createIsolator(opts.isolation, opts);
    if (ignored.length > 0) opts.log.warn({ ignored }, 'isolators not implemented by tsmesos are ignored');
    this.isolator = isolator;
    this.table = new ContainerTable({ ...opts, isolator, client: () => this.client });
    this.entries = this.table.entries;
  }

  accepts(container: unknown): boolean {
    if (container === undefined || container === null) return true;
    const c = container as { type?: string; mesos?: { image?: unknown } };
    return (c.type === undefined || c.type === 'MESOS') && !c.mesos?.image;
  }

  async launch(spec: LaunchSpec): Promise<{ pid?: number }> {
    const id = spec.containerId;
    if (this.entries.has(id)) throw new Error(`Container ${id} already exists`);
    const entry = newEntry(id, spec.metaDir, spec.sandbox, spec.limits);
    this.entries.set(id, entry);
    try {
      const cmd = commandArgv(spec.command);
      const user = this.opts.switchUser && spec.user ? await lookupUser(spec.user) : undefined;
      const stdoutPath = join(spec.sandbox, 'stdout');
      const stderrPath = join(spec.sandbox, 'stderr');
      // Independent file-system work runs concurrently on the thread pool, off the event loop.
      const [placement, client] = await allSettledOrThrow([
        this.isolator.prepare(id, spec.limits),
        this.launcher(),
        checkpointContainer(spec.metaDir, spec.limits),
        Promise.all([touch(stdoutPath), touch(stderrPath)]).then(() => user && chownTree(spec.sandbox, user.uid, user.gid)),
      ] as const);
      const pid = await client.launch({
        containerId: id,
        ...cmd,
        env: spec.env,
        cwd: spec.sandbox,
        stdoutPath,
        stderrPath,
        ...(user ? { uid: user.uid, gid: user.gid } : {}),
        ...placement,
        metaDir: spec.metaDir,
      });
      entry.pid ??= pid;
      entry.launched.resolve();
      return { pid };
    } catch (e) {
      this.entries.delete(id);
      entry.launched.reject(e as Error);
      entry.done.reject(e as Error);
      await this.isolator.cleanup(id).catch(() => {});
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
    entry.killing ??= this.table.destroy(entry, gracePeriodMs);
    return entry.killing;
  }

  async usage(containerId: string): Promise<ResourceStatistics | undefined> {
    const entry = this.entries.get(containerId);
    if (!entry || entry.terminated || entry.pid === undefined) return undefined;
    const stats = await this.isolator.usage(containerId, entry.pid);
    return {
      timestamp: Date.now() / 1000,
      ...(entry.limits ? { cpus_limit: entry.limits.cpus, mem_limit_bytes: entry.limits.memMb * 1024 * 1024 } : {}),
      ...stats,
    };
  }

  async recover(known: Array<{ containerId: string; metaDir: string; sandbox: string }>): Promise<string[]> {
    const client = await this.launcher();
    const listed = new Map((await client.list()).map((c) => [c.containerId, c]));
    const recovered: string[] = [];
    for (const k of known) {
      if (this.entries.has(k.containerId)) {
        recovered.push(k.containerId);
        continue;
      }
      const action = recoveryAction(await gatherFacts(k.metaDir, listed.get(k.containerId)));
      if (action.kind === 'unknown') continue;
      const entry = newEntry(k.containerId, k.metaDir, k.sandbox, await readCheckpointedLimits(k.metaDir));
      entry.launched.resolve();
      this.entries.set(k.containerId, entry);
      recovered.push(k.containerId);
      if (action.kind === 'running' || action.kind === 'orphan') entry.pid = action.pid;
      if (action.kind === 'orphan') this.table.adoptOrphan(entry);
      if (action.kind === 'ended') void this.table.finish(entry, action.status);
      if (action.kind === 'lost') void this.table.finish(entry, { exitCode: null, signal: null });
    }
    // Upstream destroys containers it finds but the agent does not know ("orphans").
    for (const c of listed.values()) {
      if (c.running && !this.entries.has(c.containerId)) {
        this.opts.log.warn({ containerId: c.containerId }, 'killing unknown container found on recovery');
        await client.kill(c.containerId, 'SIGKILL');
      }
    }
    await this.isolator.recover(new Set(this.entries.keys()));
    return recovered;
  }

  async close(): Promise<void> {
    this.table.stop();
    const c = this.client ?? (await this.connecting?.catch(() => undefined));
    this.client = undefined;
    c?.close();
  }

  /** The work_dir's launcher, started when none runs; one connection per containerizer. */
  private launcher(): Promise<LauncherClient> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      let self: LauncherClient | undefined;
      const client = await LauncherClient.connect({
        workDir: this.opts.workDir,
        script: this.opts.launcherScript ?? (await launcherScript()),
        ...(this.opts.launcherIdleMs !== undefined ? { idleMs: this.opts.launcherIdleMs } : {}),
        onExited: (e) => this.table.exited(e.containerId, e),
        onClose: () => this.launcherLost(self),
      });
      self = client;
      this.client = client;
      return client;
    })().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private launcherLost(client: LauncherClient | undefined): void {
    if (client && this.client !== client) return;
    this.client = undefined;
    this.opts.log.error('task launcher went away; running tasks are watched by pid, their exit statuses will be lost');
    this.table.launcherLost();
  }
}
