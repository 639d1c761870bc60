import { describe, expect, it } from 'vitest';
import { fitWidths, renderTable, terminalWidth, truncate } from './table.js';

describe('terminalWidth', () => {
  it('uses the TTY columns, else $COLUMNS, else 80', () => {
    expect(terminalWidth({ isTTY: true, columns: 132 })).toBe(132);
    expect(terminalWidth({ isTTY: false, columns: 132 })).toBe(80);
    expect(terminalWidth({}, { COLUMNS: '40' })).toBe(40);
    expect(terminalWidth({}, { COLUMNS: 'wide' })).toBe(80);
  });
});

describe('renderTable', () => {
  it('pads columns to the widest cell, two spaces apart, no trailing blanks', () => {
    const out = renderTable(['ID', { header: 'CPUS', align: 'right' }, 'NAME'], [
      ['a', '0.5', 'web'],
      ['bbbb', '12', 'x'],
    ]);
    expect(out).toBe(['ID    CPUS  NAME', 'a      0.5  web', 'bbbb    12  x', ''].join('\n'));
  });

  it('truncates the widest column with an ellipsis to fit the width', () => {
    const out = renderTable(['ID', 'COMMAND'], [['t1', 'python -m http.server 8080 --bind 0.0.0.0']], 20);
    const lines = out.trimEnd().split('\n');
    expect(lines[1]).toBe('t1  python -m http.…');
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(20);
  });

  it('prints only the header for no rows', () => {
    expect(renderTable(['A', 'B'], [])).toBe('A  B\n');
  });
});

describe('fitWidths', () => {
  it('levels the widest columns first and stops at a minimum', () => {
    expect(fitWidths([10, 30, 20], 44)).toEqual([10, 15, 15]);
    expect(fitWidths([5, 5], 2)).toEqual([3, 3]);
  });

  it('keeps headers whole until nothing else can shrink', () => {
    expect(fitWidths([8, 30], 20, [8, 2])).toEqual([8, 10]);
    expect(fitWidths([8, 30], 10, [8, 2])).toEqual([5, 3]);
  });

  it('narrows keep columns (ids to copy) last: to 30 while the others keep their headers, then below', () => {
    expect(fitWidths([40, 20, 20], 60, [2, 4, 4], [true, false, false])).toEqual([40, 8, 8]);
    expect(fitWidths([40, 20, 20], 42, [2, 4, 4], [true, false, false])).toEqual([30, 4, 4]);
    expect(fitWidths([40, 20, 20], 40, [2, 4, 4], [true, false, false])).toEqual([30, 3, 3]);
  });
});

describe('truncate', () => {
  it('counts code points', () => {
    expect(truncate('tâche-ü', 7)).toBe('tâche-ü');
    expect(truncate('tâche-ü', 4)).toBe('tâc…');
  });
  it('cuts ids in the middle so their distinguishing ends stay', () => {
    expect(truncate('5e2d9b8c-1f3a-4c8e-9b7d-2a6f0c4e8d11-0001', 15, 'middle')).toBe('5e2d9b8…11-0001');
  });
});
