/**
 * Znode path rules (upstream `PathUtils.validatePath`, `DataTree.isSpecialPath`, and the `%010d`
 * sequence suffix of `PrepRequestProcessor`). Pure string functions.
 * @module
 */

/** Why a path is not a valid znode path, or undefined when it is. */
export function pathProblem(path: string): string | undefined {
  if (path.length === 0) return 'path length must be > 0';
  if (path[0] !== '/') return 'path must start with / character';
  if (path.length === 1) return undefined;
  if (path.endsWith('/')) return 'path must not end with / character';
  const segments = path.slice(1).split('/');
  for (const seg of segments) {
    if (seg === '') return 'empty node name specified';
    if (seg === '.' || seg === '..') return 'relative paths not allowed';
  }
  for (let i = 1; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c === 0) return `null character not allowed @${i}`;
    // Control characters, C1 controls, surrogates and private use, and the specials block.
    if (c <= 0x1f || (c >= 0x7f && c <= 0x9f) || (c >= 0xd800 && c <= 0xf8ff) || c >= 0xfff0) return `invalid character @${i}`;
  }
  return undefined;
}

export function isValidPath(path: string): boolean {
  return pathProblem(path) === undefined;
}

/** The parent of a path; the root's children have '/' as parent. */
export function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function childPath(parent: string, name: string): string {
  return parent === '/' ? `/${name}` : `${parent}/${name}`;
}

/** The nodes a client may never delete: the root and the server's own `/zookeeper` subtree roots. */
export const SPECIAL_PATHS: ReadonlySet<string> = new Set(['/', '/zookeeper', '/zookeeper/quota', '/zookeeper/config']);

/**
 * The sequential-node suffix: the parent's child version as a 10-digit, zero-padded decimal (Java's
 * `%010d`, so a wrapped negative counter keeps its sign: `-000000001`).
 */
export function sequenceSuffix(n: number): string {
  return n < 0 ? `-${String(-n).padStart(9, '0')}` : String(n).padStart(10, '0');
}
