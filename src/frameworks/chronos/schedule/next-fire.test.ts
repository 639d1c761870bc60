import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIso8601Schedule, parseIso8601Schedule } from './iso8601.js';
import { advanceIso, firesBetween, nextFire } from './next-fire.js';
import type { IsoSchedule } from './types.js';

const iso = (text: string, tz?: string): IsoSchedule => parseIso8601Schedule(text, tz) as IsoSchedule;
const at = (s: string): Date => new Date(s);
const walk = (s: IsoSchedule, after: string, n: number): string[] =>
  firesBetween(s, at(after), new Date(8.64e15), n).map((d) => d.toISOString());

describe('ISO 8601 next fire', () => {
  it('fires at the start first, then every period, strictly after the given instant', () => {
    const s = iso('R/2026-01-10T09:00:00Z/PT1M');
    expect(nextFire(s, at('2026-01-10T08:00:00Z'))?.toISOString()).toBe('2026-01-10T09:00:00.000Z');
    expect(nextFire(s, at('2026-01-10T09:00:00Z'))?.toISOString()).toBe('2026-01-10T09:01:00.000Z');
    expect(nextFire(s, at('2026-01-10T09:10:30Z'))?.toISOString()).toBe('2026-01-10T09:11:00.000Z');
  });

  it('stops after Rn runs, and R0 never fires', () => {
    const s = iso('R3/2026-01-10T09:00:00Z/PT1M');
    expect(walk(s, '2026-01-10T00:00:00Z', 10)).toEqual(['2026-01-10T09:00:00.000Z', '2026-01-10T09:01:00.000Z', '2026-01-10T09:02:00.000Z']);
    expect(nextFire(s, at('2026-01-10T09:02:00Z'))).toBeUndefined();
    expect(nextFire(iso('R0/2026-01-10T09:00:00Z/PT1M'), at('2000-01-01T00:00:00Z'))).toBeUndefined();
    const cal = iso('R2/2026-01-10T09:00:00Z/P1M');
    expect(walk(cal, '2026-01-01T00:00:00Z', 10)).toEqual(['2026-01-10T09:00:00.000Z', '2026-02-10T09:00:00.000Z']);
  });

  it('adds fractional seconds exactly', () => {
    expect(walk(iso('R/2026-01-10T09:00:00Z/PT1.5S'), '2026-01-10T09:00:00Z', 2)).toEqual(['2026-01-10T09:00:01.500Z', '2026-01-10T09:00:03.000Z']);
  });

  it('adds months Joda-style: the day is clamped to the month end and the chain keeps the clamped day', () => {
    expect(walk(iso('R/2026-01-31T10:00:00Z/P1M'), '2026-01-01T00:00:00Z', 4)).toEqual([
      '2026-01-31T10:00:00.000Z',
      '2026-02-28T10:00:00.000Z',
      '2026-03-28T10:00:00.000Z',
      '2026-04-28T10:00:00.000Z',
    ]);
    // years then months: 2024-02-29 + P1Y1M = 2025-02-28 + 1M = 2025-03-28
    expect(walk(iso('R/2024-02-29T00:00:00Z/P1Y1M'), '2024-03-01T00:00:00Z', 1)).toEqual(['2025-03-28T00:00:00.000Z']);
  });

  it('adds calendar periods in the written offset when there is no scheduleTimeZone', () => {
    // 2026-01-30 22:00 at -05:00 is 2026-01-31 03:00 UTC; a month later it is Feb 28 22:00 at -05:00
    expect(walk(iso('R/2026-01-30T22:00:00-05:00/P1M'), '2026-01-31T04:00:00Z', 1)).toEqual(['2026-03-01T03:00:00.000Z']);
    expect(walk(iso('R/2026-01-31T03:00:00Z/P1M'), '2026-01-31T04:00:00Z', 1)).toEqual(['2026-02-28T03:00:00.000Z']);
  });

  it('reaches far-off occurrences of old schedules without walking every one', () => {
    expect(nextFire(iso('R/1970-01-01T00:00:00Z/PT1S'), at('2026-05-05T10:00:00.400Z'))?.toISOString()).toBe('2026-05-05T10:00:01.000Z');
    expect(nextFire(iso('R/1971-01-01T09:00:00Z/P1D'), at('2026-05-05T10:00:00Z'))?.toISOString()).toBe('2026-05-06T09:00:00.000Z');
    // 09:00 New York wall-clock time, daily since 1971: EDT in May
    expect(nextFire(iso('R/1971-01-01T09:00:00/P1D', 'America/New_York'), at('2026-05-05T10:00:00Z'))?.toISOString()).toBe(
      '2026-05-05T13:00:00.000Z',
    );
    expect(nextFire(iso('R/1971-01-04T09:00:00Z/P2W'), at('2026-05-05T10:00:00Z'))?.toISOString()).toBe('2026-05-11T09:00:00.000Z');
  });

  it('returns undefined past the end of representable time instead of looping', () => {
    expect(nextFire(iso('R/2026-01-01T00:00:00Z/P300000Y'), at('2026-01-01T00:00:00Z'))).toBeUndefined();
    expect(nextFire(iso('R/2026-01-01T00:00:00Z/PT9000000000000S'), at('2026-01-01T00:00:00Z'))).toBeUndefined();
  });
});

