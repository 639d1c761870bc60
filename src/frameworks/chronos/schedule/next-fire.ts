import type { IsoSchedule, Schedule } from './types.js';

/** The first occurrence strictly after `after`, or undefined when the schedule is exhausted. */
export function nextFire(s: Schedule, after: Date): Date | undefined {
  void s; void after;
  return undefined;
}

/** Occurrences in (from, to], at most `limit` — for counting missed fires while down. */
export function firesBetween(s: Schedule, from: Date, to: Date, limit: number): Date[] {
  void s; void from; void to; void limit;
  return [];
}

/** Consume occurrences up to `now` for an ISO schedule (coalesced missed periods count as one run). */
export function advanceIso(s: IsoSchedule, now: Date): IsoSchedule {
  void now;
  return s;
}
