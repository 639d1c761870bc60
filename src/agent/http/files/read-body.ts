/**
 * The `/files/read` response body, written byte by byte (upstream serialises `data` as the raw file
 * bytes inside a JSON string, escaping only what JSON requires). Decoding the window as UTF-8 first
 * would turn a multi-byte character cut at a 16-page boundary into U+FFFD and break byte-offset
 * arithmetic in tailing clients; raw bytes keep `offset + bytes` exact, and whole lines of UTF-8
 * text still arrive as valid UTF-8.
 */

const SHORT_ESCAPES: Record<number, string> = { 0x22: '\\"', 0x5c: '\\\\', 0x08: '\\b', 0x0c: '\\f', 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t' };

/** `data` as the inside of a JSON string: quotes, backslashes and control bytes escaped, the rest raw. */
export function jsonStringBytes(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < data.length; i++) {
    const b = data[i]!;
    if (b >= 0x20 && b !== 0x22 && b !== 0x5c) continue;
    if (i > start) parts.push(data.subarray(start, i));
    parts.push(Buffer.from(SHORT_ESCAPES[b] ?? `\\u${b.toString(16).padStart(4, '0')}`, 'latin1'));
    start = i + 1;
  }
  if (start < data.length) parts.push(data.subarray(start));
  return Buffer.concat(parts);
}

/** `{"offset":N,"data":"…"}`, wrapped as `cb(…);` for a jsonp callback. */
export function encodeReadBody(offset: number, data: Buffer, jsonp?: string): Buffer {
  const json = Buffer.concat([Buffer.from(`{"offset":${offset},"data":"`), jsonStringBytes(data), Buffer.from('"}')]);
  return jsonp === undefined ? json : Buffer.concat([Buffer.from(`${jsonp}(`), json, Buffer.from(');')]);
}
