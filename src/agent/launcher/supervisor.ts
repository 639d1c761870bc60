/**
 * The launcher's children: spawn, reap, signal, and record how each one ended.
 *
 * This plays the part of upstream's per-task executor + containerizer "destroy": the task leads its
 * own session and process group, its exit status is checkpointed before anyone is told (so a
 * disconnected agent can learn it later), and when the task's main process ends, whatever it left
 * behind in its process group or cgroup is killed, as upstream destroys a finished container.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContainerState, Exited, LaunchRequest } from './protocol.js';
import { writePid, writeTermination } from './records.js';
import { spawnPlan } from './spawn-plan.js';

interface Child extends ContainerState {
  /** Settles once the pid is checkpointed, i.e. when "started" may be sent. */
  started: Promise<void>;
  metaDir: string;
  cgroups: string[];
  killCgroup?: string;
}

/** Exited children kept for `list`; older ones are only on disk (`termination.json`). */
const KEEP_EXITED = 4096;

const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));

export interface SupervisorHooks {
  /** Called once the termination record is on disk. */
  onExit(e: Exited): void;
  log(msg: string): void;
}

export class Supervisor {
  private readonly children = new Map<string, Child>();
  private readonly exitedOrder: string[] = [];
  private live = 0;

  constructor(private readonly hooks: SupervisorHooks) {}

  /** Children whose main process has not been reaped yet. */
  get running(): number {
    return this.live;
  }

  /** Starts a task; resolves with its pid, rejects with a message fit for TaskStatus. */
  launch(req: LaunchRequest): Promise<number> {
    try {
      return this.start(req);
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  private start(req: LaunchRequest): Promise<number> {
    if (this.children.get(req.containerId)?.running) {
      throw new Error(`Container ${req.containerId} is already running`);
    }
    const plan = spawnPlan({ ...req, setpriv: SETPRIV });
    const out = openSync(req.stdoutPath, 'a');
    let err: number | undefined;
    let child;
    try {
      err = openSync(req.stderrPath, 'a');
      child = spawn(plan.file, plan.args, {
        cwd: req.cwd,
        env: req.env,
        stdio: ['ignore', out, err],
        detached: true,
        ...(plan.argv0 !== undefined ? { argv0: plan.argv0 } : {}),
        ...(plan.uid !== undefined ? { uid: plan.uid, gid: plan.gid } : {}),
      });
    } finally {
      closeSync(out);
      if (err !== undefined) closeSync(err);
    }
    const pid = child.pid;
    if (pid === undefined) {
      return new Promise((_, reject) =>
        child.once('error', (e: NodeJS.ErrnoException) =>
          reject(new Error(`Failed to execute '${req.argv[0]}': ${e.code ?? e.message}`)),
        ),
      );
    }
    child.on('error', (e) => this.hooks.log(`child ${req.containerId}: ${e.message}`));
    const c: Child = {
      started: Promise.resolve(),
      containerId: req.containerId,
      pid,
      running: true,
      exitCode: null,
      signal: null,
      metaDir: req.metaDir,
      cgroups: req.cgroups ?? [],
      ...(req.killCgroup ? { killCgroup: req.killCgroup } : {}),
    };
    this.children.set(c.containerId, c);
    this.live++;
    c.started = writePid(req.metaDir, pid).catch((e: Error) =>
      // It runs, and this launcher knows it; only a later launcher could not find it.
      this.hooks.log(`cannot checkpoint pid of ${c.containerId}: ${e.message}`),
    );
    child.once('exit', (code, signal) => this.exited(c, code, signal));
    return c.started.then(() => pid);
  }

  /** Signals the container's process group and every process in its cgroups. */
  kill(containerId: string, signal: string): boolean {
    const c = this.children.get(containerId);
    if (!c?.running) return false;
    this.signalAll(c, signal);
    return true;
  }

  list(): ContainerState[] {
    return [...this.children.values()].map(({ containerId, pid, running, exitCode, signal }) => ({
      containerId,
      pid,
      running,
      exitCode,
      signal,
    }));
  }

  private exited(c: Child, code: number | null, signal: NodeJS.Signals | null): void {
    c.running = false;
    c.exitCode = code;
    c.signal = signal;
    this.live--;
    this.signalAll(c, 'SIGKILL'); // leftovers of a finished container, as upstream's destroy
    const rec = { containerId: c.containerId, pid: c.pid, exitCode: code, signal, finishedAt: Date.now() };
    const written = writeTermination(c.metaDir, rec).catch((e: Error) =>
      this.hooks.log(`cannot checkpoint exit of ${c.containerId}: ${e.message}`),
    );
    // "exited" must never overtake "started": wait for the pid checkpoint, then one macrotask so
    // the server has sent its reply.
    Promise.all([written, c.started])
      .then(() => new Promise((r) => setImmediate(r)))
      .finally(() => {
        this.hooks.onExit({ type: 'exited', containerId: c.containerId, pid: c.pid, exitCode: code, signal });
        this.retain(c.containerId);
      });
  }

  private retain(containerId: string): void {
    this.exitedOrder.push(containerId);
    while (this.exitedOrder.length > KEEP_EXITED) {
      const old = this.exitedOrder.shift()!;
      if (!this.children.get(old)?.running) this.children.delete(old);
    }
  }

  private signalAll(c: Child, signal: string): void {
    try {
      process.kill(-c.pid, signal);
    } catch {
      /* the group is already empty */
    }
    if (signal === 'SIGKILL' && c.killCgroup) {
      try {
        writeFileSync(join(c.killCgroup, 'cgroup.kill'), '1');
      } catch {
        /* removed already, or a kernel without cgroup.kill: the loop below covers it */
      }
    }
    const source = c.killCgroup ?? c.cgroups[0];
    if (!source) return;
    let procs = '';
    try {
      procs = readFileSync(join(source, 'cgroup.procs'), 'utf8');
    } catch {
      return;
    }
    for (const line of procs.split('\n')) {
      const pid = Number.parseInt(line, 10);
      if (pid > 0) {
        try {
          process.kill(pid, signal);
        } catch {
          /* exited meanwhile */
        }
      }
    }
  }
}
