/**
 * Daylight-saving behaviour, defined for both schedule kinds (issue #588 of mesos/chronos):
 *  - fall-back: a wall-clock time that happens twice fires once, at its first instant;
 *  - spring-forward: a wall-clock time that never happens fires at the first instant after the gap.
 * ISO periods made of hours/minutes/seconds are absolute durations, so DST does not move them.
 * 2026 transitions: New York 8 Mar 02:00 EST→03:00 EDT (07:00Z), 1 Nov 02:00 EDT→01:00 EST (06:00Z);
 * Berlin 29 Mar 02:00 CET→03:00 CEST (01:00Z), 25 Oct 03:00 CEST→02:00 CET (01:00Z).
 */
import { describe, expect, it } from 'vitest';
import { parseCron } from './cron.js';
import { formatIso8601Schedule, parseIso8601Schedule } from './iso8601.js';
import { advanceIso, firesBetween } from './next-fire.js';
import type { IsoSchedule, Schedule } from './types.js';
import { fromLocal, offsetAt, toLocal } from './zone.js';

const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
const iso = (text: string, tz: string): IsoSchedule => parseIso8601Schedule(text, tz) as IsoSchedule;
const fires = (s: Schedule, after: string, n: number): string[] =>
  firesBetween(s, new Date(after), new Date(8.64e15), n).map((d) => d.toISOString());
const local = (s: string): number => Date.parse(`${s}Z`);

