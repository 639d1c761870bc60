/**
 * The next wall-clock time matching a cron expression, computed from the fields cron-parser parsed.
 *
 * cron-parser's own `next()` walks through Luxon dates and costs 20–500 µs a call; with 10,000 jobs
 * firing that dominated the scheduler. This walks plain numbers instead (day by day, then the first
 * hour/minute/second at or after a threshold) with exactly cron-parser's matching rules — checked
 * against cron-parser itself by the property test in cron-step.test.ts.
 *
 * Wall-clock values are UTC-encoded milliseconds (see zone.ts).
 */
import type { CronFieldCollection } from 'cron-parser';

export interface CronMatcher {
  seconds: number[];
  minutes: number[];
  hours: number[];
  months: Set<number>; // 1-12
  domAll: boolean; // day-of-month unrestricted (cron-parser's isWildcard)
  domDays: Set<number>;
  domLast: boolean; // 'L': the last day of the month
  dowAll: boolean;
  dowDays: Set<number>; // 0-6, Sunday = 0
  dowLast: Set<number>; // 'nL': the last weekday n of the month
  nth: number; // '#n': only days in the n-th week of the month (0 = none)
}

const DAY = 86_400_000;
/** Every pattern of month lengths and weekdays repeats within 28 years (400 with century rules). */
const HORIZON_DAYS = 366 * 29;

const numbers = (values: ReadonlyArray<number | string>): number[] =>
  values.filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);

export function matcherOf(fields: CronFieldCollection): CronMatcher {
  const dow = fields.dayOfWeek.values as ReadonlyArray<number | string>;
  return {
    seconds: numbers(fields.second.values),
    minutes: numbers(fields.minute.values),
    hours: numbers(fields.hour.values),
    months: new Set(numbers(fields.month.values)),
    domAll: fields.dayOfMonth.isWildcard,
    domDays: new Set(numbers(fields.dayOfMonth.values)),
    domLast: fields.dayOfMonth.hasLastChar,
    dowAll: fields.dayOfWeek.isWildcard,
    dowDays: new Set(numbers(dow).map((d) => d % 7)),
    dowLast: new Set(dow.filter((v): v is string => typeof v === 'string').map((v) => Number.parseInt(v, 10) % 7)),
    nth: fields.dayOfWeek.nthDay,
  };
}

/** cron-parser's day rule: dom OR dow when both are restricted, else the restricted one; then '#n'. */
function dayMatches(m: CronMatcher, date: Date): boolean {
  const day = date.getUTCDate();
  const weekday = date.getUTCDay();
  const monthDays = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  const dom = m.domDays.has(day) || (m.domLast && day === monthDays);
  const dow = m.dowDays.has(weekday) || (m.dowLast.has(weekday) && day > monthDays - 7);
  let ok: boolean;
  if (!m.domAll && !m.dowAll) ok = dom || dow;
  else if (!m.dowAll) ok = dow;
  else ok = dom;
  return ok && (m.nth <= 0 || Math.ceil(day / 7) === m.nth);
}

/** First value in the sorted list that is ≥ min, or undefined. */
function atLeast(sorted: number[], min: number): number | undefined {
  for (const v of sorted) if (v >= min) return v;
  return undefined;
}

/** The first (h, m, s) on a matching day at or after h0:m0:s0, as ms since midnight. */
function timeOfDay(m: CronMatcher, h0: number, m0: number, s0: number): number | undefined {
  for (let h = atLeast(m.hours, h0); h !== undefined; h = atLeast(m.hours, h + 1)) {
    const minMin = h === h0 ? m0 : 0;
    for (let mi = atLeast(m.minutes, minMin); mi !== undefined; mi = atLeast(m.minutes, mi + 1)) {
      const s = atLeast(m.seconds, h === h0 && mi === m0 ? s0 : 0);
      if (s !== undefined) return ((h * 60 + mi) * 60 + s) * 1000;
    }
  }
  return undefined;
}

/** The first matching wall-clock time strictly after `local` (whole seconds), or undefined if none
 *  within ~29 years (an expression that can never match). */
export function nextMatch(m: CronMatcher, local: number): number | undefined {
  const from = Math.floor(local / 1000) * 1000 + 1000;
  let dayStart = Math.floor(from / DAY) * DAY;
  const t = from - dayStart;
  let h0 = Math.floor(t / 3_600_000);
  let m0 = Math.floor((t % 3_600_000) / 60_000);
  let s0 = Math.floor((t % 60_000) / 1000);
  for (let i = 0; i < HORIZON_DAYS; i++) {
    const date = new Date(dayStart);
    if (!m.months.has(date.getUTCMonth() + 1)) {
      dayStart = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
      h0 = m0 = s0 = 0;
      continue;
    }
    if (dayMatches(m, date)) {
      const at = timeOfDay(m, h0, m0, s0);
      if (at !== undefined) return dayStart + at;
    }
    dayStart += DAY;
    h0 = m0 = s0 = 0;
  }
  return undefined;
}
