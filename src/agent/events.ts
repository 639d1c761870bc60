/** What the agent does with each event the master sends on its stream (see `src/protocol/agent-protocol.ts`). */
import type { AgentEvent } from '../protocol/agent-protocol.js';
import type { Agent } from './agent.js';
import { graceMs, killTask, launchGroup, launchTask, shutdownFramework } from './task-runner.js';

export function handleEvent(agent: Agent, e: AgentEvent): void {
  switch (e.type) {
    case 'RUN_TASK':
      launchTask(agent, e.run_task.framework, e.run_task.task);
      break;
    case 'RUN_TASK_GROUP':
      launchGroup(agent, e.run_task_group.framework, e.run_task_group.executor, e.run_task_group.task_group.tasks);
      break;
    case 'KILL_TASK':
      killTask(agent, e.kill_task.framework_id.value, e.kill_task.task_id.value, e.kill_task.kill_policy ? graceMs(e.kill_task.kill_policy) : undefined);
      break;
    case 'ACKNOWLEDGE':
      agent.acknowledged(e.acknowledge.framework_id.value, e.acknowledge.task_id.value, e.acknowledge.uuid);
      break;
    case 'SHUTDOWN_FRAMEWORK':
      shutdownFramework(agent, e.shutdown_framework.framework_id.value);
      break;
    case 'SHUTDOWN_EXECUTOR': {
      const fw = agent.frameworks.get(e.shutdown_executor.framework_id.value);
      const ex = fw?.executors.get(e.shutdown_executor.executor_id.value);
      for (const t of [...(ex?.tasks.values() ?? [])]) killTask(agent, fw!.id, t.taskId);
      break;
    }
    case 'MESSAGE':
      agent.log.debug({ executorId: e.message.executor_id.value }, 'framework message dropped: no custom executors');
      break;
    case 'SHUTDOWN':
      agent.log.warn({ message: e.shutdown.message }, 'the master asked this agent to shut down');
      break;
    default:
      break;
  }
}
