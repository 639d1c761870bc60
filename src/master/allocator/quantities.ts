/**
 * Scalar quantity vectors for DRF. Upstream's sorter works on scalar quantities only (ranges and
 * sets never count toward a share). We intern each scalar name to a slot once and keep integer
 * milli-unit vectors, so share updates in the allocation loop are a few array adds.
 */
import type { Resources } from '../../protocol/resources/index.js';

/** Maps scalar resource names to vector slots; grows as new names appear on agents. */
export class ResourceIndex {
  private readonly slots = new Map<string, number>();

  /** Slot for `name`, interning it on first sight. */
  slot(name: string): number {
    let s = this.slots.get(name);
    if (s === undefined) {
      s = this.slots.size;
      this.slots.set(name, s);
    }
    return s;
  }

  get size(): number {
    return this.slots.size;
  }
}

/** Dense milli-unit vector of the scalars in `res` (all roles, allocated or not). */
export function quantityVector(res: Resources, index: ResourceIndex): number[] {
  const out: number[] = [];
  for (const r of res.items()) {
    if (r.type !== 'SCALAR') continue;
    const s = index.slot(r.name);
    while (out.length <= s) out.push(0);
    out[s] = out[s]! + r.scalar!;
  }
  return out;
}

/** `into += sign * delta`, growing `into` with zeros when `delta` is longer. */
export function addVector(into: number[], delta: readonly number[], sign: 1 | -1): void {
  while (into.length < delta.length) into.push(0);
  for (let i = 0; i < delta.length; i++) into[i] = into[i]! + sign * delta[i]!;
}

/** True when any slot is non-zero. */
export function isNonZero(v: readonly number[]): boolean {
  for (const x of v) if (x !== 0) return true;
  return false;
}

/** DRF dominant share: the largest `allocated / total` over slots whose total is positive. */
export function dominantShare(alloc: readonly number[], totals: readonly number[]): number {
  let share = 0;
  const n = Math.min(alloc.length, totals.length);
  for (let i = 0; i < n; i++) {
    const t = totals[i]!;
    if (t > 0) {
      const s = alloc[i]! / t;
      if (s > share) share = s;
    }
  }
  return share;
}
