/**
 * Path resolution behind the agent's `/files/{browse,read,download}` (upstream `FilesProcess::resolve`
 * in `src/files/files.cpp`): a requested path is looked up against the table of attached names
 * (sandbox real paths, their `runs/latest` paths, the virtual `/frameworks/…/runs/latest` names and
 * `/slave/log`) by longest whole-segment prefix, and the rest is appended to the attachment's root.
 *
 * This module is pure string logic and deliberately stricter than upstream: anything that could be
 * a traversal attempt under *any* number of percent-decoding rounds is refused before a table lookup,
 * so the I/O layer only ever sees clean candidates. The I/O layer still re-checks containment after
 * `realpath` (symlinks) — the two checks are independent on purpose.
 */

/** One attached name: a directory whose subtree is readable, or a single file (the agent log). */
export interface Attachment {
  /** The name clients ask for, absolute, without a trailing slash. */
  name: string;
  /** The real location; for `dir` attachments everything below it (after realpath) is allowed. */
  root: string;
  kind: 'dir' | 'file';
}

export type RefusalReason =
  | 'empty'
  | 'too-long'
  | 'over-encoded'
  | 'control-char'
  | 'backslash'
  | 'not-absolute'
  | 'empty-segment'
  | 'dot-segment'
  | 'not-attached'
  | 'file-with-suffix';

export type Resolution =
  | { ok: true; attachment: Attachment; candidate: string; rest: string[] }
  | { ok: false; reason: RefusalReason };

/** Longer than any sandbox path we create; bounds the work done per request. */
export const MAX_PATH_LENGTH = 4096;

/** Decoding rounds tried; `%25` nesting deeper than this is refused rather than followed. */
const MAX_DECODE_ROUNDS = 4;

/**
 * The path and each successive percent-decoding of it, until a fixed point. Clients (and proxies)
 * may decode once more than we do, so every form must be harmless. A form that is not valid
 * percent-encoding (`50%done`) simply ends the chain: it cannot decode any further.
 * Returns `undefined` when the chain has not settled after the allowed rounds.
 */
export function decodingChain(path: string): string[] | undefined {
  const forms = [path];
  let cur = path;
  for (let i = 0; i < MAX_DECODE_ROUNDS; i++) {
    let next: string;
    try {
      next = decodeURIComponent(cur);
    } catch {
      return forms;
    }
    if (next === cur) return forms;
    forms.push(next);
    cur = next;
  }
  return /%[0-9a-fA-F]{2}/.test(cur) ? undefined : forms;
}

/**
 * Why one form is unsafe, if it is. Dot-only segments (`.`, `..`, `...`) are traversal or its
 * lookalikes; a trailing dot or space is refused because some filesystems and proxies strip them,
 * turning `latest.` into `latest`; backslashes are separators to some clients.
 */
function formProblem(form: string): RefusalReason | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(form)) return 'control-char';
  if (form.includes('\\')) return 'backslash';
  for (const seg of form.split('/')) {
    if (/^\.+$/.test(seg)) return 'dot-segment';
    if (seg.endsWith('.') || seg.endsWith(' ')) return 'dot-segment';
  }
  return undefined;
}

/**
 * The segments of an acceptable request path, or why it is refused. One trailing slash is allowed
 * (browse links end in one); doubled slashes anywhere are refused rather than collapsed, because
 * collapsing is where prefix confusion starts.
 */
export function splitRequestPath(path: string): { ok: true; segments: string[] } | { ok: false; reason: RefusalReason } {
  if (path === '') return { ok: false, reason: 'empty' };
  if (path.length > MAX_PATH_LENGTH) return { ok: false, reason: 'too-long' };
  const forms = decodingChain(path);
  if (forms === undefined) return { ok: false, reason: 'over-encoded' };
  for (const form of forms) {
    const problem = formProblem(form);
    if (problem !== undefined) return { ok: false, reason: problem };
  }
  if (!path.startsWith('/')) return { ok: false, reason: 'not-absolute' };
  if (path === '/') return { ok: true, segments: [] };
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
  const segments = trimmed.split('/').slice(1);
  if (segments.some((s) => s === '')) return { ok: false, reason: 'empty-segment' };
  return { ok: true, segments };
}

/** Table key for an attachment name: must itself be a clean absolute path. */
export function attachmentKey(name: string): string | undefined {
  const split = splitRequestPath(name);
  if (!split.ok || split.segments.length === 0) return undefined;
  return `/${split.segments.join('/')}`;
}

/** Builds the lookup table; names that are not clean absolute paths, and root `/`, are dropped. */
export function attachmentTable(list: readonly Attachment[]): Map<string, Attachment> {
  const table = new Map<string, Attachment>();
  for (const a of list) {
    const key = attachmentKey(a.name);
    if (key === undefined || a.root === '/' || a.root === '' || !a.root.startsWith('/')) continue;
    table.set(key, { ...a, name: key });
  }
  return table;
}

/**
 * Maps a request path onto an attachment by longest whole-segment prefix, so `<sandbox>-evil` never
 * matches `<sandbox>`. A file attachment only matches exactly.
 */
export function resolveRequestPath(path: string, table: ReadonlyMap<string, Attachment>): Resolution {
  const split = splitRequestPath(path);
  if (!split.ok) return split;
  const segs = split.segments;
  for (let i = segs.length; i > 0; i--) {
    const attachment = table.get(`/${segs.slice(0, i).join('/')}`);
    if (attachment === undefined) continue;
    const rest = segs.slice(i);
    if (attachment.kind === 'file') {
      return rest.length === 0 ? { ok: true, attachment, candidate: attachment.root, rest } : { ok: false, reason: 'file-with-suffix' };
    }
    const root = attachment.root.endsWith('/') ? attachment.root.slice(0, -1) : attachment.root;
    return { ok: true, attachment, candidate: rest.length === 0 ? root : `${root}/${rest.join('/')}`, rest };
  }
  return { ok: false, reason: 'not-attached' };
}

/**
 * Whether `child` is `root` or below it, comparing whole segments (a plain `startsWith` would let
 * `/sandbox-evil` pass for `/sandbox`). Both must already be canonical (realpath'd).
 */
export function isInside(child: string, root: string): boolean {
  if (root === '/' || root === '') return false;
  const base = root.endsWith('/') ? root.slice(0, -1) : root;
  return child === base || child.startsWith(`${base}/`);
}
