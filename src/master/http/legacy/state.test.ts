import { describe, expect, it } from 'vitest';
import { makeView } from './fixtures.test-helpers.js';
import { sampleView } from './sample-cluster.test-helpers.js';
import { renderState } from './state.js';

describe('renderState', () => {
  it('has every top-level key of /master/state', () => {
    const out = renderState(sampleView());
    expect(Object.keys(out).sort()).toEqual(
      [
        'version', 'git_tag', 'build_date', 'build_time', 'build_user', 'start_time', 'elected_time', 'id', 'pid',
        'hostname', 'capabilities', 'activated_slaves', 'deactivated_slaves', 'unreachable_slaves', 'leader',
        'leader_info', 'cluster', 'flags', 'slaves', 'recovered_slaves', 'frameworks', 'completed_frameworks',
        'orphan_tasks', 'unregistered_frameworks',
      ].sort(),
    );
  });

  it('fills identity, counts and leader from the view', () => {
    const out = renderState(sampleView());
    expect(out).toMatchObject({
      version: '1.11.0',
      id: 'M',
      pid: 'master@10.0.0.1:5050',
      hostname: 'master1',
      start_time: 500,
      elected_time: 501,
      capabilities: ['AGENT_UPDATE', 'QUOTA_V2'],
      activated_slaves: 1,
      deactivated_slaves: 1,
      unreachable_slaves: 1,
      leader: 'master@10.0.0.1:5050',
      cluster: 'test-cluster',
      flags: { port: '5050', cluster: 'test-cluster', work_dir: '/tmp/m' },
      recovered_slaves: [],
      orphan_tasks: [],
      unregistered_frameworks: [],
    });
    expect((out.leader_info as { id: string }).id).toBe('M');
    expect(typeof out.build_time).toBe('number');
  });

  it('lists agents, live frameworks and completed frameworks', () => {
    const out = renderState(sampleView());
    expect((out.slaves as Array<{ id: string }>).map((s) => s.id)).toEqual(['M-S0', 'M-S1']);
    expect((out.frameworks as Array<{ id: string }>).map((f) => f.id)).toEqual(['M-0000', 'M-0001']);
    expect((out.completed_frameworks as Array<{ id: string }>).map((f) => f.id)).toEqual(['M-0002']);
  });

  it('omits leader fields when not elected, and empty collections stay arrays', () => {
    const out = renderState(makeView({ elected: false, flags: {} }));
    expect(out).not.toHaveProperty('leader');
    expect(out).not.toHaveProperty('leader_info');
    expect(out).not.toHaveProperty('cluster');
    expect(out).toMatchObject({ slaves: [], frameworks: [], completed_frameworks: [], activated_slaves: 0 });
  });

  it('is plain JSON (round-trips through JSON.stringify)', () => {
    const out = renderState(sampleView());
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });
});
