/**
 * The filesystem work of `/files/browse`, `/files/read` and `/files/debug` (upstream
 * `FilesProcess::browse`, `_read`, `debug` in `src/files/files.cpp`), on paths that
 * `resolve-path.ts` accepted and `open-contained.ts` opened. Every refusal is an `undefined`
 * result, which the routes turn into one uniform 404.
 */
import { lstat, readdir, stat } from 'node:fs/promises';
import { posix } from 'node:path';
import type { Stats } from 'node:fs';
import { canonical, openContained, type OpenedPath } from './open-contained.js';
import { fileInfo, sortListing, type FileInfoJson, type OwnerNames } from './file-info.js';
import { planRead, type ReadParams } from './read-window.js';
import { isInside, resolveRequestPath, type Attachment } from './resolve-path.js';

/** Resolves and opens a request path; `undefined` for anything refused or missing. */
export async function openRequestPath(path: string, table: ReadonlyMap<string, Attachment>): Promise<OpenedPath | undefined> {
  const res = resolveRequestPath(path, table);
  if (!res.ok) return undefined;
  return openContained(res.candidate, res.attachment);
}

/**
 * Stats one directory entry. A symlink is followed only when its target stays inside the
 * attachment, so browsing never reports the size or owner of a file outside the sandbox.
 */
async function entryStats(dirPinned: string, name: string, realRoot: string): Promise<Stats | undefined> {
  const full = `${dirPinned}/${name}`;
  try {
    const l = await lstat(full);
    if (!l.isSymbolicLink()) return l;
    const target = await canonical(full);
    return target !== undefined && isInside(target, realRoot) ? await stat(target) : l;
  } catch {
    return undefined; // vanished between readdir and stat; upstream skips such entries too
  }
}

/** The requested path as clients spelled it (virtual names stay virtual), without a trailing slash. */
function displayBase(requested: string): string {
  return requested.length > 1 && requested.endsWith('/') ? requested.slice(0, -1) : requested;
}

/**
 * A directory's entries, or a file's own entry: upstream answers `[]` for a file, but one entry is
 * what `ls` on a file prints and what `tsmesos task ls <task> stdout` wants.
 */
export async function browse(opened: OpenedPath, requested: string, names: OwnerNames): Promise<FileInfoJson[]> {
  const base = displayBase(requested);
  if (!opened.stats.isDirectory()) return [fileInfo(base, opened.stats, names)];
  const entries = await readdir(opened.pinned);
  const infos = await Promise.all(
    entries.map(async (name) => {
      const s = await entryStats(opened.pinned, name, opened.realRoot);
      return s === undefined ? undefined : fileInfo(posix.join(base, name), s, names);
    }),
  );
  return sortListing(infos.filter((i): i is FileInfoJson => i !== undefined));
}

/** `{offset, data}` for an opened regular file; `data` is the raw bytes (see `read-body.ts`). */
export async function readWindow(opened: OpenedPath, params: ReadParams): Promise<{ offset: number; data: Buffer }> {
  const plan = planRead(params, opened.stats.size);
  if (plan.bytes === 0) return { offset: plan.offset, data: Buffer.alloc(0) };
  const buf = Buffer.alloc(plan.bytes);
  const { bytesRead } = await opened.handle.read(buf, 0, plan.bytes, plan.position);
  return { offset: plan.offset, data: buf.subarray(0, bytesRead) };
}

/** `/files/debug`: every attached name and the canonical path it serves. */
export async function debugMap(table: ReadonlyMap<string, Attachment>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, a] of table) out[name] = (await canonical(a.root)) ?? a.root;
  return out;
}

/** Content type for a download by extension; unknown ones are opaque bytes, as upstream. */
const MIME: Record<string, string> = {
  '.txt': 'text/plain',
  '.log': 'text/plain',
  '.json': 'application/json',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.css': 'text/css',
  '.js': 'application/javascript',
  '.xml': 'application/xml',
  '.csv': 'text/csv',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.gz': 'application/x-gzip',
  '.tgz': 'application/x-gzip',
  '.tar': 'application/x-tar',
  '.zip': 'application/zip',
};

export function downloadType(name: string): string {
  return MIME[posix.extname(name).toLowerCase()] ?? 'application/octet-stream';
}
