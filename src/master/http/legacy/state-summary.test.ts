import { describe, expect, it } from 'vitest';
import { sampleView } from './sample-cluster.test-helpers.js';
import { renderStateSummary, SUMMARY_STATES } from './state-summary.js';

type Row = Record<string, unknown>;

describe('renderStateSummary', () => {
  const out = renderStateSummary(sampleView());
  const slaves = out.slaves as Row[];
  const frameworks = out.frameworks as Row[];

  it('has hostname, cluster and the two lists', () => {
    expect(out).toMatchObject({ hostname: 'master1', cluster: 'test-cluster' });
    expect(slaves).toHaveLength(2);
    expect(frameworks.map((f) => f.id)).toEqual(['M-0000', 'M-0001']);
  });

  it('gives agents the SlaveWriter keys, per-state counts and framework_ids', () => {
    const s0 = slaves.find((s) => s.id === 'M-S0')!;
    for (const key of ['hostname', 'pid', 'resources', 'used_resources', 'offered_resources', 'active', ...SUMMARY_STATES]) {
      expect(s0, key).toHaveProperty(key);
    }
    expect(s0).toMatchObject({ TASK_RUNNING: 1, TASK_STAGING: 1, TASK_FINISHED: 1, TASK_UNREACHABLE: 0, framework_ids: ['M-0000'] });
    const s1 = slaves.find((s) => s.id === 'M-S1')!;
    expect(s1).toMatchObject({ TASK_UNREACHABLE: 1, TASK_RUNNING: 0, framework_ids: ['M-0000'] });
  });

  it('gives frameworks summary keys, counts and slave_ids, without task lists', () => {
    const f0 = frameworks[0]!;
    expect(f0).toMatchObject({
      id: 'M-0000',
      name: 'fw-M-0000',
      active: true,
      connected: true,
      TASK_RUNNING: 1,
      TASK_STAGING: 1,
      TASK_FINISHED: 1,
      TASK_UNREACHABLE: 1,
      TASK_KILLED: 0,
      slave_ids: ['M-S0', 'M-S1'],
    });
    expect(f0).not.toHaveProperty('tasks');
    expect(frameworks[1]).toMatchObject({ TASK_RUNNING: 0, slave_ids: [] });
  });
});
