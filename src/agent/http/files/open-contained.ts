/**
 * The I/O half of `/files/*` path checking (upstream `FilesProcess::resolve` canonicalises with
 * `realpath` and checks the result stays under the attached directory). A sandbox is written by the
 * task it belongs to, so symlinks in it are hostile input: we canonicalise, check containment, open,
 * and then check again what the kernel actually opened (`/proc/self/fd/<n>`), which closes the race
 * where a path component is swapped for a symlink between the check and the open.
 */
import { constants } from 'node:fs';
import { open, readlink, realpath, stat, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { isInside, type Attachment } from './resolve-path.js';

export interface OpenedPath {
  handle: FileHandle;
  stats: Stats;
  /** Canonical path of what was opened. */
  real: string;
  /** A path that names exactly the opened inode (`/proc/self/fd/<n>` on Linux), for readdir/stat. */
  pinned: string;
  /** Canonical root of the attachment, for checking entries found below a directory. */
  realRoot: string;
}

/** Canonical path, or `undefined` when it does not exist or cannot be walked (a refusal, not a 500). */
export async function canonical(path: string): Promise<string | undefined> {
  try {
    return await realpath(path);
  } catch {
    return undefined;
  }
}

function allowed(real: string, realRoot: string, kind: Attachment['kind']): boolean {
  return kind === 'file' ? real === realRoot : isInside(real, realRoot);
}

/** What the kernel says the descriptor refers to; `undefined` when /proc is not available. */
async function procPath(fd: number): Promise<string | undefined> {
  try {
    return await readlink(`/proc/self/fd/${fd}`);
  } catch {
    return undefined;
  }
}

/**
 * Opens `candidate` read-only if, and only if, its canonical form lies inside the attachment's
 * canonical root, both before and after the open. Returns `undefined` for every refusal so callers
 * answer them all alike (no oracle for what exists outside a sandbox).
 */
export async function openContained(candidate: string, attachment: Attachment): Promise<OpenedPath | undefined> {
  const realRoot = await canonical(attachment.root);
  if (realRoot === undefined || realRoot === '/') return undefined;
  const real = await canonical(candidate);
  if (real === undefined || !allowed(real, realRoot, attachment.kind)) return undefined;
  let handle: FileHandle;
  try {
    handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stats = await handle.stat();
    // FIFOs, sockets and devices are refused: a read from a FIFO a task planted would never end.
    if (!stats.isFile() && !stats.isDirectory()) throw new Error('special file');
    const viaProc = await procPath(handle.fd);
    if (viaProc !== undefined) {
      if (!allowed(viaProc, realRoot, attachment.kind)) throw new Error('escaped');
      return { handle, stats, real: viaProc, pinned: `/proc/self/fd/${handle.fd}`, realRoot };
    }
    // No /proc: the opened inode must still be the one the canonical path names.
    const again = await stat(real);
    if (again.dev !== stats.dev || again.ino !== stats.ino) throw new Error('swapped');
    return { handle, stats, real, pinned: real, realRoot };
  } catch {
    await handle.close().catch(() => undefined);
    return undefined;
  }
}
