/**
 * Operator API `SUBSCRIBE` stream events (upstream `Event` in `include/mesos/v1/master/master.proto`,
 * built by `protobuf::master::event::*` in `src/common/protobuf_utils.cpp`). The stream starts with
 * `SUBSCRIBED` (a full `GET_STATE` snapshot) so a watcher can apply the later deltas to it.
 */
import type { TaskStatusV1 } from '../../../protocol/v1/types.js';
import type { AgentRecord, FrameworkRecord, MasterView, TaskRecord } from '../../model.js';
import { v1Agent } from './agent.js';
import { v1Framework, v1FrameworkInfo } from './framework.js';
import { stateBody } from './state.js';
import { v1Task } from './task.js';
import { id } from './wire.js';

export function subscribedEvent(view: MasterView, heartbeatSeconds: number): Record<string, unknown> {
  return { type: 'SUBSCRIBED', subscribed: { get_state: stateBody(view), heartbeat_interval_seconds: heartbeatSeconds } };
}

export function taskAddedEvent(task: TaskRecord): Record<string, unknown> {
  return { type: 'TASK_ADDED', task_added: { task: v1Task(task) } };
}

/** `state` is the task's latest state, which can differ from `status.state` while updates queue up. */
export function taskUpdatedEvent(task: TaskRecord, status: TaskStatusV1): Record<string, unknown> {
  return {
    type: 'TASK_UPDATED',
    task_updated: { framework_id: id(task.frameworkId), status, state: task.state },
  };
}

export function agentAddedEvent(agent: AgentRecord, view: MasterView): Record<string, unknown> {
  return { type: 'AGENT_ADDED', agent_added: { agent: v1Agent(agent, view) } };
}

export function agentRemovedEvent(agentId: string): Record<string, unknown> {
  return { type: 'AGENT_REMOVED', agent_removed: { agent_id: id(agentId) } };
}

export function frameworkAddedEvent(fw: FrameworkRecord, view: MasterView): Record<string, unknown> {
  return { type: 'FRAMEWORK_ADDED', framework_added: { framework: v1Framework(fw, view) } };
}

export function frameworkUpdatedEvent(fw: FrameworkRecord, view: MasterView): Record<string, unknown> {
  return { type: 'FRAMEWORK_UPDATED', framework_updated: { framework: v1Framework(fw, view) } };
}

export function frameworkRemovedEvent(fw: FrameworkRecord): Record<string, unknown> {
  return { type: 'FRAMEWORK_REMOVED', framework_removed: { framework_info: v1FrameworkInfo(fw) } };
}

/** Heartbeats keep idle streams alive through proxies and let clients detect a dead master. */
export function heartbeatEvent(): Record<string, unknown> {
  return { type: 'HEARTBEAT' };
}
