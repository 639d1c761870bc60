/**
 * When a schedule fires. ISO 8601 occurrences chain from `start` by adding the period again and
 * again (as Chronos rewrites its stored start after each run): calendar fields (years, months,
 * weeks, days) in wall-clock time of the zone, time fields (hours, minutes, seconds) as absolute
 * time. Cron occurrences come from `cron.ts`. Both resolve wall-clock times through `zone.ts`.
 */
import { cronOccurrences } from './cron.js';
import { addCalendar, hasCalendar, timeMs } from './iso-date.js';
import { formatIso8601Schedule, formatWithLocal, nominalLocal, zoneOf } from './iso8601.js';
import type { IsoSchedule, Schedule } from './types.js';
import { fromLocal, toLocal } from './zone.js';

const DAY = 86_400_000;
const MAX_TIME = 8.64e15; // the last instant a Date can hold

interface Occurrence {
  /** The instant it fires. */
  at: number;
  /** Its wall-clock time as the period produced it (inside a DST gap it differs from toLocal(at)). */
  local: number;
}

/** ISO occurrences strictly after `after`, honouring the remaining repetitions. */
function* isoOccurrences(s: IsoSchedule, after: number): Generator<Occurrence> {
  const { period, repeats } = s;
  if (repeats === 0) return;
  const zone = zoneOf(s);
  const step = timeMs(period);
  let at = s.start.getTime();
  let index = 0; // 0 = the start itself
  let local = NaN;

  if (!hasCalendar(period)) {
    if (at <= after) index = Math.floor((after - at) / step) + 1;
    for (; repeats === undefined || index < repeats; index++) {
      const t = at + index * step;
      if (t > MAX_TIME) return;
      yield { at: t, local: toLocal(zone, t) };
    }
    return;
  }

  local = nominalLocal(s);
  const days = period.weeks * 7 + period.days;
  if (at <= after && step === 0 && period.years === 0 && period.months === 0) {
    // Whole days or weeks only: jump close to `after` instead of walking there day by day.
    const jump = Math.max(0, Math.floor((toLocal(zone, after) - local) / (days * DAY)) - 1);
    index = jump;
    local += jump * days * DAY;
    at = fromLocal(zone, local);
  }
  for (; repeats === undefined || index < repeats; index++) {
    if (!(at <= MAX_TIME)) return;
    if (at > after) yield { at, local };
    local = addCalendar(local, period);
    if (!(local <= MAX_TIME - DAY)) return; // past the end of representable time
    at = fromLocal(zone, local);
    if (step !== 0) {
      at += step;
      if (!(at <= MAX_TIME)) return;
      local = toLocal(zone, at);
    }
  }
}

function occurrences(s: Schedule, after: number): Iterator<number | Occurrence> {
  return s.kind === 'cron' ? cronOccurrences(s, after) : isoOccurrences(s, after);
}

const instantOf = (o: number | Occurrence): number => (typeof o === 'number' ? o : o.at);

/** The first occurrence strictly after `after`, or undefined when the schedule is exhausted.
 *  DST: a wall-clock time repeated at fall-back fires ONCE (the first instance); a wall-clock time
 *  skipped at spring-forward fires at the first instant after the gap (shifted forward). */
export function nextFire(s: Schedule, after: Date): Date | undefined {
  const first = occurrences(s, after.getTime()).next();
  return first.done ? undefined : new Date(instantOf(first.value));
}

/** Occurrences in (from, to], at most `limit` — for counting missed fires while down. */
export function firesBetween(s: Schedule, from: Date, to: Date, limit: number): Date[] {
  const out: Date[] = [];
  const end = to.getTime();
  const it = occurrences(s, from.getTime());
  while (out.length < limit) {
    const n = it.next();
    if (n.done || instantOf(n.value) > end) break;
    out.push(new Date(instantOf(n.value)));
  }
  return out;
}

/** Consume occurrences up to `now` for an ISO schedule: one run (missed periods coalesce into it, as
 *  Chronos 3 does), so Rn drops by 1 and the start moves to the first occurrence after `now`. The
 *  text is rewritten to the stored form. A schedule not yet due, or exhausted, comes back unchanged. */
export function advanceIso(s: IsoSchedule, now: Date): IsoSchedule {
  if (s.repeats === 0 || s.start.getTime() > now.getTime()) return s;
  const repeats = s.repeats === undefined ? undefined : s.repeats - 1;
  const next = isoOccurrences({ ...s, repeats: undefined }, now.getTime()).next();
  if (next.done) return { ...s, repeats: 0, text: formatIso8601Schedule({ ...s, repeats: 0 }) };
  const moved: IsoSchedule = { ...s, repeats, start: new Date(next.value.at) };
  return { ...moved, text: formatWithLocal(moved, next.value.local) };
}
