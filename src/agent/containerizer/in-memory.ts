/**
 * A containerizer that runs no processes (style-guide convention 5: every seam has a fake), so the
 * agent, the master's end-to-end tests and benchmarks can drive thousands of "tasks" cheaply.
 * The command scripts the behaviour:
 *   `exit N`      ends with status N after ~10 ms;
 *   `sleep S`     ends with status 0 after S seconds;
 *   `fail <why>`  the launch itself fails with that message;
 *   anything else runs until killed, and a kill ends it with SIGTERM.
 * Containers live on an `InMemoryHost`, which plays the machine: a new containerizer given the same
 * host re-adopts them in `recover`, as a restarted agent does with real processes.
 */
import { basename } from 'node:path';
import type { CommandInfoV1 } from '../../protocol/v1/types.js';
import { terminationMessage } from './process-command.js';
import { Deferred } from './process-entry.js';
import type { ContainerLimits, ContainerTermination, Containerizer, LaunchSpec, ResourceStatistics } from './types.js';

export type FakeScript =
  | { kind: 'exit'; code: number }
  | { kind: 'sleep'; seconds: number }
  | { kind: 'fail'; message: string }
  | { kind: 'forever' };

/** Reads the behaviour out of a command (pure). `shell: false` argv is read as the words of a line. */
export function fakeScript(command: CommandInfoV1): FakeScript {
  const text =
    command.shell === false
      ? [basename(command.value ?? ''), ...(command.arguments ?? []).slice(1)].join(' ')
      : (command.value ?? '');
  const t = text.trim();
  let m = /^exit\s+(\d+)$/.exec(t);
  if (m) return { kind: 'exit', code: Number(m[1]) };
  m = /^sleep\s+(\d+(?:\.\d+)?)$/.exec(t);
  if (m) return { kind: 'sleep', seconds: Number(m[1]) };
  m = /^fail(?:\s+(.*))?$/.exec(t);
  if (m) return { kind: 'fail', message: m[1] ?? 'scripted launch failure' };
  return { kind: 'forever' };
}

interface FakeContainer {
  pid: number;
  limits: ContainerLimits;
  done: Deferred<ContainerTermination>;
  terminated?: ContainerTermination;
  timer?: NodeJS.Timeout;
}

/** The pretend machine: containers survive the containerizer that started them. */
export class InMemoryHost {
  readonly containers = new Map<string, FakeContainer>();
  private nextPid = 100_000;
  /** Ended containers are kept (a late `wait` still answers) up to a bound, oldest dropped first. */
  private readonly ended: string[] = [];

  pid(): number {
    return this.nextPid++;
  }

  end(id: string, c: FakeContainer, exitCode: number | null, signal: string | null): void {
    if (c.terminated) return;
    if (c.timer) clearTimeout(c.timer);
    c.terminated = { exitCode, signal, oom: false, message: terminationMessage(exitCode, signal) };
    c.done.resolve(c.terminated);
    this.ended.push(id);
    while (this.ended.length > 10_000) this.containers.delete(this.ended.shift()!);
  }
}

export interface InMemoryOptions {
  host?: InMemoryHost;
  /** Delay before an `exit N` container ends (default 10 ms). */
  exitDelayMs?: number;
}

export class InMemoryContainerizer implements Containerizer {
  readonly name = 'fake';
  readonly host: InMemoryHost;
  private readonly mine = new Set<string>();

  constructor(private readonly opts: InMemoryOptions = {}) {
    this.host = opts.host ?? new InMemoryHost();
  }

  accepts(): boolean {
    return true;
  }

  launch(spec: LaunchSpec): Promise<{ pid?: number }> {
    if (this.host.containers.has(spec.containerId)) {
      return Promise.reject(new Error(`Container ${spec.containerId} already exists`));
    }
    const script = fakeScript(spec.command);
    if (script.kind === 'fail') return Promise.reject(new Error(script.message));
    const c: FakeContainer = { pid: this.host.pid(), limits: spec.limits, done: new Deferred() };
    const after = (ms: number, code: number) => {
      c.timer = setTimeout(() => this.host.end(spec.containerId, c, code, null), ms);
      c.timer.unref();
    };
    if (script.kind === 'exit') after(this.opts.exitDelayMs ?? 10, script.code);
    if (script.kind === 'sleep') after(script.seconds * 1000, 0);
    this.host.containers.set(spec.containerId, c);
    this.mine.add(spec.containerId);
    return Promise.resolve({ pid: c.pid });
  }

  wait(containerId: string): Promise<ContainerTermination> {
    const c = this.get(containerId);
    return c ? c.done.promise : Promise.reject(new Error(`Unknown container ${containerId}`));
  }

  kill(containerId: string): Promise<void> {
    const c = this.get(containerId);
    if (!c) return Promise.reject(new Error(`Unknown container ${containerId}`));
    this.host.end(containerId, c, null, 'SIGTERM');
    return Promise.resolve();
  }

  usage(containerId: string): Promise<ResourceStatistics | undefined> {
    const c = this.get(containerId);
    if (!c || c.terminated) return Promise.resolve(undefined);
    return Promise.resolve({
      timestamp: Date.now() / 1000,
      cpus_limit: c.limits.cpus,
      mem_limit_bytes: c.limits.memMb * 1024 * 1024,
      cpus_user_time_secs: 0,
      cpus_system_time_secs: 0,
      mem_rss_bytes: 0,
      processes: 1,
      threads: 1,
    });
  }

  recover(known: Array<{ containerId: string }>): Promise<string[]> {
    const ids = known.map((k) => k.containerId).filter((id) => this.host.containers.has(id));
    for (const id of ids) this.mine.add(id);
    return Promise.resolve(ids);
  }

  close(): Promise<void> {
    this.mine.clear();
    return Promise.resolve();
  }

  private get(containerId: string): FakeContainer | undefined {
    return this.mine.has(containerId) ? this.host.containers.get(containerId) : undefined;
  }
}