describe('zone resolution', () => {
  it('maps wall-clock times to instants with the module policy', () => {
    expect(new Date(fromLocal(NY, local('2026-03-08T01:59:00'))).toISOString()).toBe('2026-03-08T06:59:00.000Z');
    expect(new Date(fromLocal(NY, local('2026-03-08T02:00:00'))).toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(new Date(fromLocal(NY, local('2026-03-08T02:30:00'))).toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(new Date(fromLocal(NY, local('2026-03-08T03:00:00'))).toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(new Date(fromLocal(NY, local('2026-11-01T01:30:00'))).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(new Date(fromLocal(BERLIN, local('2026-10-25T02:30:00'))).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(new Date(fromLocal(BERLIN, local('2026-03-29T02:30:00'))).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(offsetAt(NY, Date.parse('2026-11-01T06:30:00Z'))).toBe(-5 * 3_600_000);
    expect(toLocal(NY, Date.parse('2026-11-01T06:30:00Z'))).toBe(local('2026-11-01T01:30:00'));
  });
});

describe('cron across DST', () => {
  it('New York spring-forward: 02:30 does not exist on 8 Mar, so it fires at 03:00 EDT', () => {
    expect(fires(parseCron('30 2 * * *', NY), '2026-03-07T12:00:00Z', 2)).toEqual(['2026-03-08T07:00:00.000Z', '2026-03-09T06:30:00.000Z']);
  });

  it('New York spring-forward: every-30-minute matches inside the gap collapse into one fire', () => {
    expect(fires(parseCron('*/30 * * * *', NY), '2026-03-08T06:00:00Z', 3)).toEqual([
      '2026-03-08T06:30:00.000Z', // 01:30 EST
      '2026-03-08T07:00:00.000Z', // 02:00 and 02:30 (gap) and 03:00 EDT: one fire
      '2026-03-08T07:30:00.000Z', // 03:30 EDT
    ]);
  });

  it('New York fall-back: 01:30 happens twice on 1 Nov and fires once, in EDT', () => {
    expect(fires(parseCron('30 1 * * *', NY), '2026-10-31T12:00:00Z', 2)).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z']);
  });

  it('New York fall-back: an hourly job does not fire again for the repeated 01:00', () => {
    expect(fires(parseCron('0 * * * *', NY), '2026-11-01T03:30:00Z', 4)).toEqual([
      '2026-11-01T04:00:00.000Z', // 00:00 EDT
      '2026-11-01T05:00:00.000Z', // 01:00 EDT; 01:00 EST (06:00Z) is the same wall-clock time
      '2026-11-01T07:00:00.000Z', // 02:00 EST
      '2026-11-01T08:00:00.000Z',
    ]);
  });

  it('New York fall-back: asked from inside the repeated hour, it resumes after it', () => {
    // 06:15Z is 01:15 EST (second pass); 01:45 already fired at 05:45Z (EDT)
    expect(fires(parseCron('45 1 * * *', NY), '2026-11-01T06:15:00Z', 1)).toEqual(['2026-11-02T06:45:00.000Z']);
    expect(fires(parseCron('0 2 * * *', NY), '2026-11-01T06:15:00Z', 1)).toEqual(['2026-11-01T07:00:00.000Z']);
    expect(fires(parseCron('*/20 * * * *', NY), '2026-11-01T05:50:00Z', 2)).toEqual(['2026-11-01T07:00:00.000Z', '2026-11-01T07:20:00.000Z']);
  });

  it('Berlin spring-forward and fall-back for a 02:30 job', () => {
    expect(fires(parseCron('30 2 * * *', BERLIN), '2026-03-28T12:00:00Z', 2)).toEqual(['2026-03-29T01:00:00.000Z', '2026-03-30T00:30:00.000Z']);
    expect(fires(parseCron('30 2 * * *', BERLIN), '2026-10-24T12:00:00Z', 2)).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
  });

  it('Berlin fall-back with the seconds form: each wall-clock second fires once', () => {
    const s = parseCron('0 0 * * * *', BERLIN); // every hour on the hour
    expect(fires(s, '2026-10-24T23:30:00Z', 3)).toEqual([
      '2026-10-25T00:00:00.000Z', // 02:00 CEST; 02:00 CET (01:00Z) is a repeat
      '2026-10-25T02:00:00.000Z', // 03:00 CET
      '2026-10-25T03:00:00.000Z',
    ]);
  });
});

describe('ISO 8601 across DST', () => {
  it('New York spring-forward: a daily 02:30 fires at 03:00 EDT on 8 Mar and back at 02:30 after', () => {
    const s = iso('R/2026-03-07T02:30:00/P1D', NY);
    expect(fires(s, '2026-03-07T00:00:00Z', 3)).toEqual(['2026-03-07T07:30:00.000Z', '2026-03-08T07:00:00.000Z', '2026-03-09T06:30:00.000Z']);
  });

  it('keeps the 02:30 wall-clock time through Chronos-style rewrites across the gap (no drift)', () => {
    let s = iso('R/2026-03-07T02:30:00/P1D', NY);
    s = advanceIso(s, new Date('2026-03-07T07:30:00Z'));
    expect(s.start.toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(s.text).toBe('R/2026-03-08T02:30:00.000-05:00/P1D');
    // the service stores the text and reads it back with the same scheduleTimeZone
    const stored = iso(s.text, NY);
    expect(stored.start.toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(formatIso8601Schedule(stored)).toBe(s.text);
    const after = advanceIso(stored, new Date('2026-03-08T07:00:00Z'));
    expect(after.start.toISOString()).toBe('2026-03-09T06:30:00.000Z');
    expect(after.text).toBe('R/2026-03-09T02:30:00.000-04:00/P1D');
  });

  it('New York fall-back: a daily 01:30 fires once on 1 Nov, at the first (EDT) instant', () => {
    expect(fires(iso('R/2026-10-31T01:30:00/P1D', NY), '2026-10-31T00:00:00Z', 3)).toEqual([
      '2026-10-31T05:30:00.000Z',
      '2026-11-01T05:30:00.000Z',
      '2026-11-02T06:30:00.000Z',
    ]);
  });

  it('a start written inside the fall-back hour resolves to its first instant', () => {
    expect(iso('R/2026-11-01T01:30:00/P1D', NY).start.toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(iso('R/2026-03-08T02:30:00/P1D', NY).start.toISOString()).toBe('2026-03-08T07:00:00.000Z');
  });

  it('an hourly ISO job stored during the repeated hour reads back as the same instant (no re-run)', () => {
    let s = iso('R/2026-11-01T00:00:00/PT1H', NY);
    s = advanceIso(s, new Date('2026-11-01T05:00:00Z')); // the 01:00 EDT run
    expect(s.text).toBe('R/2026-11-01T01:00:00.000-05:00/PT1H');
    const stored = iso(s.text, NY);
    expect(stored.start.toISOString()).toBe('2026-11-01T06:00:00.000Z'); // 01:00 EST, not 01:00 EDT again
    // the written offset only chooses between the two 01:30s; an offset the zone never has is ignored
    expect(iso('R/2026-11-01T01:30:00-05:00/P1D', NY).start.toISOString()).toBe('2026-11-01T06:30:00.000Z');
    expect(iso('R/2026-11-01T01:30:00-04:00/P1D', NY).start.toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(iso('R/2026-11-01T01:30:00Z/P1D', NY).start.toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('P1D keeps the wall-clock time (23 h across spring-forward); PT24H is always 24 h', () => {
    expect(fires(iso('R/2026-03-07T12:00:00/P1D', NY), '2026-03-07T17:00:00Z', 1)).toEqual(['2026-03-08T16:00:00.000Z']);
    expect(fires(iso('R/2026-03-07T12:00:00/PT24H', NY), '2026-03-07T17:00:00Z', 1)).toEqual(['2026-03-08T17:00:00.000Z']);
  });

  it('PT1H is absolute time: it fires every real hour through the repeated hour', () => {
    expect(fires(iso('R/2026-11-01T00:00:00/PT1H', NY), '2026-11-01T03:00:00Z', 4)).toEqual([
      '2026-11-01T04:00:00.000Z',
      '2026-11-01T05:00:00.000Z', // 01:00 EDT
      '2026-11-01T06:00:00.000Z', // 01:00 EST: a different real hour
      '2026-11-01T07:00:00.000Z',
    ]);
  });

  it('Berlin: daily 02:30 across both 2026 transitions; weekly keeps the wall-clock time', () => {
    expect(fires(iso('R/2026-03-28T02:30:00/P1D', BERLIN), '2026-03-28T00:00:00Z', 3)).toEqual([
      '2026-03-28T01:30:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-30T00:30:00.000Z',
    ]);
    expect(fires(iso('R/2026-10-24T02:30:00/P1D', BERLIN), '2026-10-24T00:00:00Z', 3)).toEqual([
      '2026-10-24T00:30:00.000Z',
      '2026-10-25T00:30:00.000Z',
      '2026-10-26T01:30:00.000Z',
    ]);
    expect(fires(iso('R/2026-03-22T09:00:00/P1W', BERLIN), '2026-03-22T00:00:00Z', 2)).toEqual(['2026-03-22T08:00:00.000Z', '2026-03-29T07:00:00.000Z']);
  });
});

describe('a whole 2026 of half-hourly cron in New York', () => {
  it('fires each wall-clock time once: 48 a day, 46 on the spring-forward day, 48 on the fall-back day', () => {
    const s = parseCron('*/30 * * * *', NY);
    const all = firesBetween(s, new Date('2026-01-01T05:00:00Z'), new Date('2027-01-01T05:00:00Z'), 20_000).map((d) => d.getTime());
    expect(all).toHaveLength(365 * 48 - 2); // (2026-01-01 00:00, 2027-01-01 00:00] New York time
    for (let i = 1; i < all.length; i++) expect(all[i]!).toBeGreaterThan(all[i - 1]!);
    const walls = all.map((t) => new Date(toLocal(NY, t)).toISOString());
    expect(new Set(walls).size).toBe(walls.length); // no wall-clock time twice
    const perDay = (day: string): number => walls.filter((w) => w.startsWith(day)).length;
    expect(perDay('2026-03-08')).toBe(46);
    expect(perDay('2026-11-01')).toBe(48);
    expect(perDay('2026-07-04')).toBe(48);
  });
});
