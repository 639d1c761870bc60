/**
 * One container as the process containerizer tracks it, and the small promise plumbing around it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContainerLimits, ContainerTermination } from './types.js';

/** A promise with its settle functions; a rejection nobody awaits is not reported as unhandled. */
export class Deferred<T> {
  readonly promise: Promise<T>;
  resolve!: (v: T) => void;
  reject!: (e: Error) => void;

  constructor() {
    this.promise = new Promise<T>((res, rej) => {
      this.resolve = res;
      this.reject = rej;
    });
    this.promise.catch(() => {});
  }
}

/**
 * Like `Promise.all`, but rejects only after every promise has settled, so a failed launch does
 * not clean up while another step (say, a cgroup mkdir) is still in flight.
 */
export async function allSettledOrThrow<T extends readonly unknown[]>(ps: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const results = await Promise.allSettled(ps);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

export interface Entry {
  containerId: string;
  metaDir: string;
  sandbox: string;
  limits?: ContainerLimits;
  /** The task's main process once started (leader of its session and process group). */
  pid?: number;
  /** Settles when the launch request has been answered (kill waits for it). */
  launched: Deferred<void>;
  /** The launcher that started it is gone: liveness comes from polling the pid. */
  orphan: boolean;
  /** The exit is being processed (OOM check, cgroup removal). */
  ending: boolean;
  /** An OOM kill was seen while it ran and the container is being destroyed. */
  oomKilling: boolean;
  killing?: Promise<void>;
  done: Deferred<ContainerTermination>;
  terminated?: ContainerTermination;
}

export function newEntry(containerId: string, metaDir: string, sandbox: string, limits?: ContainerLimits): Entry {
  return {
    containerId,
    metaDir,
    sandbox,
    ...(limits ? { limits } : {}),
    launched: new Deferred<void>(),
    orphan: false,
    ending: false,
    oomKilling: false,
    done: new Deferred<ContainerTermination>(),
  };
}

const CONTAINER_FILE = 'container.json';

/** What a later agent needs to report usage of a re-adopted container (its limits). */
export async function checkpointContainer(metaDir: string, limits: ContainerLimits): Promise<void> {
  await writeFile(join(metaDir, CONTAINER_FILE), JSON.stringify({ limits }));
}

export async function readCheckpointedLimits(metaDir: string): Promise<ContainerLimits | undefined> {
  try {
    const c = JSON.parse(await readFile(join(metaDir, CONTAINER_FILE), 'utf8')) as { limits?: ContainerLimits };
    return c.limits;
  } catch {
    return undefined;
  }
}
