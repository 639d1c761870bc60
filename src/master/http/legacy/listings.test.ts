import { describe, expect, it } from 'vitest';
import { sampleView } from './sample-cluster.test-helpers.js';
import { renderFlags, renderFrameworks, renderSlaves } from './listings.js';

const ids = (list: unknown) => (list as Array<{ id: string }>).map((x) => x.id);

describe('renderFrameworks', () => {
  it('returns live and completed frameworks and an empty unregistered list', () => {
    const out = renderFrameworks(sampleView());
    expect(ids(out.frameworks)).toEqual(['M-0000', 'M-0001']);
    expect(ids(out.completed_frameworks)).toEqual(['M-0002']);
    expect(out.unregistered_frameworks).toEqual([]);
  });

  it('filters by framework_id across both lists', () => {
    expect(ids(renderFrameworks(sampleView(), { frameworkId: 'M-0002' }).completed_frameworks)).toEqual(['M-0002']);
    expect(renderFrameworks(sampleView(), { frameworkId: 'M-0002' }).frameworks).toEqual([]);
    expect(ids(renderFrameworks(sampleView(), { frameworkId: 'M-0001' }).frameworks)).toEqual(['M-0001']);
  });

  it('rows carry the keys listing clients need', () => {
    for (const row of renderFrameworks(sampleView()).frameworks as object[]) {
      for (const key of ['id', 'active', 'hostname', 'name']) expect(row).toHaveProperty(key);
    }
  });
});

describe('renderSlaves', () => {
  it('returns every agent with id/hostname/active and an empty recovered list', () => {
    const out = renderSlaves(sampleView());
    expect(ids(out.slaves)).toEqual(['M-S0', 'M-S1']);
    for (const row of out.slaves as object[]) for (const key of ['id', 'hostname', 'active']) expect(row).toHaveProperty(key);
    expect(out.recovered_slaves).toEqual([]);
  });

  it('filters by slave_id', () => {
    expect(ids(renderSlaves(sampleView(), { slaveId: 'M-S1' }).slaves)).toEqual(['M-S1']);
    expect(renderSlaves(sampleView(), { slaveId: 'nope' }).slaves).toEqual([]);
  });
});

describe('renderFlags', () => {
  it('wraps the string flags', () => {
    expect(renderFlags(sampleView())).toEqual({ flags: { port: '5050', cluster: 'test-cluster', work_dir: '/tmp/m' } });
  });
});
