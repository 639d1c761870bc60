/**
 * Wires a task's `health_check` and generalized `check` to the agent (mesos-api.md §5 "Health
 * checks"): health changes are sent as TASK_RUNNING updates with `healthy`; too many failures kill
 * the task; checks only report `check_status`.
 */
import { DockerContainerizer } from './containerizer/docker.js';
import { dockerCheckProber, dockerHealthProber } from './containerizer/docker-health.js';
import { startCheck, startHealthCheck } from './health/index.js';
import type { Agent } from './agent.js';
import type { AgentExecutor, AgentTask } from './model.js';
import { killTask } from './task-runner.js';

export function startTaskChecks(agent: Agent, ex: AgentExecutor, task: AgentTask, sandbox: string, env: Record<string, string>): void {
  const key = `${task.frameworkId}/${task.taskId}`;
  const list = agent.checks.get(key) ?? [];
  const ctx = { sandbox, env };
  const running = () => task.state === 'TASK_RUNNING';
  // Docker tasks are probed inside their container (COMMAND via exec, HTTP/TCP at its address).
  const cz = agent.containerizerNamed(ex.containerizer);
  const containerId = agent.containerOf.get(key);
  const docker = cz instanceof DockerContainerizer && containerId ? { cz, containerId } : undefined;
  if (task.info.health_check) {
    list.push(
      startHealthCheck(task.info.health_check as never, ctx, {
        onHealthChange: (healthy: boolean) => {
          if (running()) agent.sendStatus(task, ex, 'TASK_RUNNING', { healthy, reason: 'REASON_TASK_HEALTH_CHECK_STATUS_UPDATED' });
        },
        // Upstream's terminal update after a health kill is TASK_KILLED with healthy:false, the
        // termination's message and no reason; `message` here only goes to the log.
        onUnhealthyKill: (message: string) => {
          agent.log.info({ taskId: task.taskId, message }, 'killing a task that failed its health checks');
          killTask(agent, task.frameworkId, task.taskId, undefined, { healthy: false });
        },
      }, docker ? { prober: dockerHealthProber(docker.cz, docker.containerId, task.info.health_check as never, ctx) } : {}),
    );
  }
  if (task.info.check) {
    list.push(
      startCheck(task.info.check as never, ctx, (checkStatus: unknown) => {
        if (running()) agent.sendStatus(task, ex, 'TASK_RUNNING', { check_status: checkStatus as never, reason: 'REASON_TASK_CHECK_STATUS_UPDATED' });
      }, docker ? { prober: dockerCheckProber(docker.cz, docker.containerId, task.info.check as never, ctx) } : {}),
    );
  }
  if (list.length) agent.checks.set(key, list);
}
