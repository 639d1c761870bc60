/**
 * The launcher's wire protocol: newline-delimited JSON over `<work_dir>/launcher.sock`.
 *
 * Upstream Mesos keeps tasks alive across an agent restart by running each one under a separate
 * executor process that checkpoints and re-registers. tsmesos does the same job with one detached
 * launcher per work_dir; this file is the only thing the launcher and the agent share, so it has no
 * imports and no I/O (the launcher's import graph stays tiny, which keeps its start fast).
 */

/** Bumped when a change would confuse an older peer; the client refuses a mismatched launcher. */
export const PROTOCOL_VERSION = 1;

export interface LaunchRequest {
  op: 'launch';
  reqId: number;
  containerId: string;
  /** `[program, ...args]`; the program is looked up on `env.PATH` when it has no slash. */
  argv: string[];
  /** What the task sees as its argv[0] when it differs from the program (upstream `arguments[0]`). */
  argv0?: string;
  env: Record<string, string>;
  cwd: string;
  /** Opened for append by the launcher and handed to the task as fd 1 and 2. */
  stdoutPath: string;
  stderrPath: string;
  uid?: number;
  gid?: number;
  /** cgroup directories the task joins (its pid goes into each `cgroup.procs`) before it runs. */
  cgroups?: string[];
  /** A cgroup v2 directory whose `cgroup.kill` ends every process in it at once. */
  killCgroup?: string;
  /** Per-container checkpoint directory: the launcher writes `pid` and `termination.json` there. */
  metaDir: string;
}

export interface KillRequest {
  op: 'kill';
  reqId: number;
  containerId: string;
  signal: 'SIGTERM' | 'SIGKILL' | string;
}

export interface ListRequest {
  op: 'list';
  reqId: number;
}

export type Request = LaunchRequest | KillRequest | ListRequest;

/** Sent by the launcher as soon as a client connects; the client is ready only after it. */
export interface Hello {
  type: 'hello';
  pid: number;
  version: number;
}

export interface Started {
  type: 'started';
  reqId: number;
  containerId: string;
  pid: number;
}

export interface Failed {
  type: 'failed';
  reqId: number;
  containerId?: string;
  message: string;
}

export interface KillAck {
  type: 'kill-ack';
  reqId: number;
  containerId: string;
  /** False when the launcher does not know the container or it has already exited. */
  signalled: boolean;
}

/** How a container ended: `exitCode` when it exited, `signal` (a name) when a signal killed it. */
export interface ExitStatus {
  exitCode: number | null;
  signal: string | null;
}

export interface ContainerState extends ExitStatus {
  containerId: string;
  pid: number;
  running: boolean;
}

export interface ListReply {
  type: 'list';
  reqId: number;
  containers: ContainerState[];
}

/** Pushed to every connected client once the termination record is durable on disk. */
export interface Exited extends ExitStatus {
  type: 'exited';
  containerId: string;
  pid: number;
}

export type Message = Hello | Started | Failed | KillAck | ListReply | Exited;

/** The record in `<metaDir>/termination.json`: the truth about an exit when no agent was listening. */
export interface TerminationRecord extends ExitStatus {
  containerId: string;
  pid: number;
  /** Epoch milliseconds. */
  finishedAt: number;
}

export const SOCKET_NAME = 'launcher.sock';
export const PID_FILE = 'launcher.pid';
export const LOG_FILE = 'launcher.log';
export const TERMINATION_FILE = 'termination.json';
export const CONTAINER_PID_FILE = 'pid';

/**
 * Splits a byte stream into complete lines. Sockets deliver arbitrary chunks, so a JSON message may
 * arrive in pieces or several at once; the remainder waits for the next chunk.
 */
export class LineSplitter {
  private rest = '';

  push(chunk: string): string[] {
    const text = this.rest + chunk;
    const lines = text.split('\n');
    this.rest = lines.pop() ?? '';
    return lines.filter((l) => l.length > 0);
  }
}

/** One protocol frame: JSON without newlines (JSON.stringify never emits raw ones) plus `\n`. */
export function frame(msg: Request | Message): string {
  return `${JSON.stringify(msg)}\n`;
}
