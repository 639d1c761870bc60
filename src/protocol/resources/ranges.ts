/**
 * Range-set arithmetic for RANGES resources (ports): inclusive `[begin, end]` pairs kept sorted and
 * coalesced, adjacent or overlapping pairs merged (`[1-2],[3-4]` is `[1-4]`), as upstream's
 * `Value::Ranges` coalescing does. Inputs are assumed normalised unless the name says otherwise.
 */
import { ResourceError } from './resource-error.js';

/** An inclusive interval of non-negative integers. */
export type Range = [number, number];

/** Validates, sorts and coalesces arbitrary pairs into a fresh normalised array. */
export function normalizeRanges(input: ReadonlyArray<readonly [number, number]>): Range[] {
  const copy: Range[] = [];
  for (const pair of input) {
    if (!Array.isArray(pair) || pair.length !== 2) throw new ResourceError('a range must be a [begin, end] pair');
    const [b, e] = pair;
    if (!Number.isSafeInteger(b) || !Number.isSafeInteger(e) || b < 0 || e < 0) {
      throw new ResourceError(`range bounds must be non-negative integers, got [${String(b)}, ${String(e)}]`);
    }
    if (b > e) throw new ResourceError(`range begin ${b} is greater than end ${e}`);
    copy.push([b, e]);
  }
  copy.sort((x, y) => x[0] - y[0]);
  const out: Range[] = [];
  for (const r of copy) {
    const last = out[out.length - 1];
    if (last !== undefined && r[0] <= last[1] + 1) {
      if (r[1] > last[1]) last[1] = r[1];
    } else {
      out.push([r[0], r[1]]);
    }
  }
  return out;
}

/** Union of two normalised range lists (linear merge). */
export function unionRanges(a: readonly Range[], b: readonly Range[]): Range[] {
  if (a.length === 0) return b.slice();
  if (b.length === 0) return a.slice();
  const out: Range[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]![0] <= b[j]![0]) ? a[i++]! : b[j++]!;
    const last = out[out.length - 1];
    if (last !== undefined && next[0] <= last[1] + 1) {
      if (next[1] > last[1]) last[1] = next[1];
    } else {
      out.push([next[0], next[1]]);
    }
  }
  return out;
}

/** Set difference `a − b` of two normalised lists; the result is normalised. */
export function subtractRanges(a: readonly Range[], b: readonly Range[]): Range[] {
  const out: Range[] = [];
  let j = 0;
  for (const r of a) {
    let begin = r[0];
    const end = r[1];
    while (j < b.length && b[j]![1] < begin) j++;
    let k = j;
    while (k < b.length && b[k]![0] <= end && begin <= end) {
      const cut = b[k]!;
      if (cut[0] > begin) out.push([begin, cut[0] - 1]);
      begin = cut[1] + 1;
      if (cut[1] > end) break;
      k++;
    }
    if (begin <= end) out.push([begin, end]);
  }
  return out;
}

/** True when every value in `b` is in `a`; coalescing means one range of `a` must cover each of `b`. */
export function containsRanges(a: readonly Range[], b: readonly Range[]): boolean {
  let i = 0;
  for (const r of b) {
    while (i < a.length && a[i]![1] < r[0]) i++;
    const cover = a[i];
    if (cover === undefined || cover[0] > r[0] || cover[1] < r[1]) return false;
  }
  return true;
}

/** Equality of two normalised lists. */
export function equalRanges(a: readonly Range[], b: readonly Range[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]![0] !== b[i]![0] || a[i]![1] !== b[i]![1]) return false;
  return true;
}

/** Upstream's text form, also used by the legacy JSON: `[31000-32000, 33000-33010]`. */
export function formatRanges(r: readonly Range[]): string {
  return `[${r.map(([b, e]) => `${b}-${e}`).join(', ')}]`;
}
