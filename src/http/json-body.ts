/** JSON request bodies: parse errors become 400s, and explicit `null`s mean "absent" (compat-rules.md). */
import { HttpError } from './http-error.js';

/** Deep copy of `value` with every `null` object member removed (array elements stay). */
export function stripNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripNulls);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v !== null) out[k] = stripNulls(v);
    }
    return out;
  }
  return value;
}

export function parseJsonBody(body: Buffer | string | undefined, what = 'body'): unknown {
  const text = body === undefined ? '' : typeof body === 'string' ? body : body.toString('utf8');
  if (text.trim() === '') throw new HttpError(400, `Failed to parse ${what}: empty body`);
  try {
    return stripNulls(JSON.parse(text));
  } catch (e) {
    throw new HttpError(400, `Failed to parse ${what} into JSON: ${(e as Error).message}`);
  }
}
