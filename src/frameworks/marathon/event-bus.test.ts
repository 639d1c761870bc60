import { describe, expect, it } from 'vitest';
import { conditionOf, EVENT_TYPES, EventBus, passesFilter, sseFrame } from './event-bus.js';

describe('event bus', () => {
  it('stamps eventType and an ISO timestamp on every event and counts them', () => {
    const bus = new EventBus(() => Date.parse('2026-01-02T03:04:05.678Z'));
    const seen: unknown[] = [];
    bus.on('event', (e) => seen.push(e));
    const e = bus.publish('app_terminated_event', { appId: '/a' });
    expect(e).toEqual({ appId: '/a', eventType: 'app_terminated_event', timestamp: '2026-01-02T03:04:05.678Z' });
    expect(seen).toEqual([e]);
    expect(bus.published()).toEqual({ app_terminated_event: 1 });
  });

  it('frames SSE messages as a named event plus data lines and a blank line', () => {
    const frame = sseFrame({ eventType: 'deployment_success', timestamp: 't', id: 'd1' });
    expect(frame).toBe('event: deployment_success\ndata: {"eventType":"deployment_success","timestamp":"t","id":"d1"}\n\n');
  });

  it('filters by event_type, empty = everything', () => {
    expect(passesFilter(new Set(), 'x')).toBe(true);
    expect(passesFilter(new Set(['a']), 'a')).toBe(true);
    expect(passesFilter(new Set(['a']), 'b')).toBe(false);
  });

  it('knows the upstream event types and conditions', () => {
    for (const t of ['status_update_event', 'instance_changed_event', 'unhealthy_instance_kill_event', 'deployment_failed', 'event_stream_detached']) expect(EVENT_TYPES).toContain(t);
    expect(conditionOf('TASK_RUNNING')).toBe('Running');
    expect(conditionOf('TASK_LOST')).toBe('Unreachable');
    expect(conditionOf('NONSENSE')).toBe('Unknown');
  });
});
