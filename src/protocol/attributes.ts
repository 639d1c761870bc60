/**
 * Agent `--attributes` text (`rack:r1;zone:2;ports:[1-2];tags:{a,b}`) → v1 Attribute JSON, typed as
 * upstream does: a number is SCALAR, `[a-b]` RANGES, `{x,y}` SET, anything else TEXT.
 */
import type { AttributeV1 } from './v1/types.js';

export class AttributeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AttributeError';
    Object.setPrototypeOf(this, AttributeError.prototype);
  }
}

export function parseAttributes(text: string | undefined): AttributeV1[] {
  if (!text || !text.trim()) return [];
  return text.split(';').filter((s) => s.trim() !== '').map((part) => {
    const i = part.indexOf(':');
    if (i <= 0) throw new AttributeError(`attribute '${part}' is not NAME:VALUE`);
    const name = part.slice(0, i).trim();
    const value = part.slice(i + 1).trim();
    if (/^-?\d+(\.\d+)?$/.test(value)) return { name, type: 'SCALAR', scalar: { value: Number(value) } };
    const ranges = /^\[(.*)\]$/.exec(value);
    if (ranges) {
      const range = ranges[1]!.split(',').map((r) => {
        const m = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(r);
        if (!m) throw new AttributeError(`attribute '${name}': '${r}' is not a range like 1-10`);
        return { begin: Number(m[1]), end: Number(m[2]) };
      });
      return { name, type: 'RANGES', ranges: { range } };
    }
    const set = /^\{(.*)\}$/.exec(value);
    if (set) return { name, type: 'SET', set: { item: set[1]!.split(',').map((s) => s.trim()).filter(Boolean) } };
    return { name, type: 'TEXT', text: { value } };
  });
}
