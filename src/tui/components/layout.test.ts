import { describe, expect, it } from 'vitest';
import { barText, fit, formatAge, loadColor, sparkline, windowStart } from './layout.js';

describe('layout helpers', () => {
  it('sparkline scales to the largest value', () => {
    expect(sparkline([0, 1, 2, 4, 8])).toBe('▁▂▃▅█');
    expect(sparkline([0, 0])).toBe('▁▁');
    expect(sparkline([])).toBe('');
  });

  it('bars round to whole cells and never overflow', () => {
    expect(barText(0.5, 4)).toBe('██░░');
    expect(barText(2, 3)).toBe('███');
    expect(barText(Number.NaN, 2)).toBe('░░');
    expect([loadColor(0.1), loadColor(0.8), loadColor(0.95)]).toEqual(['green', 'yellow', 'red']);
  });

  it('ages read at a glance', () => {
    expect([formatAge(999), formatAge(61_000), formatAge(7_200_000), formatAge(3 * 86_400_000)]).toEqual(['0s', '1m', '2h', '3d']);
  });

  it('the window keeps the selected row visible and never runs past the end', () => {
    expect(windowStart(0, 5, 100)).toBe(0);
    expect(windowStart(50, 5, 100)).toBe(48);
    expect(windowStart(99, 5, 100)).toBe(95);
    expect(windowStart(3, 10, 4)).toBe(0);
  });

  it('fit pads or cuts to the exact width', () => {
    expect(fit('abc', 5)).toBe('abc  ');
    expect(fit('abc', 5, 'right')).toBe('  abc');
    expect(fit('abcdefgh', 5, 'left', 'middle')).toBe('ab…gh');
  });
});
