import { describe, expect, it } from 'vitest';
import { formatBytes, formatCpuTime, formatMegabytes, formatScalar } from './units.js';

describe('units', () => {
  it('formats bytes like ps/top', () => {
    expect(formatBytes(512)).toBe('512B');
    expect(formatBytes(1536)).toBe('1.5K');
    expect(formatBytes(12.3 * 1024 * 1024)).toBe('12M');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5M');
    expect(formatBytes(undefined)).toBe('-');
    expect(formatMegabytes(1536)).toBe('1.5G');
  });
  it('formats cpu time as M:SS or H:MM:SS', () => {
    expect(formatCpuTime(3.7)).toBe('0:03');
    expect(formatCpuTime(125)).toBe('2:05');
    expect(formatCpuTime(3725)).toBe('1:02:05');
    expect(formatCpuTime(undefined)).toBe('-');
  });
  it('formats scalars with at most 3 decimals', () => {
    expect(formatScalar(0.1)).toBe('0.1');
    expect(formatScalar(0.30000000000000004)).toBe('0.3');
    expect(formatScalar(2)).toBe('2');
  });
});
