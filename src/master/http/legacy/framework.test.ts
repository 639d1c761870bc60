import { describe, expect, it } from 'vitest';
import { sampleView } from './sample-cluster.test-helpers.js';
import { renderFramework } from './framework.js';

const FULL_KEYS = [
  'id', 'name', 'user', 'hostname', 'webui_url', 'used_resources', 'offered_resources', 'resources', 'capabilities',
  'active', 'connected', 'recovered', 'failover_timeout', 'checkpoint', 'registered_time', 'unregistered_time',
  'tasks', 'unreachable_tasks', 'completed_tasks', 'offers', 'executors', 'offer_constraints',
];

describe('renderFramework', () => {
  const view = sampleView();
  const fw0 = renderFramework(view.frameworks.get('M-0000')!, view);
  const fw1 = renderFramework(view.frameworks.get('M-0001')!, view);

  it('has every key of the full framework object', () => {
    for (const key of FULL_KEYS) {
      expect(fw0, key).toHaveProperty(key);
      expect(fw1, key).toHaveProperty(key);
    }
    expect(fw0).not.toHaveProperty('pid');
  });

  it('reports roles for MULTI_ROLE frameworks and role otherwise', () => {
    expect(fw0.roles).toEqual(['dev']);
    expect(fw0).not.toHaveProperty('role');
    expect(fw1.role).toBe('ops');
    expect(fw1).not.toHaveProperty('roles');
  });

  it('uses string capabilities, default webui_url and unregistered_time 0 while connected', () => {
    expect(fw0).toMatchObject({
      id: 'M-0000',
      name: 'fw-M-0000',
      user: 'root',
      hostname: 'sched1',
      webui_url: '',
      capabilities: ['MULTI_ROLE'],
      active: true,
      connected: true,
      recovered: false,
      failover_timeout: 60,
      checkpoint: true,
      registered_time: 1000.5,
      unregistered_time: 0,
      offer_constraints: {},
    });
    expect(fw1).toMatchObject({ hostname: '', active: false, connected: false, unregistered_time: 1030, failover_timeout: 0, checkpoint: false });
  });

  it('lists live, unreachable and completed tasks separately', () => {
    const ids = (list: unknown) => (list as Array<{ id: string }>).map((t) => t.id);
    expect(ids(fw0.tasks).sort()).toEqual(['t-exec', 't-run']);
    expect(ids(fw0.unreachable_tasks)).toEqual(['t-unreach']);
    expect(ids(fw0.completed_tasks)).toEqual(['t-done']);
  });

  it('renders offers with plain ids, slave_id, allocation_info and flat resources', () => {
    expect(fw0.offers).toEqual([
      {
        id: 'M-O0',
        framework_id: 'M-0000',
        allocation_info: { role: 'dev' },
        slave_id: 'M-S0',
        resources: { cpus: 1, gpus: 0, mem: 256, disk: 0, ports: '[31001-31010]' },
      },
    ]);
  });

  it('renders executors with slave_id and flat resources', () => {
    expect(fw0.executors).toEqual([
      {
        executor_id: 'e1',
        name: 'custom',
        framework_id: 'M-0000',
        command: { uris: [] },
        resources: { cpus: 0.1, gpus: 0, mem: 32, disk: 0 },
        slave_id: 'M-S0',
      },
    ]);
  });

  it('accounts used (tasks + executors), offered, and resources = used + offered', () => {
    expect(fw0.used_resources).toEqual({ cpus: 1.6, gpus: 0, mem: 416, disk: 0, ports: '[31000-31000]' });
    expect(fw0.offered_resources).toEqual({ cpus: 1, gpus: 0, mem: 256, disk: 0, ports: '[31001-31010]' });
    expect(fw0.resources).toEqual({ cpus: 2.6, gpus: 0, mem: 672, disk: 0, ports: '[31000-31010]' });
  });
});
