/**
 * Chronos `schedule` strings: ISO 8601 repeating intervals `R[n]/<start>/<period>`
 * (`scheduler/jobs/Iso8601Expressions.scala`). `R` repeats forever, `Rn` n more runs, `R0` none.
 * An empty start means now. `scheduleTimeZone` keeps the wall-clock fields of the start and
 * re-zones them (Joda `withZoneRetainFields`), ignoring any offset written in the string.
 */
import { formatPeriod, parseDateTime, parsePeriod, timeMs, hasCalendar } from './iso-date.js';
import { ScheduleError, type IsoSchedule, type Schedule } from './types.js';
import { formatInstant, fromLocal, instantsOf, isValidTimeZone, offsetAt, toLocal, type Zone } from './zone.js';

const EXPRESSION = /^(R\d*)\/(.*)\/(P.*)$/;

const cannot = (text: string, why: string): ScheduleError => new ScheduleError(`Cannot parse schedule '${text}' (${why})`);

/** "R[n]/<start>/<period>" (empty start = now), scheduleTimeZone overrides the offset (wall-clock fields kept, re-zoned). */
export function parseIso8601Schedule(text: string, scheduleTimeZone?: string, now: Date = new Date()): Schedule {
  if (typeof text !== 'string') throw new ScheduleError(`Cannot parse schedule '${String(text)}' (it is not a string)`);
  const m = EXPRESSION.exec(text);
  if (!m) throw cannot(text, 'expected R[n]/<start>/<period>, e.g. R/2015-12-26T17:08:10Z/PT1M');
  const [, r, startText, periodText] = m as unknown as [string, string, string, string];

  const repeats = r.length === 1 ? undefined : Number(r.slice(1));
  if (repeats !== undefined && !Number.isSafeInteger(repeats)) throw cannot(text, `the repetition count '${r}' is too large`);

  const timeZone = scheduleTimeZone ?? '';
  if (timeZone !== '' && !isValidTimeZone(timeZone)) {
    throw new ScheduleError(`Invalid scheduleTimeZone '${timeZone}': not a time zone name from the tz database (e.g. America/New_York)`);
  }

  let start: number;
  if (startText === '') {
    start = now.getTime();
  } else {
    const dt = parseDateTime(startText);
    if (!dt) throw cannot(text, `the start '${startText}' is not an ISO 8601 date-time such as 2015-12-26T17:08:10Z`);
    start = timeZone !== '' ? rezone(timeZone, dt.local, dt.offsetMinutes) : dt.local - (dt.offsetMinutes ?? 0) * 60_000;
    if (start < 0) throw new ScheduleError(`Scheduled start date '${startText}' is before 1970!`);
  }

  const period = parsePeriod(periodText);
  if (!period) throw cannot(text, `the period '${periodText}' is not an ISO 8601 duration such as PT1M, P1D or P1Y2M10DT2H30M`);
  if (!hasCalendar(period) && timeMs(period) <= 0) throw cannot(text, `the period '${periodText}' must be longer than zero`);

  return { kind: 'iso8601', repeats, start: new Date(start), period, timeZone, text };
}

/**
 * The start's wall-clock fields in the scheduleTimeZone. The written offset only picks between the
 * two instants of a fall-back wall-clock time (so a stored `01:30-05:00` stays the second 01:30 in
 * New York); any other offset is ignored and the first instant is taken.
 */
function rezone(zone: string, local: number, offsetMinutes: number | undefined): number {
  const chosen = instantsOf(zone, local).find((t) => offsetMinutes !== undefined && local - t === offsetMinutes * 60_000);
  return chosen ?? fromLocal(zone, local);
}

/** The stored form after occurrences were consumed (Chronos rewrites the schedule: Rn drops, start moves). */
export function formatIso8601Schedule(s: IsoSchedule): string {
  return formatWithLocal(s, nominalLocal(s));
}

/** The stored form of `s` with its start written as the wall-clock time `local` (see nominalLocal). */
export function formatWithLocal(s: IsoSchedule, local: number): string {
  const zone = zoneOf(s);
  const start = s.start.getTime();
  // A wall-clock start inside a spring-forward gap is written with the offset in force before the
  // gap, so re-reading it with the same scheduleTimeZone gives back the same wall-clock time.
  const offset = toLocal(zone, start) === local ? offsetAt(zone, start) : offsetAt(zone, start - 1);
  const r = s.repeats === undefined ? 'R' : `R${s.repeats}`;
  return `${r}/${formatInstant(local, offset)}/${formatPeriod(s.period)}`;
}

/** The zone calendar periods are added in: the scheduleTimeZone, else the offset written in the text. */
export function zoneOf(s: IsoSchedule): Zone {
  if (s.timeZone !== '') return s.timeZone;
  const startText = EXPRESSION.exec(s.text)?.[2];
  return (startText && parseDateTime(startText)?.offsetMinutes) || 0;
}

/**
 * The wall-clock time of the start. Normally the start's own wall-clock fields; when the written
 * start falls in a spring-forward gap (so `start` was shifted to the end of the gap), the written
 * fields — so a daily 02:30 job fires at 03:00 on the transition day and at 02:30 again after it.
 */
export function nominalLocal(s: IsoSchedule): number {
  const zone = zoneOf(s);
  const start = s.start.getTime();
  if (typeof zone === 'string') {
    const startText = EXPRESSION.exec(s.text)?.[2];
    const written = startText ? parseDateTime(startText) : undefined;
    if (written && written.local !== toLocal(zone, start) && fromLocal(zone, written.local) === start) return written.local;
  }
  return toLocal(zone, start);
}
