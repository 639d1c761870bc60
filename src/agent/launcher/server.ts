/**
 * The launcher's socket side: one unix socket per work_dir, newline-delimited JSON, exit events
 * pushed to every connected agent, and an idle rule so a launcher never outlives its purpose (it
 * stays while it has children or a connected agent, and leaves after `idleMs` with neither).
 *
 * Exactly one launcher may serve a work_dir. The lock is a Linux abstract-namespace socket named
 * after the work_dir: binding it is atomic, and the kernel releases it when the process dies, so a
 * crashed launcher never leaves a stale lock behind (a stale `launcher.sock` file is simply replaced).
 */
import { createHash } from 'node:crypto';
import { unlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import {
  frame,
  LineSplitter,
  PID_FILE,
  PROTOCOL_VERSION,
  SOCKET_NAME,
  type Message,
  type Request,
} from './protocol.js';
import { Supervisor } from './supervisor.js';

export interface LauncherOptions {
  workDir: string;
  idleMs: number;
  log(msg: string): void;
}

/** The abstract socket name that locks a work_dir (its real path, hashed to fit 108 bytes). */
export function lockName(realWorkDir: string): string {
  return `\0tsmesos-launcher-${createHash('sha256').update(realWorkDir).digest('hex').slice(0, 32)}`;
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export class LauncherServer {
  private readonly clients = new Set<Socket>();
  private readonly supervisor: Supervisor;
  private readonly server = createServer((s) => this.accept(s));
  private readonly lock = createServer();
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly sockPath: string;

  constructor(private readonly opts: LauncherOptions) {
    this.sockPath = join(opts.workDir, SOCKET_NAME);
    this.supervisor = new Supervisor({
      onExit: (e) => {
        this.broadcast(e);
        this.maybeIdle();
      },
      log: opts.log,
    });
  }

  /** Takes the lock and starts serving; resolves false when another launcher holds the work_dir. */
  async start(realWorkDir: string): Promise<boolean> {
    try {
      await listen(this.lock, lockName(realWorkDir));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') return false;
      throw e;
    }
    try {
      unlinkSync(this.sockPath);
    } catch {
      /* no stale socket */
    }
    await listen(this.server, this.sockPath);
    writeFileSync(join(this.opts.workDir, PID_FILE), `${process.pid}\n`);
    this.maybeIdle();
    return true;
  }

  private accept(sock: Socket): void {
    this.clients.add(sock);
    this.clearIdle();
    sock.setEncoding('utf8');
    const lines = new LineSplitter();
    sock.on('data', (chunk: string) => {
      for (const line of lines.push(chunk)) this.handle(sock, line);
    });
    sock.on('error', () => sock.destroy());
    sock.on('close', () => {
      this.clients.delete(sock);
      this.maybeIdle();
    });
    this.send(sock, { type: 'hello', pid: process.pid, version: PROTOCOL_VERSION });
  }

  private handle(sock: Socket, line: string): void {
    let req: Request;
    try {
      req = JSON.parse(line) as Request;
    } catch {
      this.send(sock, { type: 'failed', reqId: -1, message: 'Unparsable request' });
      return;
    }
    switch (req.op) {
      case 'launch':
        this.supervisor.launch(req).then(
          (pid) => this.send(sock, { type: 'started', reqId: req.reqId, containerId: req.containerId, pid }),
          (e: Error) => this.send(sock, { type: 'failed', reqId: req.reqId, containerId: req.containerId, message: e.message }),
        );
        return;
      case 'kill': {
        const signalled = this.supervisor.kill(req.containerId, req.signal);
        this.send(sock, { type: 'kill-ack', reqId: req.reqId, containerId: req.containerId, signalled });
        return;
      }
      case 'list':
        this.send(sock, { type: 'list', reqId: req.reqId, containers: this.supervisor.list() });
        return;
      default:
        this.send(sock, { type: 'failed', reqId: (req as { reqId?: number }).reqId ?? -1, message: 'Unknown op' });
    }
  }

  private send(sock: Socket, msg: Message): void {
    if (!sock.destroyed) sock.write(frame(msg));
  }

  private broadcast(msg: Message): void {
    for (const s of this.clients) this.send(s, msg);
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  private maybeIdle(): void {
    if (this.clients.size > 0 || this.supervisor.running > 0 || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      if (this.clients.size === 0 && this.supervisor.running === 0) this.stop();
    }, this.opts.idleMs);
  }

  /** Stops serving and removes the socket; children (if any) keep running in their own sessions. */
  stop(): void {
    this.clearIdle();
    this.server.close();
    try {
      unlinkSync(this.sockPath);
    } catch {
      /* already gone */
    }
    try {
      unlinkSync(join(this.opts.workDir, PID_FILE));
    } catch {
      /* already gone */
    }
    this.lock.close();
    for (const s of this.clients) s.destroy();
  }
}
