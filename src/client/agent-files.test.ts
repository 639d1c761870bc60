import { describe, expect, it } from 'vitest';
import { decodeReadBody } from './agent-files.js';

const body = (parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('decodeReadBody', () => {
  it('returns data as the exact bytes for ASCII, escapes and UTF-8', () => {
    const text = 'a "quoted" \\ back\tslash\nné 日本 🚀';
    const chunk = decodeReadBody(Buffer.from(JSON.stringify({ offset: 7, data: text })));
    expect(chunk?.offset).toBe(7);
    expect(chunk?.data.equals(Buffer.from(text))).toBe(true);
  });

  it('keeps a UTF-8 character cut by the 16-page boundary as raw bytes, as upstream sends them', () => {
    // "é" is C3 A9; upstream's chunk ends after C3 and writes the lone byte into the JSON string.
    const chunk = decodeReadBody(body(['{"offset":0,"data":"caf', [0xc3], '"}']));
    expect([...chunk!.data]).toEqual([0x63, 0x61, 0x66, 0xc3]);
    const next = decodeReadBody(body(['{"offset":4,"data":"', [0xa9], '!"}']));
    expect(Buffer.concat([chunk!.data, next!.data]).toString('utf8')).toBe('café!');
  });

  it('passes bytes that are not UTF-8 through', () => {
    const chunk = decodeReadBody(body(['{"data":"', [0xff, 0x41, 0x80], '","offset":3}']));
    expect([...chunk!.data]).toEqual([0xff, 0x41, 0x80]);
  });

  it('turns \\uXXXX escapes of non-ASCII characters (ensure_ascii servers) into their UTF-8 bytes', () => {
    const chunk = decodeReadBody(Buffer.from('{"offset":0,"data":"\\u00e9 \\u65e5 \\ud83d\\ude80 \\u0001 \\\\u00e9"}'));
    expect(chunk!.data.toString('utf8')).toBe('é 日 🚀 \u0001 \\u00e9');
  });

  it('answers the size for offset=-1 bodies and undefined for anything else', () => {
    expect(decodeReadBody(Buffer.from('{"offset":1234,"data":""}'))).toEqual({ offset: 1234, data: Buffer.alloc(0) });
    expect(decodeReadBody(Buffer.from('not json'))).toBeUndefined();
    expect(decodeReadBody(Buffer.from('{"offset":"1","data":""}'))).toBeUndefined();
    expect(decodeReadBody(Buffer.from('[]'))).toBeUndefined();
  });
});
