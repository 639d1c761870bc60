import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { Feed } from '../feed.js';
import { appRows } from '../state/service-rows.js';
import { APPS } from '../state/service-rows.test-helpers.js';
import { AppsView } from './AppsView.js';

const T0 = 1_700_000_000_000;
const ok: Feed<unknown> = { state: 'ok', data: APPS, at: T0, live: true };
const rows = appRows(APPS);

describe('AppsView', () => {
  it('lists apps with running/target, staged, healthy, resources and deployments under the Marathon line', () => {
    const frame = render(<AppsView url="http://m:8080" feed={ok} rows={rows} now={T0} width={80} height={5} selected={1} />).lastFrame();
    expect(frame).toMatchInlineSnapshot(`
      "● Marathon http://m:8080  3 apps  1 deploying  live (events)
      ID           RUNNING  STAGED  HEALTHY  CPUS   MEM  DEPLOYMENTS
      /batch/idle      0/0       0        -   0.1   64M  -
      /prod/api        2/4       2      1/2     1    1G  1 in progress
      /prod/web        3/3       0      3/3   0.5  256M  -"
    `);
  });

  it('says when the list comes from polling, and drops STAGED on a narrow screen', () => {
    const frame = render(<AppsView url="http://m:8080" feed={{ ...ok, live: false }} rows={rows} now={T0} width={60} height={3} selected={-1} />).lastFrame()!;
    expect(frame.split('\n')[0]).toBe('● Marathon http://m:8080  3 apps  1 deploying  polling');
    expect(frame.split('\n')[1]).toMatch(/^ID +RUNNING +HEALTHY +CPUS +MEM +DEPLOYMENTS$/);
  });

  it('shows the empty state, the first read, and an unreachable Marathon with the stale list', () => {
    const empty = render(<AppsView url="http://m:8080" feed={{ ...ok, data: [] }} rows={[]} now={T0} width={80} height={4} selected={-1} />).lastFrame()!;
    expect(empty).toContain('0 apps');
    expect(empty).toContain('no apps in Marathon');
    const loading = render(<AppsView url="http://m:8080" feed={{ state: 'loading' }} rows={[]} now={T0} width={80} height={4} selected={-1} />).lastFrame()!;
    expect(loading.split('\n')[0]).toBe('○ reading Marathon at http://m:8080…');
    const down: Feed<unknown> = { state: 'error', error: 'can not reach Marathon at http://m:8080', hint: 'is it running?', data: APPS, at: T0 - 42_000, retryAt: T0 + 3000, live: false };
    const frame = render(<AppsView url="http://m:8080" feed={down} rows={rows} now={T0} width={120} height={5} selected={-1} />).lastFrame()!;
    expect(frame.split('\n')[0]).toBe('✕ retrying in 3s: can not reach Marathon at http://m:8080 (is it running?); showing the list from 42s ago');
    expect(frame).toContain('/prod/web');
  });
});
