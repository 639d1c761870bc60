/**
 * Agent directory layout (mesos `docs/sandbox.md`, `src/slave/paths.cpp`):
 *   sandbox  <work_dir>/slaves/<agentId>/frameworks/<fw>/executors/<ex>/runs/<containerId>  (+ runs/latest)
 *   meta     <work_dir>/meta/slaves/<agentId>/frameworks/<fw>/executors/<ex>/runs/<containerId>
 *   virtual  /frameworks/<fw>/executors/<ex>/runs/latest   (the path `/files/*` also accepts)
 * `<work_dir>/meta/slaves/latest` names the current agent id; losing it means "new agent".
 */
import { mkdirSync, readlinkSync, renameSync, symlinkSync } from 'node:fs';
import { mkdir, rename, symlink } from 'node:fs/promises';
import { join } from 'node:path';

export interface RunPaths {
  sandbox: string;
  metaDir: string;
  /** `/frameworks/<fw>/executors/<ex>/runs/latest`. */
  virtual: string;
}

const run = (root: string, agentId: string, fw: string, ex: string) =>
  join(root, 'slaves', agentId, 'frameworks', fw, 'executors', ex, 'runs');

export function runPaths(workDir: string, agentId: string, frameworkId: string, executorId: string, containerId: string): RunPaths {
  return {
    sandbox: join(run(workDir, agentId, frameworkId, executorId), containerId),
    metaDir: join(run(join(workDir, 'meta'), agentId, frameworkId, executorId), containerId),
    virtual: `/frameworks/${frameworkId}/executors/${executorId}/runs/latest`,
  };
}

/** The directory holding every sandbox of this agent (the `/files` allow-list root). */
export function slaveDir(workDir: string, agentId: string): string {
  return join(workDir, 'slaves', agentId);
}

export function metaRoot(workDir: string): string {
  return join(workDir, 'meta');
}

/** Points `link` at `target`, replacing an existing link atomically. */
export function relink(target: string, link: string): void {
  const tmp = `${link}.tmp-${process.pid}`;
  try {
    symlinkSync(target, tmp);
  } catch {
    /* a stale tmp link from a crash: fall through to rename over it */
  }
  renameSync(tmp, link);
}

/** Creates the sandbox and meta directories of a run and moves both `runs/latest` links to it (synchronously). */
export function createRun(workDir: string, agentId: string, frameworkId: string, executorId: string, containerId: string): RunPaths {
  const p = runPaths(workDir, agentId, frameworkId, executorId, containerId);
  mkdirSync(p.sandbox, { recursive: true });
  mkdirSync(p.metaDir, { recursive: true });
  relink(containerId, join(p.sandbox, '..', 'latest'));
  relink(containerId, join(p.metaDir, '..', 'latest'));
  return p;
}

/** `relink` on the thread pool. */
async function relinkAsync(target: string, link: string): Promise<void> {
  const tmp = `${link}.tmp-${process.pid}-${target}`;
  await symlink(target, tmp);
  await rename(tmp, link);
}

/**
 * Creates the sandbox and meta directories of a run and moves both `runs/latest` links to it.
 * Asynchronous on purpose: at hundreds of launches a second, synchronous mkdir and symlink calls on
 * the event loop were the agent's biggest cost; the thread pool does them in parallel.
 */
export async function prepareRun(p: RunPaths): Promise<void> {
  const containerId = p.sandbox.split('/').at(-1)!;
  await Promise.all([mkdir(p.sandbox, { recursive: true }), mkdir(p.metaDir, { recursive: true })]);
  await Promise.all([relinkAsync(containerId, join(p.sandbox, '..', 'latest')), relinkAsync(containerId, join(p.metaDir, '..', 'latest'))]);
}

/** The agent id recorded by the previous run in this work_dir, if any. */
export function latestAgentId(workDir: string): string | undefined {
  try {
    return readlinkSync(join(workDir, 'meta', 'slaves', 'latest'));
  } catch {
    return undefined;
  }
}

export function recordAgentId(workDir: string, agentId: string): void {
  mkdirSync(join(workDir, 'meta', 'slaves', agentId), { recursive: true });
  relink(agentId, join(workDir, 'meta', 'slaves', 'latest'));
}
