/**
 * The two ISO 8601 pieces of a Chronos schedule, read the way Joda-Time reads them
 * (`ISODateTimeFormat.dateTimeParser`, `ISOPeriodFormat.standard`): a start date-time and a period.
 * Pure functions; they return undefined (or a reason string) instead of throwing.
 */
import type { IsoPeriod } from './types.js';

export interface ParsedDateTime {
  /** Wall-clock fields encoded as UTC milliseconds. */
  local: number;
  /** The offset written in the string, in minutes; undefined when none was written. */
  offsetMinutes?: number;
}

const DATE_TIME = new RegExp(
  '^(?<date>\\d{4}(?:-\\d{2}(?:-\\d{2})?|-W\\d{2}(?:-\\d)?|-\\d{3})?)' +
    '(?:T(?:(?<h>\\d{2})(?::(?<mi>\\d{2})(?::(?<s>\\d{2})(?:[.,](?<f>\\d{1,9}))?)?)?)?' +
    '(?<off>Z|[+-]\\d{2}(?::?\\d{2})?)?)?$',
);

const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate(); // m is 1-based

function dateOnly(text: string): number | undefined {
  const y = Number(text.slice(0, 4));
  const rest = text.slice(4);
  let m;
  if ((m = /^-W(\d{2})(?:-(\d))?$/.exec(rest))) {
    const week = Number(m[1]);
    const dow = m[2] === undefined ? 1 : Number(m[2]);
    const jan4 = Date.UTC(y, 0, 4);
    const jan4Dow = new Date(jan4).getUTCDay() || 7;
    const firstMonday = jan4 - (jan4Dow - 1) * 86_400_000;
    const jan1Dow = new Date(Date.UTC(y, 0, 1)).getUTCDay() || 7;
    const leap = daysIn(y, 2) === 29;
    const weeks = jan1Dow === 4 || (leap && jan1Dow === 3) ? 53 : 52;
    if (week < 1 || week > weeks || dow < 1 || dow > 7) return undefined;
    return firstMonday + ((week - 1) * 7 + dow - 1) * 86_400_000;
  }
  if ((m = /^-(\d{3})$/.exec(rest))) {
    const ordinal = Number(m[1]);
    const days = daysIn(y, 2) === 29 ? 366 : 365;
    if (ordinal < 1 || ordinal > days) return undefined;
    return Date.UTC(y, 0, ordinal);
  }
  m = /^(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(rest)!;
  const month = m[1] === undefined ? 1 : Number(m[1]);
  const day = m[2] === undefined ? 1 : Number(m[2]);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(y, month)) return undefined;
  const t = new Date(0);
  t.setUTCFullYear(y, month - 1, day); // years 0000-0099 stay literal
  return t.getTime();
}

/** `2015-12-26T17:08:10.5+01:00`, `2015-12-26`, `2015-W52-6T17:08Z`, `2015-360T17`; undefined if invalid. */
export function parseDateTime(text: string): ParsedDateTime | undefined {
  const m = DATE_TIME.exec(text);
  if (!m?.groups) return undefined;
  const g = m.groups;
  const day = dateOnly(g.date!);
  if (day === undefined) return undefined;
  const h = Number(g.h ?? 0);
  const mi = Number(g.mi ?? 0);
  const s = Number(g.s ?? 0);
  if (h > 23 || mi > 59 || s > 59) return undefined;
  const ms = g.f === undefined ? 0 : Math.floor(Number(`0.${g.f}`) * 1000 + 1e-9);
  const local = day + ((h * 60 + mi) * 60 + s) * 1000 + ms;
  if (g.off === undefined) return { local };
  if (g.off === 'Z') return { local, offsetMinutes: 0 };
  const sign = g.off[0] === '-' ? -1 : 1;
  const digits = g.off.slice(1).replace(':', '');
  const oh = Number(digits.slice(0, 2));
  const om = Number(digits.slice(2) || 0);
  if (oh > 23 || om > 59) return undefined;
  return { local, offsetMinutes: sign * (oh * 60 + om) };
}

const PERIOD =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:[.,](\d{1,3}))?S)?)?$/;

/** `P1Y2M3W4DT5H6M7.5S` (Joda's standard ISO format: only seconds may carry a fraction). */
export function parsePeriod(text: string): IsoPeriod | undefined {
  const m = PERIOD.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const n = (i: number): number => (m[i] === undefined ? 0 : Number(m[i]));
  const fraction = m[8] === undefined ? 0 : Number(m[8].padEnd(3, '0')) / 1000;
  const p: IsoPeriod = { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) + fraction };
  return Object.values(p).every((v) => Number.isSafeInteger(Math.floor(v))) ? p : undefined;
}

/** Joda's `ISOPeriodFormat.standard().print`: zero fields left out, `PT0S` for an empty period. */
export function formatPeriod(p: IsoPeriod): string {
  const date = [
    [p.years, 'Y'],
    [p.months, 'M'],
    [p.weeks, 'W'],
    [p.days, 'D'],
  ] as const;
  let out = 'P';
  for (const [v, u] of date) if (v) out += `${v}${u}`;
  let time = '';
  if (p.hours) time += `${p.hours}H`;
  if (p.minutes) time += `${p.minutes}M`;
  if (p.seconds) {
    const whole = Math.floor(p.seconds);
    const millis = Math.round((p.seconds - whole) * 1000);
    time += millis ? `${whole}.${String(millis).padStart(3, '0')}S` : `${whole}S`;
  }
  if (time) out += `T${time}`;
  return out === 'P' ? 'PT0S' : out;
}

/** The fixed-duration part of a period (hours, minutes, seconds) in ms; added as absolute time. */
export const timeMs = (p: IsoPeriod): number => Math.round(((p.hours * 60 + p.minutes) * 60 + p.seconds) * 1000);

/** True when the period has calendar fields (years, months, weeks, days), added as wall-clock time. */
export const hasCalendar = (p: IsoPeriod): boolean => p.years + p.months + p.weeks + p.days > 0;

/** Adds the calendar fields to a wall-clock value, Joda-style: years, then months (day clamped to the
 *  month's end each time), then weeks and days. */
export function addCalendar(local: number, p: IsoPeriod): number {
  const d = new Date(local);
  const clampTo = (y: number, m0: number): void => {
    const day = Math.min(d.getUTCDate(), new Date(Date.UTC(y, m0 + 1, 0)).getUTCDate());
    d.setUTCFullYear(y, m0, day);
  };
  if (p.years) clampTo(d.getUTCFullYear() + p.years, d.getUTCMonth());
  if (p.months) {
    const total = d.getUTCMonth() + p.months;
    clampTo(d.getUTCFullYear() + Math.floor(total / 12), ((total % 12) + 12) % 12);
  }
  return d.getTime() + (p.weeks * 7 + p.days) * 86_400_000;
}
