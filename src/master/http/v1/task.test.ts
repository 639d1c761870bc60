import { describe, expect, it } from 'vitest';
import { makeTask, status } from '../legacy/fixtures.test-helpers.js';
import { sampleView } from '../legacy/sample-cluster.test-helpers.js';
import { v1Offer } from './offer.js';
import { v1Task } from './task.js';

describe('v1Task', () => {
  it('wraps ids, uses agent naming and v1 resources', () => {
    const out = v1Task(makeTask({ taskId: 't1' }));
    expect(out).toMatchObject({
      name: 'name-t1',
      task_id: { value: 't1' },
      framework_id: { value: 'M-0000' },
      agent_id: { value: 'M-S0' },
      state: 'TASK_RUNNING',
    });
    expect(out).not.toHaveProperty('executor_id');
    expect(out).not.toHaveProperty('slave_id');
    expect(out.resources).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'cpus', type: 'SCALAR', scalar: { value: 0.5 } })]),
    );
  });

  it('wraps the executor id when there is one', () => {
    expect(v1Task(makeTask({ taskId: 't1', executorId: 'e1' })).executor_id).toEqual({ value: 'e1' });
  });

  it('keeps v1 statuses (float-second timestamps) without data, and tracks the unacknowledged update', () => {
    const out = v1Task(
      makeTask({ taskId: 't1', statuses: [status('t1', 'TASK_RUNNING', 12.5, { uuid: 'hTaLQ0b5Q1OZuab7QclTKQ==', data: 'eA==' })] }),
    );
    expect(out.statuses).toEqual([
      { task_id: { value: 't1' }, state: 'TASK_RUNNING', timestamp: 12.5, source: 'SOURCE_EXECUTOR', uuid: 'hTaLQ0b5Q1OZuab7QclTKQ==' },
    ]);
    expect(out).toMatchObject({ status_update_state: 'TASK_RUNNING', status_update_uuid: 'hTaLQ0b5Q1OZuab7QclTKQ==' });
  });

  it('keeps labels in v1 form and passes container/discovery/health_check through', () => {
    const t = makeTask({ taskId: 't1' });
    t.info.labels = { labels: [{ key: 'a', value: 'b' }] };
    t.info.container = { type: 'MESOS' };
    t.info.health_check = { type: 'TCP' };
    t.info.discovery = { visibility: 'EXTERNAL' };
    expect(v1Task(t)).toMatchObject({
      labels: { labels: [{ key: 'a', value: 'b' }] },
      container: { type: 'MESOS' },
      health_check: { type: 'TCP' },
      discovery: { visibility: 'EXTERNAL' },
    });
  });
});

describe('v1Offer', () => {
  it('has the scheduler OFFERS shape with resources allocated to the offer role', () => {
    const view = sampleView();
    const out = v1Offer(view.offers.get('M-O0')!, view);
    expect(out).toMatchObject({
      id: { value: 'M-O0' },
      framework_id: { value: 'M-0000' },
      agent_id: { value: 'M-S0' },
      hostname: 'agent0',
      url: { scheme: 'http', address: { hostname: 'agent0', ip: '10.0.0.5', port: 5051 }, path: '/slave(1)' },
      allocation_info: { role: 'dev' },
      executor_ids: [{ value: 'e1' }],
    });
    const resources = out.resources as Array<Record<string, unknown>>;
    expect(resources.length).toBeGreaterThan(0);
    for (const r of resources) expect(r.allocation_info).toEqual({ role: 'dev' });
    expect(resources).toContainEqual(expect.objectContaining({ name: 'ports', type: 'RANGES', ranges: { range: [{ begin: 31001, end: 31010 }] } }));
    expect(out.attributes).toContainEqual({ name: 'rack', type: 'TEXT', text: { value: 'r1' } });
  });
});
