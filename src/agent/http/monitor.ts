/**
 * `/monitor/statistics` and `/containers` on the agent (upstream `Http::statistics` and
 * `Http::containers` in `src/slave/http.cpp`, `ResourceMonitor` in `src/slave/monitor.cpp`): one
 * entry per live executor with its container's ResourceStatistics. Usage is sampled for all
 * containers in parallel, so one slow containerizer query does not serialise the whole answer.
 */
import type { AgentExecutor, AgentView } from '../model.js';
import type { ResourceStatistics } from '../containerizer/types.js';
import { executorName, executorSource } from './legacy/framework.js';

export interface ExecutorUsage {
  executor: AgentExecutor;
  /** Undefined when the containerizer could not say (container gone, sampling failed). */
  statistics?: ResourceStatistics;
}

/** Samples every live executor's container; a failed sample is reported as unknown, never thrown. */
export async function collectUsage(view: AgentView): Promise<ExecutorUsage[]> {
  const execs = [...view.frameworks.values()].flatMap((fw) => [...fw.executors.values()]);
  return Promise.all(
    execs.map(async (executor) => {
      try {
        const statistics = await view.usage(executor.containerId);
        return statistics === undefined ? { executor } : { executor, statistics };
      } catch {
        return { executor };
      }
    }),
  );
}

/**
 * `/monitor/statistics` body. Executors without a sample are left out, as upstream leaves out
 * containers whose usage it could not collect; clients join on `(framework_id, executor_id)`.
 */
export function renderMonitorStatistics(usage: readonly ExecutorUsage[]): Array<Record<string, unknown>> {
  return usage.flatMap(({ executor: e, statistics }) =>
    statistics === undefined
      ? []
      : [{ executor_id: e.executorId, executor_name: executorName(e), framework_id: e.frameworkId, source: executorSource(e), statistics }],
  );
}

/** `/containers` body: every live container, with `statistics` when sampled and a v1-ish `status`. */
export function renderContainers(usage: readonly ExecutorUsage[]): Array<Record<string, unknown>> {
  return usage.map(({ executor: e, statistics }) => {
    const out: Record<string, unknown> = {
      container_id: e.containerId,
      executor_id: e.executorId,
      executor_name: executorName(e),
      framework_id: e.frameworkId,
      source: executorSource(e),
    };
    if (statistics !== undefined) out.statistics = statistics;
    out.status = { container_id: { value: e.containerId } };
    return out;
  });
}
