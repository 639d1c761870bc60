/**
 * `--min_allocatable_resources` (default `cpus:0.01|mem:32`): an offer is only made when the
 * candidate resources reach at least one of the listed quantity sets, so frameworks are not
 * flooded with slivers they cannot use.
 */
import type { Resources } from '../../protocol/resources/index.js';
import { toMilli } from '../../protocol/resources/scalar.js';

/** Alternatives of (name, milli-units) minimums; an empty list allows any non-empty offer. */
export type MinAllocatable = ReadonlyArray<ReadonlyArray<readonly [string, number]>>;

/** Upstream's default thresholds. */
export const DEFAULT_MIN_ALLOCATABLE: ReadonlyArray<Record<string, number>> = [{ cpus: 0.01 }, { mem: 32 }];

/** Converts the constructor option into milli-unit thresholds (throws on negative or non-finite). */
export function compileMinAllocatable(spec: ReadonlyArray<Record<string, number>> = DEFAULT_MIN_ALLOCATABLE): MinAllocatable {
  return spec.map((entry) => Object.entries(entry).map(([name, v]) => [name, toMilli(v, `minimum '${name}'`)] as const));
}

/** True when `candidate` satisfies some alternative in full. */
export function isAllocatable(candidate: Resources, min: MinAllocatable): boolean {
  if (min.length === 0) return !candidate.isEmpty();
  const items = candidate.items();
  return min.some((alternative) => alternative.every(([name, need]) => {
    let have = 0;
    for (const r of items) if (r.type === 'SCALAR' && r.name === name) have += r.scalar!;
    return have >= need;
  }));
}
