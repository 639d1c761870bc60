/**
 * Cron schedules (Metronome `cron` + `timezone`), parsed by the cron-parser package.
 *
 * cron-parser parses and validates; `cron-step.ts` finds matches on its fields in wall-clock time only
 * (no zone, so no DST there); this module maps each wall-clock match to an instant with `zone.ts`,
 * which is where the DST policy lives: fire once at fall-back, shift to the end of the gap at
 * spring-forward.
 */
import { CronExpressionParser } from 'cron-parser';
import { matcherOf, nextMatch, type CronMatcher } from './cron-step.js';
import { ScheduleError, type CronSchedule, type Schedule } from './types.js';
import { fromLocal, isValidTimeZone, toLocal, transitionBetween } from './zone.js';

const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};
/** Longest day of each month (February 29 counts: leap years exist). */
const MONTH_DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const invalid = (expression: string, why: string): ScheduleError =>
  new ScheduleError(`Invalid cron expression '${expression}': ${why}`);

/** The expression cron-parser is given: a macro expanded, whitespace normalised. */
function normalise(expression: string): string {
  const text = expression.trim();
  if (text.startsWith('@')) {
    const expanded = MACROS[text.toLowerCase()];
    if (!expanded) throw invalid(expression, `unknown macro; use one of ${Object.keys(MACROS).join(' ')}`);
    return expanded;
  }
  const fields = text.split(/\s+/);
  if (fields.length !== 5 && fields.length !== 6) {
    throw invalid(expression, `expected 5 fields (minute hour day-of-month month day-of-week) or 6 (seconds first), got ${text === '' ? 0 : fields.length}`);
  }
  // cron-parser's Jenkins-style H picks a random value on every parse: not a stable schedule.
  if (fields.some((f) => /(?:^|,)H(?:$|[/(#,])/.test(f))) throw invalid(expression, "the hash 'H' is not supported");
  return fields.join(' ');
}

const compiled = new Map<string, CronMatcher>();

function compile(expression: string, normalised: string): CronMatcher {
  let matcher = compiled.get(normalised);
  if (matcher) return matcher;
  let fields;
  try {
    fields = CronExpressionParser.parse(normalised, { tz: 'UTC', currentDate: new Date(0) }).fields;
  } catch (err) {
    throw invalid(expression, (err as Error).message);
  }
  const { dayOfMonth, dayOfWeek, month } = fields;
  if ((dayOfWeek.values as Array<number | string>).includes('L')) {
    throw invalid(expression, "a bare 'L' in day-of-week is ambiguous; write 0L-7L for the last given weekday of the month");
  }
  if (!dayOfMonth.isWildcard && dayOfWeek.isWildcard && !dayOfMonth.hasLastChar) {
    const days = (dayOfMonth.values as Array<number | string>).filter((d): d is number => typeof d === 'number');
    const months = (month.values as Array<number | string>).filter((m): m is number => typeof m === 'number');
    if (!months.some((m) => days.some((d) => d <= MONTH_DAYS[m]!))) {
      throw invalid(expression, 'that day of the month never occurs in the given months');
    }
  }
  matcher = matcherOf(fields);
  if (nextMatch(matcher, Date.UTC(2000, 0, 1)) === undefined) throw invalid(expression, 'it never matches any date');
  if (compiled.size >= 10_000) compiled.clear();
  compiled.set(normalised, matcher);
  return matcher;
}

/** 5 fields (Unix: min hour dom month dow, dow 0-7), optional seconds-first 6-field form, @-macros.
 *  Rejects impossible dates (e.g. "0 0 31 2 *") and unknown time zones. */
export function parseCron(expression: string, timeZone = 'UTC'): Schedule {
  if (typeof expression !== 'string') throw new ScheduleError(`Invalid cron expression '${String(expression)}': not a string`);
  const zone = timeZone === '' ? 'UTC' : timeZone;
  if (!isValidTimeZone(zone)) throw new ScheduleError(`Invalid time zone '${timeZone}': not a tz database name such as Europe/Berlin`);
  compile(expression, normalise(expression));
  return { kind: 'cron', expression, timeZone: zone };
}

/** Occurrences strictly after `after` (ms), earliest first, each instant at most once. */
export function* cronOccurrences(s: CronSchedule, after: number): Generator<number> {
  const zone = s.timeZone === '' ? 'UTC' : s.timeZone;
  const matcher = compile(s.expression, normalise(s.expression));
  const localAfter = toLocal(zone, after);
  const first = fromLocal(zone, localAfter);
  let local = localAfter;
  if (first < after) {
    // `after` is in the second pass of a repeated (fall-back) hour: those wall-clock times already
    // fired in the first pass, so matching resumes where the repeated hour ends.
    const offsetBefore = localAfter - first;
    local = transitionBetween(zone, first, after) + offsetBefore - 1000;
  }
  let last = after;
  for (;;) {
    const match = nextMatch(matcher, local);
    if (match === undefined) return;
    local = match;
    const at = fromLocal(zone, match);
    if (at <= last) continue; // wall-clock times inside one gap all map to its end: fire once
    last = at;
    yield at;
  }
}
