/**
 * Fixed-point scalars: upstream rounds every scalar to 3 decimals (`convertToFixed` in
 * `src/common/values.cpp`). We keep the rounded value as integer milli-units so that adding 0.001 a
 * thousand times gives exactly 1.
 */
import { ResourceError } from './resource-error.js';

/** Converts a float such as `0.1` to milli-units (`100`), rejecting what upstream would reject. */
export function toMilli(value: number, what = 'scalar'): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ResourceError(`${what} must be a finite number, got ${String(value)}`);
  }
  if (value < 0) throw new ResourceError(`${what} must not be negative, got ${value}`);
  const milli = Math.round(value * 1000);
  if (!Number.isSafeInteger(milli)) throw new ResourceError(`${what} is too large: ${value}`);
  return milli;
}

/** Milli-units back to the float value the wire carries (exact to 3 decimals after JSON printing). */
export function fromMilli(milli: number): number {
  return milli / 1000;
}

/** Shortest decimal text for a milli value: 4000 → "4", 1500 → "1.5", 1 → "0.001". */
export function formatMilli(milli: number): string {
  return String(milli / 1000);
}
