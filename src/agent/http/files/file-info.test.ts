import type { Stats } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileInfo, modeString, ownerNames, parseIdFile, sortListing } from './file-info.js';

describe('modeString', () => {
  it.each([
    [0o040755, 'drwxr-xr-x'],
    [0o100644, '-rw-r--r--'],
    [0o120777, 'lrwxrwxrwx'],
    [0o104755, '-rwsr-xr-x'],
    [0o102644, '-rw-r-Sr--'],
    [0o041777, 'drwxrwxrwt'],
    [0o041776, 'drwxrwxrwT'],
    [0o010600, 'prw-------'],
    [0o140700, 'srwx------'],
    [0o020620, 'crw--w----'],
  ])('renders %o as %s', (mode, text) => {
    expect(modeString(mode)).toBe(text);
  });
});

describe('owner names', () => {
  const users = parseIdFile('# comment\nroot:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534::/:/bin/false\nbroken\n');
  const groups = parseIdFile('root:x:0:\nstaff:x:50:alice\n');
  it('parses passwd and group text', () => {
    expect([...users]).toEqual([[0, 'root'], [65534, 'nobody']]);
    expect(groups.get(50)).toBe('staff');
  });
  it('falls back to the number for unknown ids', () => {
    const names = ownerNames(users, groups);
    expect(names.user(0)).toBe('root');
    expect(names.user(1234)).toBe('1234');
    expect(names.group(99)).toBe('99');
  });
});

describe('fileInfo', () => {
  it('has the upstream keys with names for owners and whole-second mtime', () => {
    const s = { nlink: 2, size: 42, mtimeMs: 1_700_000_000_999, mode: 0o040755, uid: 0, gid: 50 } as Stats;
    const names = ownerNames(new Map([[0, 'root']]), new Map([[50, 'staff']]));
    expect(fileInfo('/v/dir', s, names)).toEqual({
      path: '/v/dir',
      nlink: 2,
      size: 42,
      mtime: 1_700_000_000,
      mode: 'drwxr-xr-x',
      uid: 'root',
      gid: 'staff',
    });
  });
  it('sorts listings by path', () => {
    const e = (path: string) => ({ path, nlink: 1, size: 0, mtime: 0, mode: '', uid: '', gid: '' });
    expect(sortListing([e('/b'), e('/a/z'), e('/a')]).map((x) => x.path)).toEqual(['/a', '/a/z', '/b']);
  });
});
