import { ScheduleError, type IsoSchedule, type Schedule } from './types.js';

/** "R[n]/<start>/<period>" (empty start = now), scheduleTimeZone overrides the offset (wall-clock fields kept, re-zoned). */
export function parseIso8601Schedule(text: string, scheduleTimeZone?: string, now?: Date): Schedule {
  void scheduleTimeZone; void now;
  throw new ScheduleError(`Cannot parse schedule '${text}'`);
}

/** The stored form after occurrences were consumed (Chronos rewrites the schedule: Rn drops, start moves). */
export function formatIso8601Schedule(s: IsoSchedule): string {
  return s.text;
}
