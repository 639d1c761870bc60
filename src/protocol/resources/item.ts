/**
 * Single-entry resource operations: the rules upstream applies to one `Resource` when it adds,
 * subtracts or compares (`src/common/resources.cpp`): entries combine only when name, type, role and
 * allocation role match; empty entries (zero scalar, no ranges, no items) disappear.
 */
import { ResourceError } from './resource-error.js';
import { checkRole } from './role.js';
import { containsRanges, equalRanges, normalizeRanges, subtractRanges, unionRanges, type Range } from './ranges.js';
import { containsSet, equalSets, normalizeSet, subtractSets, unionSets } from './sets.js';
import type { Resource, ResourceType } from './types.js';


/** Builds an entry with one fixed property layout so the engine keeps a single hidden class. */
export function makeItem(
  name: string, type: ResourceType, role: string, allocationRole: string | undefined,
  scalar: number | undefined, ranges: Range[] | undefined, set: string[] | undefined,
): Resource {
  return { name, type, role, allocationRole, scalar, ranges, set };
}

/** Copy of `r` with another allocation role (or none); value arrays are shared, never mutated. */
export function withAllocation(r: Resource, allocationRole: string | undefined): Resource {
  return makeItem(r.name, r.type, r.role, allocationRole, r.scalar, r.ranges, r.set);
}

/** Entries merge on add only when these four fields agree. */
export function sameKey(a: Resource, b: Resource): boolean {
  return a.name === b.name && a.role === b.role && a.allocationRole === b.allocationRole && a.type === b.type;
}

/** An entry with nothing in it; such entries are dropped from every result. */
export function isEmptyItem(r: Resource): boolean {
  if (r.type === 'SCALAR') return r.scalar === 0;
  if (r.type === 'RANGES') return r.ranges!.length === 0;
  return r.set!.length === 0;
}

/** Sum of two entries with the same key. */
export function addItem(a: Resource, b: Resource): Resource {
  if (a.type === 'SCALAR') return makeItem(a.name, a.type, a.role, a.allocationRole, a.scalar! + b.scalar!, undefined, undefined);
  if (a.type === 'RANGES') return makeItem(a.name, a.type, a.role, a.allocationRole, undefined, unionRanges(a.ranges!, b.ranges!), undefined);
  return makeItem(a.name, a.type, a.role, a.allocationRole, undefined, undefined, unionSets(a.set!, b.set!));
}

/** Difference of two entries with the same key; callers check containment first. */
export function subtractItem(a: Resource, b: Resource): Resource {
  if (a.type === 'SCALAR') return makeItem(a.name, a.type, a.role, a.allocationRole, a.scalar! - b.scalar!, undefined, undefined);
  if (a.type === 'RANGES') return makeItem(a.name, a.type, a.role, a.allocationRole, undefined, subtractRanges(a.ranges!, b.ranges!), undefined);
  return makeItem(a.name, a.type, a.role, a.allocationRole, undefined, undefined, subtractSets(a.set!, b.set!));
}

/** True when `a` holds at least everything in `b` (same key assumed). */
export function containsItem(a: Resource, b: Resource): boolean {
  if (a.type === 'SCALAR') return a.scalar! >= b.scalar!;
  if (a.type === 'RANGES') return containsRanges(a.ranges!, b.ranges!);
  return containsSet(a.set!, b.set!);
}

/** Value equality of two entries with the same key. */
export function equalItem(a: Resource, b: Resource): boolean {
  if (a.type === 'SCALAR') return a.scalar === b.scalar;
  if (a.type === 'RANGES') return equalRanges(a.ranges!, b.ranges!);
  return equalSets(a.set!, b.set!);
}

/** Validates caller-supplied data and returns a normalised entry that owns its arrays. */
export function validateItem(raw: Resource): Resource {
  if (raw === null || typeof raw !== 'object') throw new ResourceError('a resource must be an object');
  const { name, type } = raw;
  if (typeof name !== 'string' || name.length === 0) throw new ResourceError('a resource needs a non-empty name');
  const role = checkRole(raw.role ?? '*');
  const allocationRole = raw.allocationRole == null ? undefined : checkRole(raw.allocationRole);
  if (type === 'SCALAR') {
    const s = raw.scalar;
    if (typeof s !== 'number' || !Number.isSafeInteger(s) || s < 0) {
      throw new ResourceError(`resource '${name}': scalar must be a non-negative integer of milli-units, got ${String(s)}`);
    }
    return makeItem(name, type, role, allocationRole, s, undefined, undefined);
  }
  if (type === 'RANGES') {
    if (!Array.isArray(raw.ranges)) throw new ResourceError(`resource '${name}': RANGES needs a ranges array`);
    return makeItem(name, type, role, allocationRole, undefined, normalizeRanges(raw.ranges), undefined);
  }
  if (type === 'SET') {
    if (!Array.isArray(raw.set)) throw new ResourceError(`resource '${name}': SET needs a set array`);
    return makeItem(name, type, role, allocationRole, undefined, undefined, normalizeSet(raw.set));
  }
  throw new ResourceError(`resource '${name}': unknown type ${JSON.stringify(type)}`);
}
