import { describe, expect, it } from 'vitest';
import { parseCron } from './cron.js';
import { firesBetween, nextFire } from './next-fire.js';
import { ScheduleError, type Schedule } from './types.js';

const at = (s: string): Date => new Date(s);
const next = (s: Schedule, after: string, n = 1): string[] => {
  const out: string[] = [];
  let t = at(after);
  for (let i = 0; i < n; i++) {
    const f = nextFire(s, t);
    if (!f) break;
    out.push(f.toISOString());
    t = f;
  }
  return out;
};

describe('parseCron', () => {
  it('returns the expression and its zone (UTC by default, also for an empty zone)', () => {
    expect(parseCron('*/5 * * * *')).toEqual({ kind: 'cron', expression: '*/5 * * * *', timeZone: 'UTC' });
    expect(parseCron('0 9 * * 1-5', '')).toEqual({ kind: 'cron', expression: '0 9 * * 1-5', timeZone: 'UTC' });
    expect(parseCron('0 9 * * 1-5', 'Europe/Berlin').timeZone).toBe('Europe/Berlin');
  });

  const bad: Array<[string, RegExp]> = [
    ['0 0 31 2 *', /Invalid cron expression '0 0 31 2 \*'/],
    ['0 0 30 2 *', /Invalid cron expression/],
    ['0 0 31 4,6,9,11 *', /never occurs in the given months/],
    ['', /expected 5 fields .* got 0/],
    ['* * *', /got 3/],
    ['* * * * * * *', /got 7/],
    ['60 * * * *', /Constraint error/],
    ['0 24 * * *', /Constraint error/],
    ['0 0 0 * *', /Constraint error/],
    ['0 0 * 13 *', /Constraint error/],
    ['0 0 * * 8', /Constraint error/],
    ['a b c d e', /Invalid characters/],
    ['H * * * *', /hash 'H' is not supported/],
    ['H/5 * * * *', /hash 'H'/],
    ['@reboot', /unknown macro/],
    ['@every 5m', /unknown macro/],
  ];
  it.each(bad)('rejects %j', (expression, why) => {
    expect(() => parseCron(expression)).toThrow(ScheduleError);
    expect(() => parseCron(expression)).toThrow(why);
  });

  it('rejects unknown time zones', () => {
    expect(() => parseCron('0 9 * * *', 'Mars/Olympus')).toThrow("Invalid time zone 'Mars/Olympus'");
    expect(() => parseCron('0 9 * * *', 'America/NewYork')).toThrow(ScheduleError);
  });
});

