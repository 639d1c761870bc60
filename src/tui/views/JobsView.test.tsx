import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { Feed } from '../feed.js';
import { jobRows } from '../state/service-rows.js';
import { JOBS } from '../state/service-rows.test-helpers.js';
import { JobsView } from './JobsView.js';

const T0 = 1_700_000_000_000;
const ok: Feed<unknown> = { state: 'ok', data: JOBS, at: T0, live: false };
const rows = jobRows(JOBS);

describe('JobsView', () => {
  it('lists jobs with schedule or parents, last status, state and success/error counts', () => {
    const frame = render(<JobsView url="http://c:4400" feed={ok} rows={rows} now={T0} width={100} height={6} selected={0} />).lastFrame();
    expect(frame).toMatchInlineSnapshot(`
      "● Chronos http://c:4400  4 jobs  1 running  2 failing  polling
      NAME       SCHEDULE                          LAST     STATE      OK  ERR
      fresh-one  R/2030-01-01T00:00:00.000Z/PT1H   failure  idle        0    2
      nightly    R/2030-01-01T02:00:00.000Z/P1D    success  idle       12    1
      old        R0/2020-01-01T00:00:00.000Z/PT1H  fresh    disabled    0    0
      report     after nightly, extract            failure  1 running   3    4"
    `);
  });

  it('drops the schedule on a very narrow screen and shows the empty state', () => {
    const narrow = render(<JobsView url="http://c:4400" feed={ok} rows={rows} now={T0} width={50} height={3} selected={-1} />).lastFrame()!;
    expect(narrow.split('\n')[1]).toMatch(/^NAME +LAST +STATE +OK +ERR$/);
    const empty = render(<JobsView url="http://c:4400" feed={{ ...ok, data: { summary: [], jobs: [] } }} rows={[]} now={T0} width={80} height={4} selected={-1} />).lastFrame()!;
    expect(empty).toContain('no jobs in Chronos');
    expect(empty.split('\n')[0]).toBe('● Chronos http://c:4400  0 jobs  polling');
  });
});
