import { describe, expect, it } from 'vitest';
import { frame, LineSplitter } from './protocol.js';

describe('LineSplitter', () => {
  it('reassembles messages split across chunks and separates several in one chunk', () => {
    const s = new LineSplitter();
    const a = frame({ op: 'list', reqId: 1 });
    const b = frame({ op: 'kill', reqId: 2, containerId: 'c', signal: 'SIGTERM' });
    expect(s.push(a.slice(0, 5))).toEqual([]);
    expect(s.push(a.slice(5) + b + a.slice(0, 3))).toEqual([a.trim(), b.trim()]);
    expect(s.push(a.slice(3))).toEqual([a.trim()]);
  });

  it('frames are one line even when values hold newlines', () => {
    const f = frame({ type: 'failed', reqId: 1, message: 'two\nlines' });
    expect(f.indexOf('\n')).toBe(f.length - 1);
    expect(JSON.parse(f)).toMatchObject({ message: 'two\nlines' });
  });
});
