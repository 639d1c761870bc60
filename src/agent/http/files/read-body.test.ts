import { describe, expect, it } from 'vitest';
import { encodeReadBody, jsonStringBytes } from './read-body.js';

describe('encodeReadBody', () => {
  it('is plain JSON for text', () => {
    const text = 'line "one"\\\n\ttab\r\u0001end';
    expect(JSON.parse(encodeReadBody(7, Buffer.from(text)).toString('utf8'))).toEqual({ offset: 7, data: text });
  });
  it('keeps bytes >= 0x80 raw so a cut multi-byte character costs no offset arithmetic', () => {
    const cut = Buffer.from('café').subarray(0, 4); // "caf" + the first byte of "é"
    expect(jsonStringBytes(cut)).toEqual(cut);
    const body = encodeReadBody(0, cut);
    expect(body.subarray(-3)).toEqual(Buffer.from([0xc3, 0x22, 0x7d]));
  });
  it('round-trips arbitrary bytes for a byte-level (latin1) reader', () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const parsed = JSON.parse(encodeReadBody(42, bytes).toString('latin1')) as { offset: number; data: string };
    expect({ offset: parsed.offset, data: Buffer.from(parsed.data, 'latin1') }).toEqual({ offset: 42, data: bytes });
  });
  it('wraps a jsonp callback', () => {
    expect(encodeReadBody(3, Buffer.alloc(0), 'cb').toString()).toBe('cb({"offset":3,"data":""});');
  });
});
