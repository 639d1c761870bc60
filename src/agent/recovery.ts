/**
 * Agent recovery (mesos-api.md §7 "Checkpointing", `docs/agent-recovery.md`): after a restart with
 * the same work_dir the agent reads its checkpoints, lets each containerizer re-adopt its running
 * containers, re-queues unacknowledged updates and re-registers with the same agent id and its
 * tasks. With `--recover=cleanup` it kills what it finds instead. A missing `meta/slaves/latest`
 * (e.g. a reboot that wiped it) means a new agent.
 */
import { unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { Resources } from '../protocol/resources/index.js';
import { isTerminal } from '../protocol/v1/types.js';
import type { Agent } from './agent.js';
import type { AgentExecutor, AgentTask } from './model.js';
import { latestAgentId, metaRoot } from './paths.js';
import { startTaskChecks } from './task-checks.js';
import { killTask, watchContainer } from './task-runner.js';

export interface RecoveryResult {
  agentId?: string;
  /** Tasks found still running (or killed, with cleanup). */
  recovered: number;
  /** Tasks whose container could not be found; they were reported failed. */
  lost: number;
}

export async function recoverAgent(agent: Agent, mode: 'reconnect' | 'cleanup'): Promise<RecoveryResult> {
  const agentId = latestAgentId(agent.config.workDir);
  if (!agentId) return { recovered: 0, lost: 0 };
  agent.id = agentId;
  const found: Array<{ ex: AgentExecutor; task: AgentTask; containerId: string; metaDir: string }> = [];
  for (const rf of agent.checkpoints()!.load()) {
    const fw = agent.ensureFramework(rf.info);
    for (const re of rf.executors) {
      const run = re.run;
      if (!run) continue;
      const live = re.tasks.filter((t) => !isTerminal(t.state) || t.pending.length > 0);
      if (live.length === 0) continue;
      const ex: AgentExecutor = {
        executorId: re.info.executor_id.value,
        frameworkId: fw.id,
        info: re.info,
        containerId: run.containerId,
        directory: run.sandbox,
        resources: Resources.fromV1(re.info.resources ?? []),
        tasks: new Map(),
        completedTasks: [],
        containerizer: run.containerizer,
      };
      fw.executors.set(ex.executorId, ex);
      agent.metaDirs.set(run.containerId, run.metaDir);
      for (const tc of live) {
        const task: AgentTask = { taskId: tc.info.task_id.value, frameworkId: fw.id, executorId: ex.executorId, info: tc.info, resources: Resources.fromV1(tc.info.resources ?? []), state: tc.state, statuses: tc.statuses };
        ex.tasks.set(task.taskId, task);
        for (const status of tc.pending) agent.updates.enqueue({ frameworkId: fw.id, status });
        const cid = run.containers?.[task.taskId] ?? run.containerId;
        agent.containerOf.set(`${fw.id}/${task.taskId}`, cid);
        if (!isTerminal(task.state)) found.push({ ex, task, containerId: cid, metaDir: cid === run.containerId ? run.metaDir : join(run.metaDir, 'containers', cid) });
      }
    }
  }
  let recovered = 0;
  let lost = 0;
  for (const c of agent.containerizers) {
    const mine = found.filter((f) => f.ex.containerizer === c.name);
    if (mine.length === 0) continue;
    let adopted: string[] = [];
    try {
      adopted = await c.recover(mine.map((f) => ({ containerId: f.containerId, metaDir: f.metaDir, sandbox: f.ex.directory })));
    } catch (err) {
      agent.counters.recoveryErrors++;
      agent.log.error({ err, containerizer: c.name }, 'containerizer recovery failed');
    }
    for (const f of mine) {
      const fw = agent.frameworks.get(f.task.frameworkId)!;
      if (adopted.includes(f.containerId)) {
        recovered++;
        agent.launched.add(f.containerId);
        watchContainer(agent, fw, f.ex, f.task, c, f.containerId);
        if (mode === 'cleanup') killTask(agent, fw.id, f.task.taskId, 0, { message: 'Killed by agent recovery (--recover=cleanup)' });
        else if (f.task.state === 'TASK_RUNNING') startTaskChecks(agent, f.ex, f.task, f.ex.directory, {});
      } else {
        lost++;
        agent.counters.recoveryErrors++;
        agent.sendStatus(f.task, f.ex, 'TASK_FAILED', { message: 'The container could not be recovered after the agent restarted', reason: 'REASON_EXECUTOR_TERMINATED' });
      }
    }
  }
  for (const c of agent.containerizers) if (!found.some((f) => f.ex.containerizer === c.name)) await c.recover([]).catch(() => []);
  agent.log.info({ agentId, recovered, lost, mode }, 'agent recovered');
  return { agentId, recovered, lost };
}

/** After `--recover=cleanup`: forget the agent id so the next start registers a new agent. */
export function forgetAgent(workDir: string): void {
  try {
    unlinkSync(join(metaRoot(workDir), 'slaves', 'latest'));
  } catch {
    /* nothing to forget */
  }
}
