/**
 * The host side of a Docker task's sandbox before its container starts: the `stdout`/`stderr` files
 * the log pump appends to, directories for sandbox-relative volumes (created by us rather than by the
 * engine, so they belong to the sandbox's owner), and, with `--switch_user`, the sandbox handed to the
 * task's user when the host knows that name (upstream chowns the executor directory the same way).
 */
import { mkdir, open } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { DockerTaskInfo } from './docker-info.js';
import { hostPathOf } from './docker-run-options.js';
import { chownTree, lookupUser } from './process-user.js';
import type { LaunchSpec } from './types.js';

export async function prepareSandbox(spec: LaunchSpec, info: DockerTaskInfo, switchUser: boolean): Promise<void> {
  await Promise.all(['stdout', 'stderr'].map((f) => open(join(spec.sandbox, f), 'a').then((fh) => fh.close())));
  for (const v of info.volumes) {
    if (v.hostPath !== undefined && !isAbsolute(v.hostPath)) await mkdir(hostPathOf(v, spec.sandbox)!, { recursive: true });
  }
  if (!switchUser || !spec.user || spec.user === 'root') return;
  // The name is resolved again inside the image, which may know users the host does not.
  const user = await lookupUser(spec.user).catch(() => undefined);
  if (user) await chownTree(spec.sandbox, user.uid, user.gid);
}
