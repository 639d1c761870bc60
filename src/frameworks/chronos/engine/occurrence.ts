/**
 * Is a scheduled job due, and which occurrence does the run stand for (pure)? Occurrences missed
 * while no leader ran coalesce into one (the latest), as Chronos 3 does; the stored schedule moves
 * on in the same write as the run is created: an ISO 8601 text is rewritten (`Rn` drops, the start
 * moves past now), a cron job's cursor becomes the occurrence. A late occurrence past the job's
 * `startingDeadlineSeconds` is skipped instead (Metronome's missed-run deadline).
 * @module
 */
import { advanceIso, firesBetween, nextFire, type Schedule } from '../schedule/index.js';
import { isoText, scheduleOf } from '../job-model/schedule-spec.js';
import type { JobDoc } from '../store/chronos-store.js';

/** Most occurrences counted one by one; beyond it the count is reported as "at least". */
export const COUNT_LIMIT = 10_000;

export type Occurrence =
  | { due: false; next?: number }
  | { due: true; at: number; missed: number; late: boolean; doc: JobDoc; next?: number };

export function occurrence(doc: JobDoc, now: number): Occurrence {
  const s = doc.job.schedule;
  if (!s || !s.enabled || doc.job.disabled) return { due: false };
  let parsed: Schedule;
  try {
    parsed = scheduleOf(s, new Date(now));
  } catch {
    return { due: false };
  }
  if (parsed.kind === 'iso8601') {
    if (parsed.repeats === 0) return { due: false };
    const start = parsed.start.getTime();
    if (start > now) return { due: false, next: start };
    const found = latest(parsed, start - 1, now);
    const at = found.at ?? start;
    const count = Math.max(1, found.count);
    const advanced = advanceIso(parsed, new Date(now));
    const exhausted = advanced.repeats === 0;
    const next = exhausted ? undefined : advanced.start.getTime();
    const job = { ...doc.job, schedule: { ...s, expression: isoText(advanced) }, ...(exhausted ? { disabled: true } : {}) };
    return finish({ ...doc, job, cursor: at }, at, count, now, next);
  }
  const { at, count } = latest(parsed, doc.cursor, now);
  if (at === undefined) return { due: false, next: nextFire(parsed, new Date(Math.max(doc.cursor, now)))?.getTime() };
  const next = nextFire(parsed, new Date(Math.max(at, now)))?.getTime();
  return finish({ ...doc, cursor: at }, at, count, now, next);
}

function finish(doc: JobDoc, at: number, count: number, now: number, next: number | undefined): Occurrence {
  const deadline = doc.job.schedule?.startingDeadlineSeconds;
  const late = deadline !== undefined && now - at > deadline * 1000;
  return { due: true, at, missed: Math.max(0, count - 1), late, doc, ...(next !== undefined ? { next } : {}) };
}

/** The latest occurrence in (from, now] and how many there were (at most COUNT_LIMIT counted). */
function latest(s: Schedule, from: number, now: number): { at?: number; count: number } {
  const fires = firesBetween(s, new Date(from), new Date(now), COUNT_LIMIT);
  if (fires.length < COUNT_LIMIT) return { count: fires.length, ...(fires.length ? { at: fires[fires.length - 1]!.getTime() } : {}) };
  // Too many to walk: look back from now in growing windows for the latest one.
  for (let w = 60_000; ; w *= 4) {
    const start = Math.max(from, now - w);
    const near = firesBetween(s, new Date(start), new Date(now), COUNT_LIMIT);
    if (near.length > 0 && near.length < COUNT_LIMIT) return { at: near[near.length - 1]!.getTime(), count: COUNT_LIMIT };
    if (start === from) return { at: fires[fires.length - 1]!.getTime(), count: COUNT_LIMIT };
  }
}

/** Words for a run standing for several occurrences, or a skipped one. */
export function describeMissed(o: Extract<Occurrence, { due: true }>, now: number): string | undefined {
  const many = o.missed >= COUNT_LIMIT - 1 ? `at least ${o.missed}` : String(o.missed);
  const coalesced = o.missed > 0 ? `${many} earlier missed occurrence${o.missed === 1 ? '' : 's'} coalesced into this one` : undefined;
  if (!o.late) return coalesced;
  const late = Math.round((now - o.at) / 1000);
  return `skipped: the occurrence at ${new Date(o.at).toISOString()} is ${late}s late, past startingDeadlineSeconds=${o.doc.job.schedule?.startingDeadlineSeconds}${coalesced ? `; ${coalesced}` : ''}`;
}
