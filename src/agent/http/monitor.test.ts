import { describe, expect, it } from 'vitest';
import type { AgentView } from '../model.js';
import { makeExecutor, makeFramework, makeTask, makeView } from './fixtures.test-helpers.js';
import { collectUsage, renderContainers, renderMonitorStatistics } from './monitor.js';

const execs = ['a', 'b', 'c'].map((id) => makeExecutor({ executorId: id, directory: `/w/${id}`, tasks: new Map([[id, makeTask({ taskId: id })]]) }));
const fw = makeFramework({ id: 'M1-0000', executors: new Map(execs.map((e) => [e.executorId, e])) });

describe('collectUsage', () => {
  it('samples all containers in parallel and survives a failing one', async () => {
    let inFlight = 0;
    let peak = 0;
    const view: AgentView = {
      ...makeView({ frameworks: new Map([['M1-0000', fw]]) }),
      usage: async (cid) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 20));
        inFlight--;
        if (cid === 'c-b') throw new Error('gone');
        return cid === 'c-c' ? undefined : { timestamp: 5, mem_rss_bytes: 10 };
      },
    };
    const usage = await collectUsage(view);
    expect(peak).toBe(3);
    expect(usage.map((u) => [u.executor.executorId, u.statistics?.mem_rss_bytes])).toEqual([['a', 10], ['b', undefined], ['c', undefined]]);

    expect(renderMonitorStatistics(usage)).toEqual([
      { executor_id: 'a', executor_name: 'Command Executor (Task: a)', framework_id: 'M1-0000', source: 'a', statistics: { timestamp: 5, mem_rss_bytes: 10 } },
    ]);
    const containers = renderContainers(usage);
    expect(containers).toHaveLength(3);
    expect(containers[0]).toMatchObject({ container_id: 'c-a', executor_id: 'a', framework_id: 'M1-0000', statistics: { timestamp: 5 }, status: { container_id: { value: 'c-a' } } });
    expect(containers[1]).not.toHaveProperty('statistics');
  });
});
