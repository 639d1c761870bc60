import { describe, expect, it } from 'vitest';
import { DurationError, formatDuration, parseDuration } from './duration.js';

describe('parseDuration', () => {
  it.each([
    ['1secs', 1000],
    ['5secs', 5000],
    ['10mins', 600_000],
    ['1hrs', 3_600_000],
    ['2days', 172_800_000],
    ['1weeks', 604_800_000],
    ['100ms', 100],
    ['1.5secs', 1500],
    ['500us', 0.5],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '5', 'secs', '5 seconds', '-1secs', '5s', 'abc'])('rejects %j', (text) => {
    expect(() => parseDuration(text)).toThrow(DurationError);
  });
});

describe('formatDuration', () => {
  it('uses the largest exact unit', () => {
    expect(formatDuration(1000)).toBe('1secs');
    expect(formatDuration(15_000)).toBe('15secs');
    expect(formatDuration(600_000)).toBe('10mins');
    expect(formatDuration(1500)).toBe('1500ms');
    expect(formatDuration(0)).toBe('0ns');
  });
});
