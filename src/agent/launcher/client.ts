/**
 * The agent's side of the launcher protocol: connect to the work_dir's launcher (starting one,
 * detached, when none answers), send requests, receive exit events.
 *
 * Starting is race-free without coordination: any number of agents or containerizers may start a
 * launcher at once; all but one find the work_dir locked and leave, and every client keeps trying
 * the socket until the winner greets it.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import {
  frame,
  LineSplitter,
  LOG_FILE,
  PROTOCOL_VERSION,
  SOCKET_NAME,
  type ContainerState,
  type Exited,
  type Hello,
  type LaunchRequest,
  type Message,
  type Request,
} from './protocol.js';

export interface ClientOptions {
  workDir: string;
  /** The launcher's `main.js`, see `launcherScript()`. */
  script: string;
  /** How long a launcher with no children and no agent waits before it exits. */
  idleMs?: number;
  startTimeoutMs?: number;
  onExited(e: Exited): void;
  /** The connection dropped without `close()`: the launcher died. */
  onClose(): void;
}

type Pending = { resolve(m: Message): void; reject(e: Error): void };
type Attempt = { sock: Socket; hello: Hello; lines: LineSplitter; early: string[] };

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

function attempt(path: string): Promise<Attempt> {
  return new Promise((resolve, reject) => {
    const sock = connect(path);
    const lines = new LineSplitter();
    const fail = (e: Error) => {
      sock.destroy();
      reject(e);
    };
    const timer = setTimeout(() => fail(new Error('launcher did not greet')), 2_000);
    sock.setEncoding('utf8');
    sock.once('error', fail);
    sock.once('close', () => fail(new Error('launcher closed the connection')));
    sock.on('data', function first(chunk: string) {
      const got = lines.push(chunk);
      if (got.length === 0) return;
      clearTimeout(timer);
      sock.off('data', first);
      sock.removeAllListeners('error').removeAllListeners('close');
      const hello = JSON.parse(got[0]!) as Hello;
      if (hello.type !== 'hello' || hello.version !== PROTOCOL_VERSION) {
        fail(new Error(`launcher speaks protocol ${hello.version}, expected ${PROTOCOL_VERSION}`));
      } else resolve({ sock, hello, lines, early: got.slice(1) });
    });
  });
}

function startLauncher(opts: ClientOptions): Promise<number | null> {
  const log = openSync(join(opts.workDir, LOG_FILE), 'a');
  const args = [opts.script, opts.workDir, `--idle-ms=${opts.idleMs ?? 30_000}`];
  // Termination records are fsync'd on the thread pool; a bigger pool keeps slow disks from
  // holding up the pid checkpoints of new launches.
  const env = { ...process.env, UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? '16' };
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'ignore', log], env });
  closeSync(log);
  child.unref();
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

export class LauncherClient {
  private nextReq = 1;
  private readonly pending = new Map<number, Pending>();
  private closing = false;

  private constructor(
    private readonly sock: Socket,
    /** The launcher's pid, for diagnostics and tests. */
    readonly launcherPid: number,
    private readonly opts: ClientOptions,
  ) {}

  /** Connects to the work_dir's launcher, starting one when none answers. */
  static async connect(opts: ClientOptions): Promise<LauncherClient> {
    const path = join(opts.workDir, SOCKET_NAME);
    const deadline = Date.now() + (opts.startTimeoutMs ?? 10_000);
    let exited: number | null | undefined;
    let started = false;
    for (;;) {
      try {
        const a = await attempt(path);
        const client = new LauncherClient(a.sock, a.hello.pid, opts);
        client.listen(a.lines, a.early);
        return client;
      } catch (e) {
        if (!started) {
          started = true;
          void startLauncher(opts).then((code) => (exited = code));
        } else if (exited !== undefined && exited !== 0) {
          throw new Error(`launcher failed to start (exit ${exited}); see ${join(opts.workDir, LOG_FILE)}`);
        } else if (Date.now() > deadline) {
          throw new Error(`no launcher answered on ${path}: ${(e as Error).message}`);
        }
        await delay(started ? 10 : 0);
      }
    }
  }

  /** Starts a task; resolves with its pid or rejects with the launcher's reason. */
  async launch(req: Omit<LaunchRequest, 'op' | 'reqId'>): Promise<number> {
    const m = await this.request({ op: 'launch', reqId: 0, ...req });
    if (m.type === 'started') return m.pid;
    throw new Error(m.type === 'failed' ? m.message : `unexpected reply ${m.type}`);
  }

  /** Signals the container; false when the launcher does not know it or it already exited. */
  async kill(containerId: string, signal: string): Promise<boolean> {
    const m = await this.request({ op: 'kill', reqId: 0, containerId, signal });
    return m.type === 'kill-ack' && m.signalled;
  }

  async list(): Promise<ContainerState[]> {
    const m = await this.request({ op: 'list', reqId: 0 });
    return m.type === 'list' ? m.containers : [];
  }

  /** Disconnects; the launcher and its tasks keep running. */
  close(): void {
    this.closing = true;
    this.sock.end();
  }

  private request(req: Request): Promise<Message> {
    if (this.sock.destroyed || this.closing) return Promise.reject(new Error('launcher connection is closed'));
    const reqId = this.nextReq++;
    return new Promise((resolve, reject) => {
      this.pending.set(reqId, { resolve, reject });
      this.sock.write(frame({ ...req, reqId }));
    });
  }

  private listen(lines: LineSplitter, early: string[]): void {
    const onLine = (line: string) => {
      const m = JSON.parse(line) as Message;
      if (m.type === 'exited') this.opts.onExited(m);
      else if ('reqId' in m) {
        const p = this.pending.get(m.reqId);
        this.pending.delete(m.reqId);
        p?.resolve(m);
      }
    };
    early.forEach(onLine);
    this.sock.on('data', (chunk: string) => lines.push(chunk).forEach(onLine));
    this.sock.on('error', () => this.sock.destroy());
    this.sock.on('close', () => {
      for (const p of this.pending.values()) p.reject(new Error('launcher connection lost'));
      this.pending.clear();
      if (!this.closing) this.opts.onClose();
    });
  }
}
