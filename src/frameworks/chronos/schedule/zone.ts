/**
 * Wall-clock ↔ instant conversion for one time zone, with the DST policy of this module:
 * a wall-clock time that happens twice (fall-back) resolves to its FIRST instant; one that never
 * happens (spring-forward gap) resolves to the first instant after the gap (the transition).
 *
 * "Local" values are wall-clock fields encoded as if they were UTC milliseconds
 * (`Date.UTC(y, m, d, h, min, s, ms)`), so plain arithmetic and `getUTC*` work on them.
 */

/** An IANA zone name, or a fixed offset from UTC in minutes (an offset written in a date string). */
export type Zone = string | number;

const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** True when `name` is a time zone this runtime knows (IANA names, 'UTC', 'Etc/GMT+5', …). */
export function isValidTimeZone(name: string): boolean {
  if (name === '') return false;
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}

function formatterFor(name: string): Intl.DateTimeFormat {
  let f = formatters.get(name);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(name, f);
  }
  return f;
}

const HOUR = 3_600_000;
/** Per zone: hour index → the offset during that whole hour, or NaN when a transition falls inside. */
const hourOffsets = new Map<string, Map<number, number>>();

/** The zone's offset from UTC (ms) at instant `t`. Memoised per hour: Intl costs microseconds a call. */
export function offsetAt(zone: Zone, t: number): number {
  if (typeof zone === 'number') return zone * 60_000;
  if (zone === 'UTC' || zone === 'Etc/UTC') return 0;
  let hours = hourOffsets.get(zone);
  if (!hours) hourOffsets.set(zone, (hours = new Map()));
  const hour = Math.floor(t / HOUR);
  let o = hours.get(hour);
  if (o === undefined) {
    // Equal offsets at both ends of the hour: no transition inside (zones never change twice an hour).
    const first = exactOffset(zone, hour * HOUR);
    o = first === exactOffset(zone, hour * HOUR + HOUR - 1000) ? first : Number.NaN;
    if (hours.size >= 100_000) hours.clear();
    hours.set(hour, o);
  }
  return Number.isNaN(o) ? exactOffset(zone, t) : o;
}

function exactOffset(zone: string, t: number): number {
  const secondStart = Math.floor(t / 1000) * 1000;
  const f: Record<string, number> = {};
  let bc = false;
  for (const p of formatterFor(zone).formatToParts(new Date(secondStart))) {
    if (p.type === 'era') bc = p.value === 'BC' || p.value === 'B';
    else if (p.type !== 'literal') f[p.type] = Number(p.value);
  }
  const year = bc ? 1 - f.year! : f.year!;
  const local = Date.UTC(year, f.month! - 1, f.day!, f.hour!, f.minute!, f.second!);
  return local - secondStart;
}

/** Wall-clock fields of instant `t` in the zone. */
export function toLocal(zone: Zone, t: number): number {
  return t + offsetAt(zone, t);
}

/** Every instant showing this wall-clock time: one normally, two at fall-back, none in a gap. */
export function instantsOf(zone: Zone, local: number): number[] {
  if (typeof zone === 'number') return [local - zone * 60_000];
  const before = offsetAt(zone, local - DAY);
  const after = offsetAt(zone, local + DAY);
  const out: number[] = [];
  for (const o of before === after ? [before] : [before, after]) {
    const t = local - o;
    if (offsetAt(zone, t) === o) out.push(t);
  }
  return out.sort((a, b) => a - b);
}

/** The instant a wall-clock time denotes: first instant on fall-back, end of the gap on spring-forward. */
export function fromLocal(zone: Zone, local: number): number {
  const candidates = instantsOf(zone, local);
  if (candidates.length > 0) return candidates[0]!;
  // No offset maps onto this wall-clock time: it lies in a gap. Fire at the transition.
  const before = offsetAt(zone as string, local - DAY);
  const after = offsetAt(zone as string, local + DAY);
  return transitionBetween(zone, local - after, local - before);
}

/** The first instant in (lo, hi] whose offset differs from the offset at lo (binary search, ms). */
export function transitionBetween(zone: Zone, lo: number, hi: number): number {
  const o = offsetAt(zone, lo);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(zone, mid) === o) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** `2026-03-08T01:30:00.000-05:00` (Joda's ISODateTimeFormat.dateTime; `Z` for a zero offset). */
export function formatInstant(local: number, offsetMs: number): string {
  const iso = new Date(local).toISOString(); // local fields encoded as UTC
  const body = iso.slice(0, -1);
  if (offsetMs === 0) return `${body}Z`;
  const abs = Math.abs(offsetMs) / 60_000;
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(Math.floor(abs % 60)).padStart(2, '0');
  return `${body}${offsetMs < 0 ? '-' : '+'}${hh}:${mm}`;
}
