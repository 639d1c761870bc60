import { describe, expect, it } from 'vitest';
import { sampleView } from '../legacy/sample-cluster.test-helpers.js';
import { getAgents, getExecutors, getFrameworks, getState, getTasks } from './state.js';
import { v1AgentInfo } from './agent.js';

type Row = Record<string, unknown>;

describe('v1 state calls', () => {
  const view = sampleView();

  it('GET_STATE bundles the four state bodies', () => {
    const out = getState(view);
    expect(out.type).toBe('GET_STATE');
    expect(Object.keys(out.get_state as Row).sort()).toEqual(['get_agents', 'get_executors', 'get_frameworks', 'get_tasks']);
  });

  it('GET_AGENTS reports agents with nanosecond times and v1 resources', () => {
    const body = getAgents(view).get_agents as { agents: Row[]; recovered_agents: unknown[] };
    expect(body.recovered_agents).toEqual([]);
    const a0 = body.agents[0]!;
    expect(a0).toMatchObject({
      active: true,
      deactivated: false,
      version: '1.11.0',
      pid: 'slave(1)@10.0.0.5:5051',
      registered_time: { nanoseconds: 900250000000 },
      capabilities: [{ type: 'MULTI_ROLE' }, { type: 'HIERARCHICAL_ROLE' }],
      resource_providers: [],
    });
    expect(a0.agent_info).toMatchObject({ hostname: 'agent0', port: 5051, id: { value: 'M-S0' } });
    expect(a0.allocated_resources).toContainEqual(expect.objectContaining({ name: 'cpus', scalar: { value: 1.6 } }));
    expect(a0.offered_resources).toContainEqual(expect.objectContaining({ name: 'cpus', scalar: { value: 1 } }));
    expect(body.agents[1]).toMatchObject({ active: false, deactivated: true });
  });

  it('v1AgentInfo carries the id and v1 attributes', () => {
    const info = v1AgentInfo(view.agents.get('M-S0')!);
    expect(info.id).toEqual({ value: 'M-S0' });
    expect(info.attributes).toContainEqual({ name: 'zone', type: 'SCALAR', scalar: { value: 2 } });
  });

  it('GET_FRAMEWORKS reports framework_info with id, times and offers', () => {
    const body = getFrameworks(view).get_frameworks as { frameworks: Row[]; completed_frameworks: Row[] };
    const f0 = body.frameworks[0]!;
    expect(f0).toMatchObject({
      framework_info: { id: { value: 'M-0000' }, name: 'fw-M-0000', user: 'root' },
      active: true,
      connected: true,
      recovered: false,
      registered_time: { nanoseconds: 1000500000000 },
      inverse_offers: [],
    });
    expect(f0).not.toHaveProperty('unregistered_time');
    expect((f0.offers as Row[]).map((o) => o.id)).toEqual([{ value: 'M-O0' }]);
    expect(body.frameworks[1]).toMatchObject({ unregistered_time: { nanoseconds: 1030000000000 }, connected: false });
    expect(body.completed_frameworks.map((f) => (f.framework_info as Row).id)).toEqual([{ value: 'M-0002' }]);
  });

  it('GET_TASKS splits live, unreachable and completed tasks', () => {
    const body = getTasks(view).get_tasks as Record<string, Row[]>;
    const ids = (list: Row[]) => list.map((t) => (t.task_id as { value: string }).value).sort();
    expect(ids(body.tasks!)).toEqual(['t-exec', 't-run']);
    expect(ids(body.unreachable_tasks!)).toEqual(['t-unreach']);
    expect(ids(body.completed_tasks!)).toEqual(['t-done', 't-old']);
  });

  it('GET_EXECUTORS lists executors with their agent', () => {
    expect(getExecutors(view)).toEqual({
      type: 'GET_EXECUTORS',
      get_executors: {
        executors: [
          {
            executor_info: expect.objectContaining({ executor_id: { value: 'e1' }, framework_id: { value: 'M-0000' } }),
            agent_id: { value: 'M-S0' },
          },
        ],
      },
    });
  });
});