describe('advanceIso', () => {
  it('leaves a schedule that is not due yet alone', () => {
    const s = iso('R3/2026-01-10T09:00:00Z/PT1M');
    expect(advanceIso(s, at('2026-01-10T08:59:59.999Z'))).toBe(s);
  });

  it('consumes one run: Rn drops by one, the start moves to the next occurrence, the text is rewritten', () => {
    const s = advanceIso(iso('R3/2026-01-10T09:00:00Z/PT1M'), at('2026-01-10T09:00:00Z'));
    expect(s.repeats).toBe(2);
    expect(s.start.toISOString()).toBe('2026-01-10T09:01:00.000Z');
    expect(s.text).toBe('R2/2026-01-10T09:01:00.000Z/PT1M');
    expect(formatIso8601Schedule(s)).toBe(s.text);
  });

  it('coalesces missed periods into one run (Chronos 3 skipForward)', () => {
    const s = advanceIso(iso('R5/2026-01-10T09:00:00Z/PT1M'), at('2026-01-10T09:10:30Z'));
    expect(s.repeats).toBe(4);
    expect(s.text).toBe('R4/2026-01-10T09:11:00.000Z/PT1M');
    const forever = advanceIso(iso('R/2026-01-10T09:00:00Z/P1D'), at('2026-03-01T12:00:00Z'));
    expect(forever.repeats).toBeUndefined();
    expect(forever.text).toBe('R/2026-03-02T09:00:00.000Z/P1D');
  });

  it('runs R1 once: it becomes R0 (exhausted) and then never changes', () => {
    const once = advanceIso(iso('R1/2026-01-10T09:00:00Z/PT24H'), at('2026-01-10T09:00:05Z'));
    expect(once.repeats).toBe(0);
    expect(once.text).toBe('R0/2026-01-11T09:00:00.000Z/PT24H');
    expect(nextFire(once, at('2026-01-10T09:00:05Z'))).toBeUndefined();
    expect(advanceIso(once, at('2027-01-01T00:00:00Z'))).toBe(once);
  });

  it('keeps the written offset and the scheduleTimeZone form across rewrites', () => {
    const fixed = advanceIso(iso('R/2026-01-10T09:00:00+05:30/P1D'), at('2026-01-10T04:00:00Z'));
    expect(fixed.text).toBe('R/2026-01-11T09:00:00.000+05:30/P1D');
    const zoned = advanceIso(iso('R/2026-01-10T09:00:00/P1M', 'America/New_York'), at('2026-01-10T14:00:00Z'));
    expect(zoned.text).toBe('R/2026-02-10T09:00:00.000-05:00/P1M');
    expect(zoned.timeZone).toBe('America/New_York');
    // re-reading the stored text with the same zone gives the same start
    expect(iso(zoned.text, 'America/New_York').start.getTime()).toBe(zoned.start.getTime());
  });

  it('agrees with nextFire: the moved start is the first occurrence after now', () => {
    const s = iso('R/2026-01-31T10:00:00Z/P1M');
    const now = at('2026-04-01T00:00:00Z');
    expect(advanceIso(s, now).start.getTime()).toBe(nextFire(s, now)!.getTime());
  });
});

describe('ISO 8601 properties (random schedules, zones with DST)', () => {
  const zones = ['', 'UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kolkata'];
  const period = fc
    .record({
      Y: fc.integer({ min: 0, max: 1 }),
      M: fc.integer({ min: 0, max: 3 }),
      W: fc.integer({ min: 0, max: 2 }),
      D: fc.integer({ min: 0, max: 3 }),
      H: fc.integer({ min: 0, max: 30 }),
      Mi: fc.integer({ min: 0, max: 90 }),
      S: fc.integer({ min: 0, max: 90 }),
    })
    .filter((p) => Object.values(p).some((v) => v > 0))
    .map((p) => {
      const date = `${p.Y ? `${p.Y}Y` : ''}${p.M ? `${p.M}M` : ''}${p.W ? `${p.W}W` : ''}${p.D ? `${p.D}D` : ''}`;
      const time = `${p.H ? `${p.H}H` : ''}${p.Mi ? `${p.Mi}M` : ''}${p.S ? `${p.S}S` : ''}`;
      return `P${date}${time ? `T${time}` : ''}`;
    });
  const startText = fc
    .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) })
    .map((t) => new Date(Math.floor(t / 60_000) * 60_000).toISOString().slice(0, 19));

  it('walks strictly forward; nextFire, firesBetween and stored advanceIso rewrites agree', () => {
    fc.assert(
      fc.property(startText, period, fc.constantFrom(...zones), (start, p, zone) => {
        const s = iso(`R/${start}/${p}`, zone);
        const walk = firesBetween(s, new Date(s.start.getTime() - 1), new Date(8.64e15), 12).map((d) => d.getTime());
        expect(walk[0]).toBe(s.start.getTime());
        let stored = s;
        for (let i = 0; i + 1 < walk.length; i++) {
          expect(walk[i + 1]!).toBeGreaterThan(walk[i]!);
          expect(nextFire(s, new Date(walk[i]!))!.getTime()).toBe(walk[i + 1]);
          expect(nextFire(s, new Date(walk[i]! - 1))!.getTime()).toBe(walk[i]);
          // the service stores the rewritten text and parses it back with the same zone
          stored = iso(advanceIso(stored, new Date(walk[i]!)).text, zone);
          expect(stored.start.getTime()).toBe(walk[i + 1]);
        }
      }),
      { numRuns: 150, seed: 1104 },
    );
  });
});
