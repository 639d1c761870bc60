/**
 * Marathon path ids (`state/PathId.scala`, marathon-chronos-api.md §2.3): `/`-separated segments of
 * lowercase letters, digits, `-` and `.`; `.` and `..` resolve against a base; the canonical form is
 * absolute (`/a/b`). Empty segments (`//`, a trailing `/`) are dropped, as upstream does.
 */
import { AppValidationError } from './types.js';

/** Upstream's segment pattern; its odd `^A|B$` alternation is kept so the error text matches. */
export const ID_SEGMENT_PATTERN = '^(([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])\\.)*([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])|(\\.|\\.\\.)$';
const SEGMENT = /^(?:(?:(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])\.)*(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])|\.|\.\.)$/;
export const RESERVED_WORDS = ['restart', 'tasks', 'versions'] as const;

export interface ParsedPath {
  segments: string[];
  absolute: boolean;
}

/** Splits without validating: leading `/` means absolute; empty segments vanish. */
export function parsePath(id: string): ParsedPath {
  return { segments: id.split('/').filter((s) => s !== ''), absolute: id.startsWith('/') };
}

/** Resolves `.` and `..` (above the root they are dropped) against `base` when relative. */
export function resolvePath(id: string, base = '/'): string {
  const p = parsePath(id);
  const start = p.absolute ? [] : parsePath(base).segments;
  const out: string[] = [];
  for (const s of [...start, ...p.segments]) {
    if (s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return '/' + out.join('/');
}

/** The upstream error texts for an id (empty when it is valid). `groupId` adds the child-of rule. */
export function pathIdErrors(id: string, opts: { base?: string; groupId?: string; reservedCheck?: boolean } = {}): string[] {
  const errors: string[] = [];
  const p = parsePath(id);
  if (!p.segments.every((s) => SEGMENT.test(s))) errors.push(`must fully match regular expression '${ID_SEGMENT_PATTERN}'`);
  const canonical = resolvePath(id, opts.base ?? opts.groupId ?? '/');
  const last = canonical.split('/').pop() ?? '';
  if ((opts.reservedCheck ?? true) && (RESERVED_WORDS as readonly string[]).includes(last)) {
    errors.push(`must not end with any of the following reserved keywords: ${RESERVED_WORDS.join(', ')}`);
  }
  if (canonical === '/') errors.push('Path must contain at least one path element');
  if (opts.groupId !== undefined && canonical !== '/' && parentOf(canonical) !== resolvePath(opts.groupId)) {
    errors.push(`identifier ${canonical} is not child of ${resolvePath(opts.groupId)}. Hint: use relative paths.`);
  }
  return errors;
}

/** Canonical absolute id of `id` resolved against `base` (default root); throws AppValidationError (path `/id`). */
export function canonicalPath(id: string, base?: string): string {
  const errors = pathIdErrors(id, { base });
  if (errors.length > 0) throw new AppValidationError([{ path: '/id', errors }]);
  return resolvePath(id, base ?? '/');
}

/** `/a/b/c` → `/a/b`; the root's parent is the root. */
export function parentOf(path: string): string {
  const segs = parsePath(path).segments;
  return '/' + segs.slice(0, -1).join('/');
}

/** Every ancestor group of `path`, nearest first, the root last. */
export function ancestorsOf(path: string): string[] {
  const out: string[] = [];
  let p = path;
  while (p !== '/') {
    p = parentOf(p);
    out.push(p);
  }
  return out;
}

/** Task-id prefix / Mesos-safe form: `/a/b` → `a_b` (upstream `safePath`). */
export function safePath(path: string): string {
  return parsePath(path).segments.join('_');
}

/** Inverse of safePath (segments never contain `_`). */
export function fromSafePath(safe: string): string {
  return '/' + safe.split('_').filter((s) => s !== '').join('/');
}

/** Upstream `toHostname`: `/a/b` → `b.a` (labels, DNS names). */
export function toHostname(path: string): string {
  return parsePath(path).segments.reverse().join('.');
}
