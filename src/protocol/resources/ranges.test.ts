import { describe, expect, it } from 'vitest';
import { containsRanges, formatRanges, normalizeRanges, subtractRanges, unionRanges } from './ranges.js';
import { ResourceError } from './resource-error.js';

describe('ranges', () => {
  it('coalesces adjacent and overlapping pairs, sorted', () => {
    expect(normalizeRanges([[3, 4], [1, 2]])).toEqual([[1, 4]]);
    expect(normalizeRanges([[10, 20], [1, 5], [15, 30], [32, 32]])).toEqual([[1, 5], [10, 30], [32, 32]]);
  });

  it('rejects begin > end and non-integers', () => {
    expect(() => normalizeRanges([[5, 4]])).toThrow(ResourceError);
    expect(() => normalizeRanges([[1.5, 4]])).toThrow(/integers/);
    expect(() => normalizeRanges([[-1, 4]])).toThrow(/non-negative/);
  });

  it('unions, subtracts and checks containment', () => {
    expect(unionRanges([[1, 3]], [[4, 6], [10, 11]])).toEqual([[1, 6], [10, 11]]);
    expect(subtractRanges([[31000, 32000]], [[31000, 31000], [31002, 31005], [32000, 32000]]))
      .toEqual([[31001, 31001], [31006, 31999]]);
    expect(subtractRanges([[1, 10], [20, 30]], [[5, 25]])).toEqual([[1, 4], [26, 30]]);
    expect(containsRanges([[1, 10], [20, 30]], [[2, 3], [20, 30]])).toBe(true);
    expect(containsRanges([[1, 10], [20, 30]], [[9, 21]])).toBe(false);
    expect(containsRanges([], [])).toBe(true);
  });

  it('formats like upstream', () => {
    expect(formatRanges([[31000, 32000], [33000, 33010]])).toBe('[31000-32000, 33000-33010]');
    expect(formatRanges([])).toBe('[]');
  });
});
