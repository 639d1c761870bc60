import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordIODecoder, RecordIOError, encodeRecord } from './recordio.js';

describe('RecordIO', () => {
  it('prefixes the UTF-8 byte length, not the character count', () => {
    const rec = { name: 'tâche-ü' };
    const json = JSON.stringify(rec);
    const encoded = encodeRecord(rec).toString('utf8');
    expect(json.length).toBe(18);
    expect(encoded).toBe(`20\n${json}`);
  });

  it('decodes records split at any byte, including inside a multi-byte character', () => {
    const records = [{ type: 'SUBSCRIBED', n: 'tâche-ü' }, { type: 'HEARTBEAT' }, { emoji: '😀 Ωmega' }];
    const wire = Buffer.concat(records.map((r) => encodeRecord(r)));
    for (let split = 1; split < wire.length; split++) {
      const d = new RecordIODecoder();
      const out = [...d.feed(wire.subarray(0, split)), ...d.feed(wire.subarray(split))];
      expect(out.map((s) => JSON.parse(s))).toEqual(records);
      expect(d.pending).toBe(0);
    }
  });

  it('round-trips arbitrary unicode strings', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', minLength: 1 }), { minLength: 1, maxLength: 5 }), (strs) => {
        const d = new RecordIODecoder();
        expect(d.feed(Buffer.concat(strs.map((s) => encodeRecord(s))))).toEqual(strs);
      }),
    );
  });

  it('rejects bad framing', () => {
    expect(() => new RecordIODecoder().feed('abc\n{}')).toThrow(RecordIOError);
    expect(() => new RecordIODecoder().feed('0\n')).toThrow(RecordIOError);
    expect(() => new RecordIODecoder(10).feed('11\n')).toThrow(RecordIOError);
    expect(() => encodeRecord('')).toThrow();
  });
});
