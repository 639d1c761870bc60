import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../http/http-error.js';
import { MAX_READ_LENGTH, parseReadParams, planRead } from './read-window.js';

function status(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof HttpError ? e.status : -1;
  }
  return undefined;
}

describe('parseReadParams', () => {
  it('treats a missing offset as a size query, as upstream does', () => {
    expect(parseReadParams({})).toEqual({ offset: -1 });
  });
  it('reads offset and length; length -1 means "to the end"', () => {
    expect(parseReadParams({ offset: '10', length: '5' })).toEqual({ offset: 10, length: 5 });
    expect(parseReadParams({ offset: '0', length: '-1' })).toEqual({ offset: 0 });
    expect(parseReadParams({ offset: '-1' })).toEqual({ offset: -1 });
  });
  it.each([
    [{ offset: 'abc' }],
    [{ offset: '1.5' }],
    [{ offset: '' }],
    [{ offset: '-2' }],
    [{ offset: '0x10' }],
    [{ offset: '99999999999999999999' }],
    [{ offset: '0', length: 'ten' }],
    [{ offset: '0', length: '-5' }],
  ])('answers 400 for %j', (q) => {
    expect(status(() => parseReadParams(q))).toBe(400);
  });
});

describe('planRead', () => {
  it('offset -1 reports the size and reads nothing', () => {
    expect(planRead({ offset: -1 }, 1234)).toEqual({ position: 1234, bytes: 0, offset: 1234 });
  });
  it('reads a window inside the file', () => {
    expect(planRead({ offset: 2, length: 3 }, 10)).toEqual({ position: 2, bytes: 3, offset: 2 });
  });
  it('stops at the end of the file', () => {
    expect(planRead({ offset: 8, length: 100 }, 10)).toEqual({ position: 8, bytes: 2, offset: 8 });
    expect(planRead({ offset: 4 }, 10)).toEqual({ position: 4, bytes: 6, offset: 4 });
  });
  it('answers empty data at an offset at or past the end', () => {
    expect(planRead({ offset: 10 }, 10)).toEqual({ position: 10, bytes: 0, offset: 10 });
    expect(planRead({ offset: 50, length: 5 }, 10)).toEqual({ position: 50, bytes: 0, offset: 50 });
  });
  it('length 0 reads nothing', () => {
    expect(planRead({ offset: 0, length: 0 }, 10).bytes).toBe(0);
  });
  it('caps a read at 16 pages', () => {
    expect(MAX_READ_LENGTH).toBe(65536);
    expect(planRead({ offset: 0 }, 10_000_000).bytes).toBe(MAX_READ_LENGTH);
    expect(planRead({ offset: 0, length: 1_000_000 }, 10_000_000).bytes).toBe(MAX_READ_LENGTH);
  });
});
