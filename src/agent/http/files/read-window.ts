/**
 * Query parsing and window arithmetic of `/files/read` (upstream `FilesProcess::__read`/`_read` in
 * `src/files/files.cpp`), kept pure so the web UI pailer's corner cases are unit-tested:
 * - `offset` absent or `-1` asks for the size only: the answer is `{offset: <size>, data: ""}`;
 * - `length` absent or `-1` means "to the end", always capped at 16 pages per call;
 * - an offset at or past the end answers an empty `data` at the requested offset;
 * - anything below -1 or not an integer is a 400.
 */
import { HttpError } from '../../../http/http-error.js';

/** Upstream reads at most 16 pages per call; x86-64 Linux pages are 4096 bytes. */
export const PAGE_SIZE = 4096;
export const MAX_READ_LENGTH = 16 * PAGE_SIZE;

export interface ReadParams {
  /** -1 = report the size only. */
  offset: number;
  /** Undefined = to the end of the file (capped). */
  length?: number;
}

function integerParam(name: string, raw: string): number {
  if (!/^-?\d+$/.test(raw)) throw new HttpError(400, `Failed to parse ${name}: '${raw}' is not an integer.`);
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new HttpError(400, `Failed to parse ${name}: '${raw}' is out of range.`);
  if (n < -1) throw new HttpError(400, `Negative ${name} provided: ${n}.`);
  return n;
}

export function parseReadParams(q: Record<string, string | undefined>): ReadParams {
  const offset = q.offset === undefined ? -1 : integerParam('offset', q.offset);
  const length = q.length === undefined ? -1 : integerParam('length', q.length);
  return length === -1 ? { offset } : { offset, length };
}

/** What to read: `bytes` at `position`, and the `offset` to report. `bytes` 0 means no read. */
export interface ReadPlan {
  position: number;
  bytes: number;
  offset: number;
}

export function planRead(p: ReadParams, size: number): ReadPlan {
  if (p.offset === -1) return { position: size, bytes: 0, offset: size };
  if (p.offset >= size) return { position: p.offset, bytes: 0, offset: p.offset };
  const wanted = p.length ?? size - p.offset;
  return { position: p.offset, bytes: Math.min(wanted, size - p.offset, MAX_READ_LENGTH), offset: p.offset };
}
