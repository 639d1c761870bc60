/**
 * Text renderings of resources: upstream's `operator<<` form (`cpus(*):4; mem(*):4096`) and the flat
 * legacy "model" JSON of `/state` and friends (`src/common/http.cpp`): `cpus/gpus/mem/disk` always
 * present, scalars summed over roles, ranges as `"[a-b, c-d]"`, sets as `"{x, y}"`.
 */
import { formatMilli, fromMilli } from './scalar.js';
import { formatRanges, unionRanges, type Range } from './ranges.js';
import { formatSet, unionSets } from './sets.js';
import type { Resource } from './types.js';

/** One entry as `name(role)[(allocated: r)]:value`. */
export function formatItem(r: Resource): string {
  const alloc = r.allocationRole === undefined ? '' : `(allocated: ${r.allocationRole})`;
  const value = r.type === 'SCALAR' ? formatMilli(r.scalar!) : r.type === 'RANGES' ? formatRanges(r.ranges!) : formatSet(r.set!);
  return `${r.name}(${r.role})${alloc}:${value}`;
}

/** Flat legacy JSON object for a list of normalised entries. */
export function renderLegacy(items: readonly Resource[]): Record<string, number | string> {
  const scalars = new Map<string, number>([['cpus', 0], ['gpus', 0], ['mem', 0], ['disk', 0]]);
  const ranges = new Map<string, Range[]>();
  const sets = new Map<string, string[]>();
  for (const r of items) {
    if (r.type === 'SCALAR') scalars.set(r.name, (scalars.get(r.name) ?? 0) + r.scalar!);
    else if (r.type === 'RANGES') ranges.set(r.name, unionRanges(ranges.get(r.name) ?? [], r.ranges!));
    else sets.set(r.name, unionSets(sets.get(r.name) ?? [], r.set!));
  }
  const out: Record<string, number | string> = {};
  for (const [name, milli] of scalars) out[name] = fromMilli(milli);
  for (const [name, r] of ranges) out[name] = formatRanges(r);
  for (const [name, s] of sets) out[name] = formatSet(s);
  return out;
}
