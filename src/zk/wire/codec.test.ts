import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeConnectRequest, decodeConnectResponse, encodeConnectRequest, encodeConnectResponse } from './connect.js';
import { FrameDecoder, FrameError } from './framing.js';
import { JuteReader, MarshallingError } from './jute-reader.js';
import { JuteWriter } from './jute-writer.js';
import { MAX_BUFFER, OpCode } from './protocol.js';
import { readAcls, readStat, type Stat, writeAcls, writeStat } from './records.js';
import { decodeRequest, readRequestHeader } from './requests.js';

const statArb: fc.Arbitrary<Stat> = fc.record({
  czxid: fc.maxSafeNat(),
  mzxid: fc.maxSafeNat(),
  ctime: fc.maxSafeNat(),
  mtime: fc.maxSafeNat(),
  version: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  cversion: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  aversion: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  ephemeralOwner: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  dataLength: fc.nat(),
  numChildren: fc.nat(),
  pzxid: fc.maxSafeNat(),
});
const aclArb = fc.record({ perms: fc.integer({ min: 0, max: 31 }), id: fc.record({ scheme: fc.string(), id: fc.string() }) });

describe('jute round trips', () => {
  it('primitives, buffers, strings and vectors', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.boolean(), fc.option(fc.uint8Array()), fc.option(fc.string()), fc.array(fc.string()), (i, l, b, buf, s, v) => {
        const w = new JuteWriter(1);
        w.int(i).long(l).bool(b).buffer(buf ? Buffer.from(buf) : null).ustring(s).vector(v, (x, e) => void x.ustring(e));
        const r = new JuteReader(w.bytes());
        expect(r.int()).toBe(i);
        expect(r.bigLong()).toBe(l);
        expect(r.bool()).toBe(b);
        expect(r.buffer()).toEqual(buf ? Buffer.from(buf) : null);
        expect(r.ustring()).toBe(s);
        expect(r.vector((x) => x.ustring())).toEqual(v);
        expect(r.remaining).toBe(0);
      }),
    );
  });

  it('Stat and ACL records', () => {
    fc.assert(
      fc.property(statArb, fc.array(aclArb), (stat, acl) => {
        const w = new JuteWriter();
        writeStat(w, stat);
        writeAcls(w, acl);
        const r = new JuteReader(w.bytes());
        expect(readStat(r)).toEqual(stat);
        expect(readAcls(r)).toEqual(acl);
      }),
    );
  });

  it('a Stat is exactly 68 bytes on the wire', () => {
    const w = new JuteWriter();
    writeStat(w, { czxid: 1, mzxid: 2, ctime: 3, mtime: 4, version: 5, cversion: 6, aversion: 7, ephemeralOwner: 8n, dataLength: 9, numChildren: 10, pzxid: 11 });
    expect(w.length).toBe(68);
  });
});

describe('hostile input', () => {
  const createFrame = () => {
    const w = new JuteWriter();
    w.int(7).int(OpCode.create).ustring('/a/b').buffer(Buffer.from('data'));
    writeAcls(w, [{ perms: 31, id: { scheme: 'world', id: 'anyone' } }]);
    w.int(0);
    return Buffer.from(w.bytes());
  };

  it('every truncation of a request is a MarshallingError, never another exception', () => {
    const whole = createFrame();
    for (let n = 8; n < whole.length; n++) {
      const r = new JuteReader(whole.subarray(0, n));
      readRequestHeader(r);
      expect(() => decodeRequest(OpCode.create, r)).toThrow(MarshallingError);
    }
  });

  it('random bytes decode or fail with MarshallingError for every opcode', () => {
    const types = Object.values(OpCode);
    fc.assert(
      fc.property(fc.constantFrom(...types), fc.uint8Array({ maxLength: 64 }), (type, bytes) => {
        try {
          decodeRequest(type, new JuteReader(Buffer.from(bytes)));
        } catch (e) {
          expect(e).toBeInstanceOf(MarshallingError);
        }
      }),
    );
  });

  it('a vector count larger than the bytes left is refused before allocating', () => {
    const w = new JuteWriter().int(0x7fffffff);
    expect(() => new JuteReader(w.bytes()).vector((r) => r.int())).toThrow(/vector length/);
  });

  it('a buffer length beyond the frame is refused', () => {
    const w = new JuteWriter().int(1000).raw(Buffer.alloc(10));
    expect(() => new JuteReader(w.bytes()).buffer()).toThrow(MarshallingError);
  });
});

describe('framing', () => {
  it('splits any chunking of a stream into the same frames', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1 }), (payloads, cuts) => {
        const stream = Buffer.concat(payloads.map((p) => new JuteWriter().raw(Buffer.from(p)).frame()));
        const d = new FrameDecoder();
        const got: Buffer[] = [];
        let off = 0;
        for (let i = 0; off < stream.length; i++) {
          const n = cuts[i % cuts.length]!;
          got.push(...d.push(stream.subarray(off, off + n)));
          off += n;
        }
        expect(got.map((b) => [...b])).toEqual(payloads.map((p) => [...p]));
        expect(d.pending).toBe(0);
      }),
    );
  });

  it('refuses a length above jute.maxbuffer or below zero, reporting the word', () => {
    const big = Buffer.alloc(4);
    big.writeInt32BE(MAX_BUFFER + 1);
    expect(() => new FrameDecoder().push(big)).toThrow(FrameError);
    const neg = Buffer.from([0xff, 0xff, 0xff, 0xfe]);
    expect(() => new FrameDecoder().push(neg)).toThrow(FrameError);
    let err: unknown;
    try {
      new FrameDecoder().push(Buffer.from('ruok'));
    } catch (e) {
      err = e;
    }
    expect((err as FrameError).lengthWord).toBe(Buffer.from('ruok').readInt32BE(0));
  });

  it('accepts a frame of exactly jute.maxbuffer bytes', () => {
    const frame = new JuteWriter().raw(Buffer.alloc(MAX_BUFFER)).frame();
    expect(new FrameDecoder().push(frame)[0]!.length).toBe(MAX_BUFFER);
  });
});

describe('connect handshake records', () => {
  it('keeps the readOnly byte optional in both directions', () => {
    const base = { protocolVersion: 0, lastZxidSeen: 42, timeOut: 30000, sessionId: 0x0100_0000_0000_0001n, passwd: Buffer.alloc(16, 7) };
    const withRo = decodeConnectRequest(encodeConnectRequest({ ...base, readOnly: false }).subarray(4));
    expect(withRo).toEqual({ ...base, readOnly: false });
    const old = decodeConnectRequest(encodeConnectRequest({ ...base, readOnly: undefined }).subarray(4));
    expect(old.readOnly).toBeUndefined();
    const res = { protocolVersion: 0, timeOut: 4000, sessionId: 5n, passwd: Buffer.alloc(16, 1) };
    expect(encodeConnectResponse(res, true).length).toBe(encodeConnectResponse(res, false).length + 1);
    expect(decodeConnectResponse(encodeConnectResponse(res, true).subarray(4))).toEqual({ ...res, readOnly: false });
    expect(decodeConnectResponse(encodeConnectResponse(res, false).subarray(4))).toEqual(res);
  });
});