describe('cron next fire', () => {
  it('steps through a 5-field expression, strictly after the given instant', () => {
    const s = parseCron('*/15 * * * *');
    expect(next(s, '2026-01-05T09:07:00Z', 3)).toEqual(['2026-01-05T09:15:00.000Z', '2026-01-05T09:30:00.000Z', '2026-01-05T09:45:00.000Z']);
    expect(next(s, '2026-01-05T09:15:00Z')).toEqual(['2026-01-05T09:30:00.000Z']);
    expect(next(s, '2026-01-05T09:14:59.999Z')).toEqual(['2026-01-05T09:15:00.000Z']);
  });

  it('treats day-of-week 0 and 7 as Sunday', () => {
    const sun = '2026-01-11T09:00:00.000Z'; // a Sunday
    expect(next(parseCron('0 9 * * 0'), '2026-01-06T00:00:00Z')).toEqual([sun]);
    expect(next(parseCron('0 9 * * 7'), '2026-01-06T00:00:00Z')).toEqual([sun]);
    expect(next(parseCron('0 9 * * SUN'), '2026-01-06T00:00:00Z')).toEqual([sun]);
  });

  it('matches day-of-month OR day-of-week when both are restricted (Unix semantics)', () => {
    // the 1st of the month, or any Monday
    expect(next(parseCron('0 0 1 * 1'), '2026-01-25T00:00:00Z', 3)).toEqual([
      '2026-01-26T00:00:00.000Z',
      '2026-02-01T00:00:00.000Z',
      '2026-02-02T00:00:00.000Z',
    ]);
  });

  it('reads the 6-field form with seconds first', () => {
    expect(next(parseCron('*/10 * * * * *'), '2026-01-05T09:00:05Z', 2)).toEqual(['2026-01-05T09:00:10.000Z', '2026-01-05T09:00:20.000Z']);
    expect(next(parseCron('30 0 9 * * *'), '2026-01-05T09:00:00Z')).toEqual(['2026-01-05T09:00:30.000Z']);
  });

  it('expands the macros, case-insensitively', () => {
    const after = '2026-05-05T10:20:00Z';
    const same = (a: string, b: string): void => expect(next(parseCron(a), after, 3)).toEqual(next(parseCron(b), after, 3));
    same('@yearly', '0 0 1 1 *');
    same('@annually', '0 0 1 1 *');
    same('@monthly', '0 0 1 * *');
    same('@weekly', '0 0 * * 0');
    same('@daily', '0 0 * * *');
    same('@midnight', '0 0 * * *');
    same('@hourly', '0 * * * *');
    same('@DAILY', '@daily');
    expect(next(parseCron('@hourly'), after)).toEqual(['2026-05-05T11:00:00.000Z']);
    expect(next(parseCron('@yearly'), after)).toEqual(['2027-01-01T00:00:00.000Z']);
  });

  it('supports L, # and month/day names', () => {
    expect(next(parseCron('0 0 L * *'), '2026-02-01T00:00:00Z')).toEqual(['2026-02-28T00:00:00.000Z']);
    expect(next(parseCron('0 0 * * 1#1'), '2026-02-01T00:00:00Z')).toEqual(['2026-02-02T00:00:00.000Z']);
    expect(next(parseCron('0 0 1 JAN *'), '2026-02-01T00:00:00Z')).toEqual(['2027-01-01T00:00:00.000Z']);
  });

  it('finds a leap day years ahead', () => {
    expect(next(parseCron('0 0 29 2 *'), '2026-01-01T00:00:00Z', 2)).toEqual(['2028-02-29T00:00:00.000Z', '2032-02-29T00:00:00.000Z']);
  });

  it('computes the next run in the schedule time zone', () => {
    const s = parseCron('0 9 * * *', 'Europe/Berlin');
    expect(next(s, '2026-01-10T00:00:00Z')).toEqual(['2026-01-10T08:00:00.000Z']); // CET
    expect(next(s, '2026-07-10T00:00:00Z')).toEqual(['2026-07-10T07:00:00.000Z']); // CEST
    expect(next(parseCron('0 9 * * *', 'Asia/Kolkata'), '2026-01-10T00:00:00Z')).toEqual(['2026-01-10T03:30:00.000Z']);
  });

  it('lists the fires in a window for missed-run accounting', () => {
    const s = parseCron('*/15 * * * *');
    const fires = firesBetween(s, at('2026-01-05T09:00:00Z'), at('2026-01-05T10:00:00Z'), 100).map((d) => d.toISOString());
    expect(fires).toEqual(['2026-01-05T09:15:00.000Z', '2026-01-05T09:30:00.000Z', '2026-01-05T09:45:00.000Z', '2026-01-05T10:00:00.000Z']);
    expect(firesBetween(s, at('2026-01-05T09:00:00Z'), at('2026-01-06T09:00:00Z'), 5)).toHaveLength(5);
    expect(firesBetween(s, at('2026-01-05T09:01:00Z'), at('2026-01-05T09:14:00Z'), 5)).toEqual([]);
  });

  it('shares one compiled expression between schedules in different zones without interference', () => {
    const a = parseCron('*/10 * * * *');
    const b = parseCron('*/10 * * * *', 'America/New_York');
    const x = firesBetween(a, at('2026-01-05T09:00:00Z'), at('2026-01-05T10:00:00Z'), 10);
    expect(nextFire(b, at('2026-03-01T00:00:00Z'))?.toISOString()).toBe('2026-03-01T00:10:00.000Z');
    expect(firesBetween(a, at('2026-01-05T09:00:00Z'), at('2026-01-05T10:00:00Z'), 10)).toEqual(x);
  });
});
