/**
 * One `/files/browse` entry (upstream `protobuf::createFileInfo` in `src/common/protobuf_utils.cpp`
 * and `model(FileInfo)` in `src/common/http.cpp`): `{path, nlink, size, mtime, mode, uid, gid}`,
 * where `mode` is the `ls -l` text form and `uid`/`gid` are names — the web UI and `mesos task ls`
 * print them as they are.
 */
import type { Stats } from 'node:fs';

export interface FileInfoJson {
  path: string;
  nlink: number;
  size: number;
  /** Whole seconds since the epoch. */
  mtime: number;
  mode: string;
  uid: string;
  gid: string;
}

/** Maps numeric owners to names; a missing name falls back to the number, as upstream does. */
export interface OwnerNames {
  user(uid: number): string;
  group(gid: number): string;
}

const S_IFMT = 0o170000;
const TYPE_CHARS: Record<number, string> = {
  0o040000: 'd',
  0o120000: 'l',
  0o100000: '-',
  0o020000: 'c',
  0o060000: 'b',
  0o010000: 'p',
  0o140000: 's',
};

/** `drwxr-xr-x`-style text for a `st_mode`, including setuid/setgid/sticky (`s`/`S`, `t`/`T`). */
export function modeString(mode: number): string {
  const type = TYPE_CHARS[mode & S_IFMT] ?? '?';
  const triple = (shift: number, special: boolean, on: string, off: string): string => {
    const bits = (mode >> shift) & 7;
    const x = (bits & 1) !== 0;
    const exec = special ? (x ? on : off) : x ? 'x' : '-';
    return `${bits & 4 ? 'r' : '-'}${bits & 2 ? 'w' : '-'}${exec}`;
  };
  return (
    type +
    triple(6, (mode & 0o4000) !== 0, 's', 'S') +
    triple(3, (mode & 0o2000) !== 0, 's', 'S') +
    triple(0, (mode & 0o1000) !== 0, 't', 'T')
  );
}

export function fileInfo(path: string, s: Stats, names: OwnerNames): FileInfoJson {
  return {
    path,
    nlink: s.nlink,
    size: s.size,
    mtime: Math.floor(s.mtimeMs / 1000),
    mode: modeString(s.mode),
    uid: names.user(s.uid),
    gid: names.group(s.gid),
  };
}

/**
 * Parses `/etc/passwd`- or `/etc/group`-format text into id → name. Node has no `getpwuid`, and
 * these two files are what it would consult on the hosts we run on.
 */
export function parseIdFile(text: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const [name, , id] = line.split(':');
    if (name === undefined || name === '' || id === undefined || !/^\d+$/.test(id)) continue;
    if (!out.has(Number(id))) out.set(Number(id), name);
  }
  return out;
}

export function ownerNames(users: Map<number, string>, groups: Map<number, string>): OwnerNames {
  return {
    user: (uid) => users.get(uid) ?? String(uid),
    group: (gid) => groups.get(gid) ?? String(gid),
  };
}

/** `/files/browse` lists entries sorted by path, as upstream's sorted map yields them. */
export function sortListing(entries: FileInfoJson[]): FileInfoJson[] {
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
