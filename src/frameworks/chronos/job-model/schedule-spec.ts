/**
 * The bridge between a stored JobSchedule and the schedule/ module: which grammar a text is in
 * (ISO 8601 `R…/…/…` or cron, accepted by both APIs), parsing it with the job's zone, and the
 * next due time. Pure; `now` is passed in.
 * @module
 */
import { type Schedule, ScheduleError, formatIso8601Schedule, nextFire, parseCron, parseIso8601Schedule } from '../schedule/index.js';
import type { JobSchedule } from './types.js';

export function isIsoText(text: string): boolean {
  return /^R\d*\//.test(text.trim());
}

const zones = new Map<string, boolean>();

/** Whether `zone` is an IANA zone this runtime knows (memoised: Intl is slow to ask). */
export function validTimeZone(zone: string): boolean {
  let ok = zones.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      ok = true;
    } catch {
      ok = false;
    }
    if (zones.size > 1000) zones.clear();
    zones.set(zone, ok);
  }
  return ok;
}

/** Parses a schedule text with its zone; throws ScheduleError with a message fit for a 400/422. */
export function parseScheduleText(text: string, timeZone: string, now: Date): Schedule {
  if (timeZone !== '' && !validTimeZone(timeZone)) throw new ScheduleError(`Unknown time zone '${timeZone}'`);
  if (isIsoText(text)) return parseIso8601Schedule(text.trim(), timeZone || undefined, now);
  return parseCron(text.trim(), timeZone || 'UTC');
}

/** The runtime schedule of a stored one. */
export function scheduleOf(s: JobSchedule, now: Date): Schedule {
  return parseScheduleText(s.expression, s.timeZone, now);
}

/**
 * When the job is next due, given the last consumed occurrence (`cursor`, ms): for ISO the stored
 * start (the text is rewritten after each run, so the start *is* the next occurrence), for cron the
 * first occurrence after the cursor. Undefined = never (R0, exhausted, or unparsable).
 */
export function nextDue(s: JobSchedule, cursor: number, now: Date): number | undefined {
  let parsed: Schedule;
  try {
    parsed = scheduleOf(s, now);
  } catch {
    return undefined;
  }
  if (parsed.kind === 'iso8601') return parsed.repeats === 0 ? undefined : parsed.start.getTime();
  return nextFire(parsed, new Date(cursor))?.getTime();
}

/** The stored text after an ISO schedule's occurrences up to `now` were consumed. */
export function isoText(parsed: Extract<Schedule, { kind: 'iso8601' }>): string {
  return formatIso8601Schedule(parsed);
}
