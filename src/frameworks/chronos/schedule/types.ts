/**
 * Schedule vocabulary shared by the Chronos-mode service: an ISO 8601 repeating interval
 * (Chronos `schedule`) or a cron expression (Metronome `cron`), both with an IANA time zone.
 */

/** A schedule the user gave us cannot be used; the message says what is wrong (shown in 400s). */
export class ScheduleError extends Error {
  override name = 'ScheduleError';
}

/** An ISO 8601 duration split into its designators. Fractions are allowed only on the smallest unit. */
export interface IsoPeriod {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export type IsoSchedule = {
  kind: 'iso8601';
  /** Remaining runs; undefined = forever (`R`), 0 = exhausted (`R0`). */
  repeats?: number;
  /** The next (or first) occurrence. */
  start: Date;
  period: IsoPeriod;
  /** IANA zone, '' = the offset written in the string (UTC when none). */
  timeZone: string;
  /** The text as given (or as rewritten by formatIso8601Schedule). */
  text: string;
};

export type CronSchedule = {
  kind: 'cron';
  expression: string;
  /** IANA zone, default 'UTC'. */
  timeZone: string;
};

export type Schedule = IsoSchedule | CronSchedule;
