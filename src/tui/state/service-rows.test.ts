import { describe, expect, it } from 'vitest';
import { appRows, jobRows, trigger } from './service-rows.js';
import { APPS, JOBS } from './service-rows.test-helpers.js';

describe('appRows', () => {
  it('sorts by id and reads the embedded counts and deployments; missing counts are zero', () => {
    const rows = appRows([...APPS, { id: '/bare', instances: 2 }]);
    expect(rows.map((a) => a.id)).toEqual(['/bare', '/batch/idle', '/prod/api', '/prod/web']);
    expect(rows.find((a) => a.id === '/prod/api')).toEqual({ id: '/prod/api', instances: 4, running: 2, staged: 2, healthy: 1, unhealthy: 1, cpus: 1, mem: 1024, deployments: 1 });
    expect(rows[0]).toEqual({ id: '/bare', instances: 2, running: 0, staged: 0, healthy: 0, unhealthy: 0, deployments: 0 });
  });
});

describe('jobRows', () => {
  it('joins the summary (state) and the job list (counts) by name, keeping jobs found in only one', () => {
    const rows = jobRows(JOBS);
    expect(rows.map((j) => [j.name, j.lastStatus, j.state, j.successCount, j.errorCount, j.disabled])).toEqual([
      ['fresh-one', 'failure', 'idle', 0, 2, false],
      ['nightly', 'success', 'idle', 12, 1, false],
      ['old', 'fresh', 'idle', 0, 0, true],
      ['report', 'failure', '1 running', 3, 4, false],
    ]);
    expect(rows.map(trigger)).toEqual(['R/2030-01-01T00:00:00.000Z/PT1H', 'R/2030-01-01T02:00:00.000Z/P1D', 'R0/2020-01-01T00:00:00.000Z/PT1H', 'after nightly, extract']);
  });

  it('derives the last status from lastSuccess/lastError when the summary has none', () => {
    const rows = jobRows({ summary: [{ name: 'a' }], jobs: [{ name: 'a', lastSuccess: '2030-01-02T00:00:00Z', lastError: '2030-01-01T00:00:00Z' }, { name: 'b', lastSuccess: '', lastError: '' }] });
    expect(rows.map((j) => [j.name, j.lastStatus, j.state])).toEqual([
      ['a', 'success', 'idle'],
      ['b', 'fresh', 'idle'],
    ]);
  });
});
