import { describe, expect, it } from 'vitest';
import { sampleView } from '../legacy/sample-cluster.test-helpers.js';
import { getFlags, getHealth, getMaster, getMetrics, getRoles, getVersion, getWeights } from './introspection.js';

describe('v1 introspection calls', () => {
  const view = sampleView();

  it('GET_HEALTH', () => {
    expect(getHealth()).toEqual({ type: 'GET_HEALTH', get_health: { healthy: true } });
  });

  it('GET_FLAGS lists name/value pairs', () => {
    expect(getFlags(view)).toEqual({
      type: 'GET_FLAGS',
      get_flags: { flags: [{ name: 'port', value: '5050' }, { name: 'cluster', value: 'test-cluster' }, { name: 'work_dir', value: '/tmp/m' }] },
    });
  });

  it('GET_VERSION wraps version_info', () => {
    const out = getVersion() as { type: string; get_version: { version_info: Record<string, unknown> } };
    expect(out.type).toBe('GET_VERSION');
    expect(out.get_version.version_info).toMatchObject({ version: '1.11.0', git_tag: expect.stringMatching(/^tsmesos-/) });
  });

  it('GET_METRICS lists the snapshot as name/value pairs', () => {
    const out = getMetrics(view, { now: 600 }) as { get_metrics: { metrics: Array<{ name: string; value: number }> } };
    expect(out.get_metrics.metrics).toContainEqual({ name: 'master/elected', value: 1 });
    expect(out.get_metrics.metrics).toContainEqual({ name: 'master/uptime_secs', value: 100 });
  });

  it('GET_MASTER returns master_info and float-second times', () => {
    expect(getMaster(view)).toEqual({ type: 'GET_MASTER', get_master: { master_info: view.info, start_time: 500, elected_time: 501 } });
  });

  it('GET_ROLES wraps framework ids and gives v1 resources', () => {
    const out = getRoles(view) as { get_roles: { roles: Array<Record<string, unknown>> } };
    const dev = out.get_roles.roles[0]!;
    expect(dev).toMatchObject({ name: 'dev', weight: 2, frameworks: [{ value: 'M-0000' }] });
    expect(dev.resources).toContainEqual(expect.objectContaining({ name: 'cpus', type: 'SCALAR' }));
    expect(out.get_roles.roles[1]).toMatchObject({ name: 'ops', weight: 1, frameworks: [{ value: 'M-0001' }], resources: [] });
  });

  it('GET_WEIGHTS lists configured weights', () => {
    expect(getWeights(view)).toEqual({ type: 'GET_WEIGHTS', get_weights: { weight_infos: [{ role: 'dev', weight: 2 }] } });
  });
});
