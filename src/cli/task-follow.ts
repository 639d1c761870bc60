/**
 * The "follow" half of `tsmesos task tail -f` (Mesosphere `mesos tail -f`, mesos-api.md §8.2),
 * done the way the upstream web UI's pailer tails a sandbox file: remember the byte offset, poll
 * `/files/read` from it, append whatever comes back, and advance by the bytes received. Polling
 * is the only way: the agent has no push for file contents. Kept free of HTTP and timers (both
 * injected) so the offset arithmetic, truncation and missing-file cases are unit-tested.
 *
 * Stops when `signal` aborts (Ctrl-C), or once the task is terminal AND a read after that brings
 * nothing new, so the last words a task writes before exiting are never lost.
 */
import type { FileChunk } from '../client/agent-types.js';

export interface FollowSource {
  /** `/files/read` from `offset`; `undefined` while the file does not exist (404). */
  read(offset: number, signal: AbortSignal): Promise<FileChunk | undefined>;
  /** Whether the task has reached a terminal state (errors should answer `false`). */
  finished(): Promise<boolean>;
  /**
   * The file's current size (`/files/read?offset=-1`). Upstream answers a read past the end with the
   * requested offset and no data, so a truncation only shows as a size below our offset.
   */
  size?(signal: AbortSignal): Promise<number | undefined>;
}

export interface FollowOptions {
  signal: AbortSignal;
  /** Pause between polls once caught up; the web UI polls about as often. */
  intervalMs?: number;
  /** Asking the master about the task is dearer than a read, so it is done less often. */
  finishedCheckMs?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  now?: () => number;
  /** The file shrank below our offset (truncated or rotated): following restarts at byte 0. */
  onTruncated?: () => void;
  /** The file does not exist (yet); called once per disappearance. */
  onMissing?: () => void;
}

export type FollowEnd = 'interrupted' | 'finished';

export const FOLLOW_INTERVAL_MS = 200;
export const FINISHED_CHECK_MS = 1_000;

/** Follows from `offset`, handing each new piece of the file to `write` in order. */
export async function follow(src: FollowSource, offset: number, write: (data: Buffer) => Promise<void>, opts: FollowOptions): Promise<FollowEnd> {
  const { signal } = opts;
  const sleep = opts.sleep ?? abortableSleep;
  const now = opts.now ?? Date.now;
  const interval = opts.intervalMs ?? FOLLOW_INTERVAL_MS;
  const checkEvery = opts.finishedCheckMs ?? FINISHED_CHECK_MS;
  let lastCheck = -Infinity;
  let finishedSeen = false;
  let missing = false;

  /** True once the task is terminal and one more poll has come back empty. */
  const idle = async (): Promise<boolean> => {
    if (finishedSeen) return true;
    if (now() - lastCheck >= checkEvery) {
      lastCheck = now();
      finishedSeen = await src.finished().catch(() => false);
      if (finishedSeen) return false; // poll once more before giving up
    }
    await sleep(interval, signal);
    return false;
  };

  while (!signal.aborted) {
    let chunk: FileChunk | undefined;
    try {
      chunk = await src.read(offset, signal);
    } catch (e) {
      if (signal.aborted) break;
      throw e;
    }
    if (chunk === undefined) {
      if (!missing) opts.onMissing?.();
      missing = true;
      offset = 0; // when it (re)appears, it is a new file
      if (await idle()) return 'finished';
      continue;
    }
    missing = false;
    if (chunk.offset < offset) {
      opts.onTruncated?.();
      offset = 0;
      continue;
    }
    if (chunk.data.length > 0) {
      await write(chunk.data);
      offset = chunk.offset + chunk.data.length;
      continue; // more may be waiting: read again at once
    }
    const size = offset > 0 ? await src.size?.(signal).catch(() => undefined) : undefined;
    if (size !== undefined && size < offset) {
      opts.onTruncated?.();
      offset = 0;
      continue;
    }
    if (await idle()) return 'finished';
  }
  return 'interrupted';
}

/** Resolves after `ms`, or at once when `signal` aborts; never rejects. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
