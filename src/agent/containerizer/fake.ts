/**
 * A containerizer that runs nothing: a task becomes TASK_STARTING then TASK_RUNNING at once and stays
 * running until killed, unless its behaviour says otherwise. Lets the master, its tests and the
 * benchmarks run without real processes.
 */
import type { TaskInfoV1, TaskStatusV1 } from '../../protocol/v1/types.js';
import type { ContainerStatus, Containerizer } from './containerizer.js';

export interface FakeBehaviour {
  /** Stay TASK_STARTING this many ms before TASK_RUNNING (a stand-in for a container start); default 0. */
  startAfterMs?: number;
  /** Finish on its own after this many ms with TASK_FINISHED (exit 0) or TASK_FAILED. */
  exitAfterMs?: number;
  exitCode?: number;
}

interface FakeTask {
  frameworkId: string;
  task: TaskInfoV1;
  state: TaskStatusV1['state'];
  report: (s: ContainerStatus) => void;
  timer?: NodeJS.Timeout;
}

export class FakeContainerizer implements Containerizer {
  private readonly tasks = new Map<string, FakeTask>();

  constructor(private readonly behaviour: (task: TaskInfoV1) => FakeBehaviour = () => ({})) {}

  launch(frameworkId: string, task: TaskInfoV1, report: (s: ContainerStatus) => void): void {
    const key = `${frameworkId}/${task.task_id.value}`;
    const t: FakeTask = { frameworkId, task, state: 'TASK_STARTING', report };
    this.tasks.set(key, t);
    report({ state: 'TASK_STARTING' });
    const b = this.behaviour(task);
    const run = () => {
      t.state = 'TASK_RUNNING';
      report({ state: 'TASK_RUNNING' });
      if (b.exitAfterMs === undefined) return;
      t.timer = setTimeout(() => {
        this.tasks.delete(key);
        const code = b.exitCode ?? 0;
        report(code === 0 ? { state: 'TASK_FINISHED', message: 'Command exited with status 0' } : { state: 'TASK_FAILED', message: `Command exited with status ${code}` });
      }, b.exitAfterMs);
      t.timer.unref();
    };
    if (!b.startAfterMs) return run();
    t.timer = setTimeout(run, b.startAfterMs);
  }

  kill(frameworkId: string, taskId: string): void {
    const key = `${frameworkId}/${taskId}`;
    const t = this.tasks.get(key);
    if (!t) return;
    clearTimeout(t.timer);
    this.tasks.delete(key);
    t.report({ state: 'TASK_KILLED', message: 'Command terminated with signal Terminated' });
  }

  running(): Array<{ frameworkId: string; task: TaskInfoV1; state: TaskStatusV1['state'] }> {
    return [...this.tasks.values()].map(({ frameworkId, task, state }) => ({ frameworkId, task, state }));
  }
}
