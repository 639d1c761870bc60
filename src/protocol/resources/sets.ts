/**
 * String-set arithmetic for SET resources. Items are kept sorted and unique so that equality and
 * containment are linear and rendering (`{a, b}`, as upstream prints sets) is deterministic.
 */
import { ResourceError } from './resource-error.js';

/** Validates and returns a sorted, de-duplicated copy. */
export function normalizeSet(items: readonly unknown[]): string[] {
  for (const item of items) {
    if (typeof item !== 'string') throw new ResourceError(`set items must be strings, got ${JSON.stringify(item)}`);
  }
  return [...new Set(items as string[])].sort();
}

/** Union of two normalised sets. */
export function unionSets(a: readonly string[], b: readonly string[]): string[] {
  if (a.length === 0) return b.slice();
  if (b.length === 0) return a.slice();
  return [...new Set([...a, ...b])].sort();
}

/** Difference `a − b` of two normalised sets. */
export function subtractSets(a: readonly string[], b: readonly string[]): string[] {
  if (b.length === 0) return a.slice();
  const drop = new Set(b);
  return a.filter((x) => !drop.has(x));
}

/** True when every item of `b` is in `a`. */
export function containsSet(a: readonly string[], b: readonly string[]): boolean {
  if (b.length > a.length) return false;
  const have = new Set(a);
  return b.every((x) => have.has(x));
}

/** Equality of two normalised sets. */
export function equalSets(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Upstream's text form, also used by the legacy JSON: `{a, b}`. */
export function formatSet(items: readonly string[]): string {
  return `{${items.join(', ')}}`;
}
