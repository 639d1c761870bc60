/**
 * What `/files/*` may serve on an agent (upstream: the `files->attach(…)` calls in
 * `src/slave/slave.cpp` and `getExecutorVirtualPath` in `src/slave/paths.cpp`): every run directory
 * of every known executor under its real path, the current run also as `…/runs/latest` and as the
 * virtual `/frameworks/<fw>/executors/<ex>/runs/latest`, and the agent log as `/slave/log`.
 *
 * Upstream attaches and detaches as executors come and go; here the table is derived from the
 * `AgentView` on each request, so it can never go stale after a GC or a recovery.
 */
import { posix } from 'node:path';
import type { AgentExecutor, AgentFramework, AgentView } from '../../model.js';
import { attachmentTable, type Attachment } from './resolve-path.js';

/** The virtual name of the agent's own log, as upstream attaches it. */
export const AGENT_LOG_PATH = '/slave/log';

/** `/frameworks/<fw>/executors/<ex>/runs/latest` (matches `runPaths().virtual` in `paths.ts`). */
export function executorVirtualPath(frameworkId: string, executorId: string): string {
  return `/frameworks/${frameworkId}/executors/${executorId}/runs/latest`;
}

function runAttachments(exec: AgentExecutor, current: boolean): Attachment[] {
  const root = exec.directory;
  const out: Attachment[] = [{ name: root, root, kind: 'dir' }];
  if (current) {
    out.push({ name: posix.join(posix.dirname(root), 'latest'), root, kind: 'dir' });
    out.push({ name: executorVirtualPath(exec.frameworkId, exec.executorId), root, kind: 'dir' });
  }
  return out;
}

/**
 * Completed runs come first and live ones last, so when an executor id has both, its `latest`
 * names point at the live run (later entries win in the table).
 */
function frameworkAttachments(fw: AgentFramework): Attachment[] {
  return [
    ...fw.completedExecutors.flatMap((e) => runAttachments(e, true)),
    ...[...fw.executors.values()].flatMap((e) => runAttachments(e, true)),
  ];
}

/** Every attachment, lowest priority first. */
export function agentAttachments(view: AgentView, logFile?: string): Attachment[] {
  const out = [
    ...view.completedFrameworks.flatMap(frameworkAttachments),
    ...[...view.frameworks.values()].flatMap(frameworkAttachments),
  ];
  if (logFile !== undefined && logFile !== '') out.push({ name: AGENT_LOG_PATH, root: logFile, kind: 'file' });
  return out;
}

/** The lookup table `/files/*` resolves against. */
export function agentAttachmentTable(view: AgentView, logFile?: string): Map<string, Attachment> {
  return attachmentTable(agentAttachments(view, logFile));
}
