/**
 * The seam between the agent and whatever runs tasks (style-guide convention 5). The process and
 * Docker containerizers of the agent issues implement it; `FakeContainerizer` runs nothing.
 */
import type { TaskInfoV1, TaskStatusV1 } from '../../protocol/v1/types.js';

/** A status the containerizer reports; the agent adds uuid, agent id, source and timestamp. */
export type ContainerStatus = Pick<TaskStatusV1, 'state' | 'message' | 'reason' | 'healthy'>;

export interface Containerizer {
  launch(frameworkId: string, task: TaskInfoV1, report: (s: ContainerStatus) => void): void;
  /** Kills the task; `gracePeriodMs` is the kill policy's grace before a forced kill. */
  kill(frameworkId: string, taskId: string, gracePeriodMs?: number): void;
  /** Live tasks, for re-registration reports. */
  running(): Array<{ frameworkId: string; task: TaskInfoV1; state: TaskStatusV1['state'] }>;
}
