/**
 * The agent ⇄ master protocol of tsmesos (DESIGN.md "How data flows" 1): the agent POSTs SUBSCRIBE to
 * `/api/v1/agent` and keeps the streaming RecordIO response open, exactly like a v1 scheduler; the
 * master sends it events on that stream. Other calls go on separate requests carrying
 * `Mesos-Stream-Id`. Upstream uses internal libprocess messages here, which we deliberately do not
 * copy; the payloads reuse v1 JSON shapes so tasks and statuses pass through unchanged.
 */
import type {
  AgentInfoV1,
  ExecutorInfoV1,
  FrameworkInfoV1,
  IdV1,
  MasterInfoV1,
  TaskInfoV1,
  TaskStateName,
  TaskStatusV1,
} from './v1/types.js';

/** A task as the agent reports it when (re)subscribing. */
export interface AgentTaskReport {
  framework_id: IdV1;
  task: TaskInfoV1;
  state: TaskStateName;
  /** Latest status the agent holds for it. */
  status?: TaskStatusV1;
  executor_id?: IdV1;
}

export type AgentCall =
  | {
      type: 'SUBSCRIBE';
      subscribe: {
        /** Carries `id` when re-registering. */
        agent_info: AgentInfoV1;
        version?: string;
        capabilities?: Array<{ type: string }>;
        tasks?: AgentTaskReport[];
        frameworks?: FrameworkInfoV1[];
        executors?: Array<{ framework_id: IdV1; executor: ExecutorInfoV1 }>;
      };
    }
  | { type: 'UPDATE'; agent_id: IdV1; update: { framework_id: IdV1; status: TaskStatusV1 } }
  | { type: 'PONG'; agent_id: IdV1 }
  | { type: 'UNREGISTER'; agent_id: IdV1 };

export type AgentEvent =
  | {
      type: 'SUBSCRIBED';
      subscribed: { agent_id: IdV1; master_info: MasterInfoV1; ping_interval_seconds: number };
    }
  | { type: 'RUN_TASK'; run_task: { framework: FrameworkInfoV1; task: TaskInfoV1 } }
  | {
      type: 'RUN_TASK_GROUP';
      run_task_group: { framework: FrameworkInfoV1; executor: ExecutorInfoV1; task_group: { tasks: TaskInfoV1[] } };
    }
  | {
      type: 'KILL_TASK';
      kill_task: { framework_id: IdV1; task_id: IdV1; kill_policy?: TaskInfoV1['kill_policy'] };
    }
  | { type: 'ACKNOWLEDGE'; acknowledge: { framework_id: IdV1; task_id: IdV1; uuid: string } }
  | { type: 'SHUTDOWN_FRAMEWORK'; shutdown_framework: { framework_id: IdV1 } }
  | { type: 'SHUTDOWN_EXECUTOR'; shutdown_executor: { framework_id: IdV1; executor_id: IdV1 } }
  | { type: 'MESSAGE'; message: { framework_id: IdV1; executor_id: IdV1; data: string } }
  | { type: 'PING' }
  /** The master removed this agent (unreachable then gone, or shut down): stop and re-register anew. */
  | { type: 'SHUTDOWN'; shutdown: { message: string } };

export const AGENT_API_PATH = '/api/v1/agent';
