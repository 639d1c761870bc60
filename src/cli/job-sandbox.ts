/**
 * Where a job run's output lives. The tsmesos history extension gives each started run a
 * `sandbox` link, `http://agent:5051/files/browse?path=<sandbox dir>` (briefs/chronos-wire-ext.md),
 * which names the agent and directory directly; a run without one (a Metronome run) is found on
 * the master by its task id, exactly as `tsmesos task cat` finds a task (task-sandbox.ts).
 */
import { AgentFilesClient } from '../client/agent-files.js';
import type { JobRun } from '../client/chronos-types.js';
import type { CliContext } from './context.js';
import { UserError } from './errors.js';
import { findSandbox, resolveOnMaster } from './task-sandbox.js';

export interface RunSandbox {
  agentUrl: string;
  directory: string;
  files: Pick<AgentFilesClient, 'size' | 'read'>;
}

/**
 * `--run` by id or unique prefix; else the newest run that got a task (runs come newest first), or
 * with `waiting` (`--follow`) the newest run that is not skipped, even if it has no task yet.
 */
export function pickRun(runs: JobRun[], job: string, runId?: string, waiting = false): JobRun {
  if (runId !== undefined) {
    const exact = runs.find((r) => r.runId === runId);
    const hits = exact ? [exact] : runs.filter((r) => r.runId.startsWith(runId));
    if (hits.length === 1) return hits[0]!;
    if (hits.length > 1) throw new UserError(`${hits.length} runs of ${job} start with ${JSON.stringify(runId)}`, 'give more of the run id');
    throw new UserError(`no run ${JSON.stringify(runId)} of ${job}`, `see \`tsmesos job history ${job}\` for its runs`);
  }
  const run = waiting ? runs.find((r) => r.status !== 'skipped') : runs.find((r) => r.taskId);
  if (run) return run;
  throw new UserError(`job ${job} has not run yet`, `start it with \`tsmesos job run ${job}\``);
}

/** The agent origin and directory of a `/files/browse?path=` link; undefined when it is not one. */
export function parseSandboxLink(link: string | null | undefined): { agentUrl: string; directory: string } | undefined {
  if (!link) return undefined;
  try {
    const u = new URL(link);
    const directory = u.searchParams.get('path');
    if (!directory || !/^https?:$/.test(u.protocol)) return undefined;
    return { agentUrl: `${u.origin}${u.pathname.replace(/\/files\/browse(\.json)?$/, '')}`, directory };
  } catch {
    return undefined;
  }
}

/** The run's sandbox, or undefined while it has none (not started yet). */
export async function runSandbox(ctx: CliContext, run: JobRun, master?: string): Promise<RunSandbox | undefined> {
  const link = parseSandboxLink(run.sandbox);
  if (link) {
    const hint = `is the agent${run.host ? ` on ${run.host}` : ''} (${link.agentUrl}) running and reachable from here? check \`tsmesos agent list\``;
    return { ...link, files: new AgentFilesClient(link.agentUrl, { unreachableHint: hint }) };
  }
  if (!run.taskId || run.status === 'queued') return undefined;
  const { state, ref } = await resolveOnMaster(ctx, run.taskId, { master });
  const sb = await findSandbox(state, ref);
  return sb ? { agentUrl: sb.agentUrl, directory: sb.directory, files: sb.files } : undefined;
}
