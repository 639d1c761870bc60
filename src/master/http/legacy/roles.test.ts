import { describe, expect, it } from 'vitest';
import { makeView } from './fixtures.test-helpers.js';
import { sampleView } from './sample-cluster.test-helpers.js';
import { renderRoles } from './roles.js';

describe('renderRoles', () => {
  it('lists every known role with weight, quota and flat resources', () => {
    const { roles } = renderRoles(sampleView());
    expect(roles.map((r) => r.name)).toEqual(['dev', 'ops']);
    expect(roles[0]).toEqual({
      name: 'dev',
      weight: 2,
      quota: { role: 'dev', guarantee: {}, limit: {}, consumed: { cpus: 3.5, mem: 896 } },
      // t-run + t-exec (tasks only; executors have no role of their own)
      allocated: { cpus: 1.5, gpus: 0, mem: 384, disk: 0, ports: '[31000-31000]' },
      offered: { cpus: 1, gpus: 0, mem: 256, disk: 0, ports: '[31001-31010]' },
      resources: { cpus: 2.5, gpus: 0, mem: 640, disk: 0, ports: '[31000-31010]' },
      reserved: { cpus: 2, gpus: 0, mem: 512, disk: 0 },
      frameworks: ['M-0000'],
    });
    expect(roles[1]).toMatchObject({ name: 'ops', weight: 1, frameworks: ['M-0001'], allocated: { cpus: 0 } });
  });

  it('knows roles from weights alone', () => {
    expect(renderRoles(makeView({ weights: { batch: 0.5 } })).roles).toMatchObject([{ name: 'batch', weight: 0.5, frameworks: [] }]);
  });

  it('is empty on an empty cluster', () => {
    expect(renderRoles(makeView())).toEqual({ roles: [] });
  });
});
