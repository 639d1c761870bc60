import { describe, expect, it } from 'vitest';
import { status } from '../legacy/fixtures.test-helpers.js';
import { sampleView } from '../legacy/sample-cluster.test-helpers.js';
import {
  agentAddedEvent,
  agentRemovedEvent,
  frameworkAddedEvent,
  frameworkRemovedEvent,
  frameworkUpdatedEvent,
  subscribedEvent,
  taskAddedEvent,
  taskUpdatedEvent,
} from './events.js';
import { offerEvent } from './offer-event.js';

describe('operator SUBSCRIBE events', () => {
  const view = sampleView();
  const fw = view.frameworks.get('M-0000')!;
  const task = fw.tasks.get('t-run')!;

  it('SUBSCRIBED carries a full state snapshot and the heartbeat interval', () => {
    const out = subscribedEvent(view, 15) as { type: string; subscribed: Record<string, unknown> };
    expect(out.type).toBe('SUBSCRIBED');
    expect(out.subscribed.heartbeat_interval_seconds).toBe(15);
    expect(Object.keys(out.subscribed.get_state as object).sort()).toEqual(['get_agents', 'get_executors', 'get_frameworks', 'get_tasks']);
  });

  it('TASK_ADDED wraps a v1 task', () => {
    expect(taskAddedEvent(task)).toMatchObject({ type: 'TASK_ADDED', task_added: { task: { task_id: { value: 't-run' } } } });
  });

  it('TASK_UPDATED has framework_id, the status and the latest state', () => {
    const s = status('t-run', 'TASK_RUNNING', 1010);
    expect(taskUpdatedEvent(task, s)).toEqual({
      type: 'TASK_UPDATED',
      task_updated: { framework_id: { value: 'M-0000' }, status: s, state: 'TASK_RUNNING' },
    });
  });

  it('AGENT_ADDED / AGENT_REMOVED', () => {
    expect(agentAddedEvent(view.agents.get('M-S0')!, view)).toMatchObject({
      type: 'AGENT_ADDED',
      agent_added: { agent: { agent_info: { id: { value: 'M-S0' } }, registered_time: { nanoseconds: 900250000000 } } },
    });
    expect(agentRemovedEvent('M-S0')).toEqual({ type: 'AGENT_REMOVED', agent_removed: { agent_id: { value: 'M-S0' } } });
  });

  it('FRAMEWORK_ADDED / UPDATED / REMOVED', () => {
    expect(frameworkAddedEvent(fw, view)).toMatchObject({
      type: 'FRAMEWORK_ADDED',
      framework_added: { framework: { framework_info: { id: { value: 'M-0000' } }, active: true } },
    });
    expect(frameworkUpdatedEvent(fw, view)).toMatchObject({ type: 'FRAMEWORK_UPDATED', framework_updated: { framework: { connected: true } } });
    expect(frameworkRemovedEvent(fw)).toMatchObject({
      type: 'FRAMEWORK_REMOVED',
      framework_removed: { framework_info: { id: { value: 'M-0000' }, name: 'fw-M-0000' } },
    });
  });

  it('TSMESOS_OFFER (tsmesos extension) carries the action, the v1 offer and ids', () => {
    const offer = view.offers.get('M-O0')!;
    expect(offerEvent('DECLINED', offer, view, 1234.5)).toMatchObject({
      type: 'TSMESOS_OFFER',
      tsmesos_offer: {
        action: 'DECLINED',
        offer: { id: { value: 'M-O0' }, hostname: 'agent0', allocation_info: { role: 'dev' } },
        framework_id: { value: 'M-0000' },
        agent_id: { value: 'M-S0' },
        timestamp: 1234.5,
      },
    });
  });

  it('every event is plain JSON', () => {
    const e = subscribedEvent(view, 15);
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
  });
});
