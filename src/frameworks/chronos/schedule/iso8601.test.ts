import { describe, expect, it } from 'vitest';
import { formatIso8601Schedule, parseIso8601Schedule } from './iso8601.js';
import { ScheduleError, type IsoSchedule } from './types.js';

const iso = (text: string, tz?: string, now?: Date): IsoSchedule => {
  const s = parseIso8601Schedule(text, tz, now);
  if (s.kind !== 'iso8601') throw new Error('not iso');
  return s;
};
const utc = (s: string): number => Date.parse(s);

describe('parseIso8601Schedule', () => {
  it('reads the Chronos example: repeat forever, Z start, minute period', () => {
    const s = iso('R/2015-12-26T17:08:10Z/PT1M');
    expect(s).toEqual({
      kind: 'iso8601',
      repeats: undefined,
      start: new Date(utc('2015-12-26T17:08:10Z')),
      period: { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 1, seconds: 0 },
      timeZone: '',
      text: 'R/2015-12-26T17:08:10Z/PT1M',
    });
  });

  it('reads Rn and R0', () => {
    expect(iso('R5/2015-12-26T17:08:10Z/PT1M').repeats).toBe(5);
    expect(iso('R0/2015-12-26T17:08:10Z/PT1M').repeats).toBe(0);
  });

  it('takes now for an empty start', () => {
    const now = new Date(utc('2026-04-01T10:00:00.123Z'));
    const s = iso('R10//PT2S', undefined, now);
    expect(s.start.getTime()).toBe(now.getTime());
    expect(s.repeats).toBe(10);
  });

  it('reads every period designator, with fractional seconds (dot or comma)', () => {
    expect(iso('R/2020-01-01T00:00:00Z/P1Y2M3W4DT5H6M7.5S').period).toEqual({
      years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7.5,
    });
    expect(iso('R/2020-01-01T00:00:00Z/PT0,25S').period.seconds).toBe(0.25);
    expect(iso('R/2020-01-01T00:00:00Z/P10M').period.months).toBe(10);
    expect(iso('R/2020-01-01T00:00:00Z/PT10M').period.minutes).toBe(10);
  });

  it('honours an offset in the string, and UTC when there is none', () => {
    expect(iso('R/2026-01-10T09:00:00+05:30/PT1H').start.toISOString()).toBe('2026-01-10T03:30:00.000Z');
    expect(iso('R/2026-01-10T09:00:00-0800/PT1H').start.toISOString()).toBe('2026-01-10T17:00:00.000Z');
    expect(iso('R/2026-01-10T09:00:00-08/PT1H').start.toISOString()).toBe('2026-01-10T17:00:00.000Z');
    expect(iso('R/2026-01-10T09:00/PT1H').start.toISOString()).toBe('2026-01-10T09:00:00.000Z');
    expect(iso('R/2026-01-10T09/PT1H').start.toISOString()).toBe('2026-01-10T09:00:00.000Z');
    expect(iso('R/2026-01-10/P1D').start.toISOString()).toBe('2026-01-10T00:00:00.000Z');
    expect(iso('R/2026-01-10T09:00:00.123456Z/PT1H').start.toISOString()).toBe('2026-01-10T09:00:00.123Z');
  });

  it('reads week dates and ordinal dates as Joda does', () => {
    expect(iso('R/2026-W02-6T09:00Z/P1D').start.toISOString()).toBe('2026-01-10T09:00:00.000Z');
    expect(iso('R/2026-W01T09:00Z/P1D').start.toISOString()).toBe('2025-12-29T09:00:00.000Z');
    expect(iso('R/2026-010T09:00Z/P1D').start.toISOString()).toBe('2026-01-10T09:00:00.000Z');
  });

  it('re-zones with scheduleTimeZone, keeping the wall-clock fields and ignoring the written offset', () => {
    const s = iso('R/2026-01-10T09:00:00Z/P1D', 'America/New_York');
    expect(s.start.toISOString()).toBe('2026-01-10T14:00:00.000Z');
    expect(s.timeZone).toBe('America/New_York');
    expect(iso('R/2026-07-10T09:00:00+03:00/P1D', 'Europe/Berlin').start.toISOString()).toBe('2026-07-10T07:00:00.000Z');
  });

  it('accepts a start on 1970-01-01 and rejects one before 1970', () => {
    expect(iso('R/1970-01-01T00:00:00Z/PT1M').start.getTime()).toBe(0);
    expect(() => iso('R/1969-12-31T23:59:59Z/PT1M')).toThrow("Scheduled start date '1969-12-31T23:59:59Z' is before 1970!");
    expect(() => iso('R/1970-01-01T00:30:00+01:00/PT1M')).toThrow(/before 1970/);
    expect(() => iso('R/1970-01-01T00:30:00/PT1M', 'Europe/Berlin')).toThrow(/before 1970/);
  });

  const bad: Array<[string, RegExp]> = [
    ['', /expected R\[n\]\/<start>\/<period>/],
    ['R/x/PT1M', /the start 'x' is not an ISO 8601 date-time/],
    ['X/2015-12-26T17:08:10Z/PT1M', /expected R\[n\]/],
    ['Rx/2015-12-26T17:08:10Z/PT1M', /expected R\[n\]/],
    ['R-1/2015-12-26T17:08:10Z/PT1M', /expected R\[n\]/],
    ['R/2015-12-26T17:08:10Z', /expected R\[n\]/],
    [' R/2015-12-26T17:08:10Z/PT1M', /expected R\[n\]/],
    ['R/2015-13-01T00:00Z/PT1M', /the start '2015-13-01T00:00Z'/],
    ['R/2015-02-29T00:00Z/PT1M', /the start/],
    ['R/2015-12-26T24:00Z/PT1M', /the start/],
    ['R/2015-12-26T17:60Z/PT1M', /the start/],
    ['R/2015-12-26T17:08+25:00/PT1M', /the start/],
    ['R/20151226T170810Z/PT1M', /the start/],
    ['R/T05:50Z/PT24H', /the start/],
    ['R/2015-W54-1/PT1M', /the start/],
    ['R/2015-366/PT1M', /the start/],
    ['R/2015-12-26T17:08:10Z/P', /the period 'P'/],
    ['R/2015-12-26T17:08:10Z/PT', /the period 'PT'/],
    ['R/2015-12-26T17:08:10Z/P1H', /the period 'P1H'/],
    ['R/2015-12-26T17:08:10Z/PT1.5M', /the period 'PT1.5M'/],
    ['R/2015-12-26T17:08:10Z/P-1D', /the period 'P-1D'/],
    ['R/2015-12-26T17:08:10Z/P1D1Y', /the period 'P1D1Y'/],
    ['R/2015-12-26T17:08:10Z/PT1M/extra', /the period 'PT1M\/extra'/],
    ['R/2015-12-26T17:08:10Z/PT0S', /must be longer than zero/],
    ['R/2015-12-26T17:08:10Z/P0D', /must be longer than zero/],
    ['R99999999999999999999/2015-12-26T17:08:10Z/PT1M', /too large/],
  ];
  it.each(bad)('rejects %j', (text, why) => {
    let err: unknown;
    try {
      parseIso8601Schedule(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ScheduleError);
    const message = (err as Error).message;
    expect(message).toMatch(why);
    if (!/before 1970/.test(message)) expect(message.startsWith(`Cannot parse schedule '${text}'`)).toBe(true);
  });

  it('rejects an unknown scheduleTimeZone instead of silently using UTC', () => {
    expect(() => iso('R/2026-01-10T09:00:00Z/P1D', 'Mars/Olympus')).toThrow("Invalid scheduleTimeZone 'Mars/Olympus'");
    expect(() => iso('R/2026-01-10T09:00:00Z/P1D', 'America/NewYork')).toThrow(ScheduleError);
  });
});

describe('formatIso8601Schedule', () => {
  it('writes the start as Joda does (millis, Z or ±hh:mm) and the period in standard form', () => {
    expect(formatIso8601Schedule(iso('R/2015-12-26T17:08:10Z/PT1M'))).toBe('R/2015-12-26T17:08:10.000Z/PT1M');
    expect(formatIso8601Schedule(iso('R5/2026-01-10T09:00:00+05:30/P1M'))).toBe('R5/2026-01-10T09:00:00.000+05:30/P1M');
    expect(formatIso8601Schedule(iso('R0/2026-01-10T09:00:00Z/P1Y2M3W4DT5H6M7,5S'))).toBe(
      'R0/2026-01-10T09:00:00.000Z/P1Y2M3W4DT5H6M7.500S',
    );
  });

  it('writes a scheduleTimeZone start with that zone\'s offset at the start', () => {
    expect(formatIso8601Schedule(iso('R5/2026-01-10T09:00:00Z/P1D', 'America/New_York'))).toBe(
      'R5/2026-01-10T09:00:00.000-05:00/P1D',
    );
    expect(formatIso8601Schedule(iso('R/2026-07-10T09:00:00/P1D', 'America/New_York'))).toBe(
      'R/2026-07-10T09:00:00.000-04:00/P1D',
    );
  });

  it('round-trips: parsing the formatted text gives the same schedule instant', () => {
    for (const [text, tz] of [
      ['R/2026-03-08T02:30:00/P1D', 'America/New_York'],
      ['R3/2026-11-01T01:30:00/P1D', 'America/New_York'],
      ['R/2026-01-10T09:00:00+05:30/PT90M', ''],
      ['R/2026-10-25T02:30:00/P1W', 'Europe/Berlin'],
    ] as const) {
      const a = iso(text, tz);
      const b = iso(formatIso8601Schedule(a), tz);
      expect(b.start.getTime()).toBe(a.start.getTime());
      expect(formatIso8601Schedule(b)).toBe(formatIso8601Schedule(a));
    }
  });
});
