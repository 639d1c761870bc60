/**
 * The value syntaxes `docker run` accepts for its options (docker CLI `opts` package behaviour):
 * binary sizes (`64m`, `1.5g`, `512k`, plain bytes), booleans (`--init`, `--init=false`), and
 * `key=value` pairs. Parameters arrive in `DockerInfo.parameters` exactly as a user would type them.
 */

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** `64m`, `64MB`, `1.5g`, `1024` → bytes; throws on anything else. */
export function parseSize(raw: string, what: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([bkmgt]?)b?\s*$/i.exec(raw);
  if (!m) throw new Error(`${what}: '${raw}' is not a size (e.g. 64m, 1g)`);
  return Math.round(Number(m[1]) * SIZE_UNITS[m[2]!.toLowerCase()]!);
}

/** A memory value that may also be `-1` (unlimited), as `--memory-swap` allows. */
export function parseSizeOrUnlimited(raw: string, what: string): number {
  return raw.trim() === '-1' ? -1 : parseSize(raw, what);
}

export function parseInt10(raw: string, what: string): number {
  if (!/^\s*-?\d+\s*$/.test(raw)) throw new Error(`${what}: '${raw}' is not an integer`);
  return Number.parseInt(raw, 10);
}

export function parseNumber(raw: string, what: string): number {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) throw new Error(`${what}: '${raw}' is not a number`);
  return n;
}

/** A flag given without a value means true, as on the command line. */
export function parseBool(raw: string, what: string): boolean {
  const v = raw.trim().toLowerCase();
  if (v === '' || v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw new Error(`${what}: '${raw}' is not true or false`);
}

/** `k=v` → [k, v]; `k` alone → [k, ''] (docker accepts a bare label key). */
export function splitKeyValue(raw: string): [string, string] {
  const i = raw.indexOf('=');
  return i < 0 ? [raw, ''] : [raw.slice(0, i), raw.slice(i + 1)];
}
