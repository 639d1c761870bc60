/**
 * Running a task as `CommandInfo.user` (agent `--switch_user`): resolve the name through
 * `/etc/passwd` as upstream does with getpwnam, and hand the sandbox to that user so the task can
 * write in it (upstream chowns the executor directory the same way).
 */
import { chown, lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

/** Parses passwd(5) text: `name:password:uid:gid:gecos:home:shell`, comments and junk skipped. */
export function parsePasswd(text: string): Map<string, PasswdEntry> {
  const out = new Map<string, PasswdEntry>();
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f.length < 7 || line.startsWith('#')) continue;
    const uid = Number(f[2]);
    const gid = Number(f[3]);
    if (!f[0] || !Number.isInteger(uid) || !Number.isInteger(gid)) continue;
    if (!out.has(f[0])) out.set(f[0], { name: f[0], uid, gid, home: f[5]! });
  }
  return out;
}

export async function lookupUser(name: string, passwdPath = '/etc/passwd'): Promise<PasswdEntry> {
  const entry = parsePasswd(await readFile(passwdPath, 'utf8')).get(name);
  if (!entry) throw new Error(`Failed to get user information for '${name}': no such user in ${passwdPath}`);
  return entry;
}

/** chown -R without following symlinks (a fetched link must not hand out files outside). */
export async function chownTree(path: string, uid: number, gid: number): Promise<void> {
  const st = await lstat(path);
  if (st.isSymbolicLink()) return;
  await chown(path, uid, gid);
  if (!st.isDirectory()) return;
  const names = await readdir(path);
  await Promise.all(names.map((n) => chownTree(join(path, n), uid, gid)));
}
