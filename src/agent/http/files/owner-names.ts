/**
 * Loads the uid/gid → name maps that `/files/browse` prints (upstream asks `getpwuid`/`getgrgid`).
 * Read once per process: accounts rarely change while an agent runs, and a missing name only
 * degrades to the number.
 */
import { readFile } from 'node:fs/promises';
import { ownerNames, parseIdFile, type OwnerNames } from './file-info.js';

let cached: Promise<OwnerNames> | undefined;

async function readIds(path: string): Promise<Map<number, string>> {
  try {
    return parseIdFile(await readFile(path, 'utf8'));
  } catch {
    return new Map();
  }
}

export function systemOwnerNames(): Promise<OwnerNames> {
  cached ??= Promise.all([readIds('/etc/passwd'), readIds('/etc/group')]).then(([u, g]) => ownerNames(u, g));
  return cached;
}
