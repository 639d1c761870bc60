/**
 * Docker containers after an agent restart (upstream `DockerContainerizerProcess::recover`): the
 * containers labelled with this agent's work_dir are listed; the ones the agent checkpointed are
 * re-adopted — followed again, whether still running or ended while the agent was away — and, with
 * `--docker_kill_orphans` (the default), the others are removed: nobody would ever report on them.
 */
import type Docker from 'dockerode';
import type { Logger } from '../../lib/logger.js';
import { engineMessage, engineStatus } from './docker-engine.js';
import { DockerEntry } from './docker-entry.js';
import { LABELS, limitsFromLabels, ownedFilter } from './docker-labels.js';

export interface RecoverInput {
  docker: Docker;
  workDir: string;
  log: Logger;
  killOrphans: boolean;
  known: Array<{ containerId: string; sandbox: string }>;
  /** The containerizer's table: re-adopted containers are added to it. */
  entries: Map<string, DockerEntry>;
}

/** Returns the ids of the known containers that were found (and are now followed). */
export async function recoverContainers(r: RecoverInput): Promise<string[]> {
  const listed = await r.docker.listContainers({ all: true, filters: ownedFilter(r.workDir) });
  const byId = new Map(listed.map((c) => [c.Labels[LABELS.containerId] ?? '', c]));
  const recovered: string[] = [];
  for (const k of r.known) {
    if (r.entries.has(k.containerId)) {
      recovered.push(k.containerId);
      continue;
    }
    const c = byId.get(k.containerId);
    if (!c) continue;
    const entry = new DockerEntry(k.containerId, k.sandbox, limitsFromLabels(c.Labels));
    const container = r.docker.getContainer(c.Id);
    entry.pid = (await container.inspect().catch(() => undefined))?.State.Pid || undefined;
    entry.launched.resolve();
    r.entries.set(k.containerId, entry);
    entry.follow(container, r.log);
    recovered.push(k.containerId);
  }
  const known = new Set(r.known.map((k) => k.containerId));
  for (const c of listed) {
    const id = c.Labels[LABELS.containerId] ?? '';
    if (known.has(id) || r.entries.has(id)) continue;
    if (!r.killOrphans) {
      r.log.warn({ container: c.Names[0], state: c.State }, 'unknown docker container of this agent left alone (--docker_kill_orphans=false)');
      continue;
    }
    r.log.warn({ container: c.Names[0], state: c.State }, 'removing unknown docker container found on recovery');
    await r.docker
      .getContainer(c.Id)
      .remove({ v: true, force: true })
      .catch((e: unknown) => engineStatus(e) === 404 || r.log.warn({ container: c.Names[0], err: engineMessage(e) }, 'could not remove orphan docker container'));
  }
  return recovered;
}
