/**
 * A small typed reader over untrusted JSON that collects every problem with its JSON-pointer path,
 * so one pass serves both error shapes: Chronos answers the first problem as a sentence
 * (`ApiResult`), Metronome lists them all under `details[{path, errors}]` with Play-JSON codes
 * (`error.expected.jsstring`) for type errors and validator sentences otherwise.
 * @module
 */

export interface Issue {
  /** JSON pointer, e.g. `/run/mem`. */
  path: string;
  /** What Metronome puts in `errors[]`: a Play-JSON code for a wrong type, else a short rule. */
  error: string;
  /** The same problem as a sentence naming the field (Chronos' message). */
  message: string;
}

/** A job document that can not be accepted; `issues` is never empty. */
export class JobValidationError extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues[0]?.message ?? 'invalid job');
    this.name = 'JobValidationError';
    Object.setPrototypeOf(this, JobValidationError.prototype);
  }
}

type Json = Record<string, unknown>;
const KIND_CODE = { string: 'jsstring', number: 'jsnumber', boolean: 'jsboolean', array: 'jsarray', object: 'jsobject' } as const;
type Kind = keyof typeof KIND_CODE;

function kindOf(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  return typeof v;
}

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export class Fields {
  constructor(
    readonly raw: Json,
    readonly base: string,
    readonly issues: Issue[],
  ) {}

  /** A reader over a whole document (fails when it is not a JSON object). */
  static root(doc: unknown): Fields {
    const issues: Issue[] = [];
    if (!isObject(doc)) issues.push({ path: '/', error: 'error.expected.jsobject', message: `Expected a JSON object, got ${kindOf(doc)}` });
    return new Fields(isObject(doc) ? doc : {}, '', issues);
  }

  path(key: string | number): string {
    return `${this.base}/${key}`;
  }

  has(key: string): boolean {
    return this.raw[key] !== undefined;
  }

  fail(key: string | number, error: string, message: string): void {
    this.issues.push({ path: this.path(key), error, message });
  }

  private typed<T>(key: string, kind: Kind, ok: (v: unknown) => v is T): T | undefined {
    const v = this.raw[key];
    if (v === undefined) return undefined;
    if (ok(v)) return v;
    this.fail(key, `error.expected.${KIND_CODE[kind]}`, `${this.path(key).slice(1)} must be ${kind === 'array' || kind === 'object' ? 'an' : 'a'} ${kind}, got ${kindOf(v)} ${short(v)}`);
    return undefined;
  }

  str(key: string): string | undefined {
    return this.typed(key, 'string', (v): v is string => typeof v === 'string');
  }

  bool(key: string): boolean | undefined {
    return this.typed(key, 'boolean', (v): v is boolean => typeof v === 'boolean');
  }

  /** A finite number, optionally within bounds (checked with validator wording). */
  num(key: string, bounds: { min?: number; integer?: boolean } = {}): number | undefined {
    const v = this.typed(key, 'number', (x): x is number => typeof x === 'number' && Number.isFinite(x));
    if (v === undefined) return undefined;
    if (bounds.integer && !Number.isInteger(v)) {
      this.fail(key, 'error.expected.int', `${this.path(key).slice(1)} must be an integer, got ${v}`);
      return undefined;
    }
    if (bounds.min !== undefined && v < bounds.min) {
      this.fail(key, `is less than than ${bounds.min}`, `${this.path(key).slice(1)} must be at least ${bounds.min}, got ${v}`);
      return undefined;
    }
    return v;
  }

  arr(key: string): unknown[] | undefined {
    return this.typed(key, 'array', (v): v is unknown[] => Array.isArray(v));
  }

  obj(key: string): Fields | undefined {
    const v = this.typed(key, 'object', isObject);
    return v === undefined ? undefined : new Fields(v, this.path(key), this.issues);
  }

  /** Each element of an array of objects, as a reader (non-objects are reported). */
  objects(key: string): Fields[] {
    const list = this.arr(key) ?? [];
    const out: Fields[] = [];
    list.forEach((e, i) => {
      if (isObject(e)) out.push(new Fields(e, `${this.path(key)}/${i}`, this.issues));
      else this.issues.push({ path: `${this.path(key)}/${i}`, error: 'error.expected.jsobject', message: `${this.path(key).slice(1)}[${i}] must be an object, got ${kindOf(e)} ${short(e)}` });
    });
    return out;
  }

  /** An array of strings (non-strings are reported). */
  strings(key: string): string[] | undefined {
    const list = this.arr(key);
    if (list === undefined) return undefined;
    const bad = list.findIndex((e) => typeof e !== 'string');
    if (bad >= 0) {
      this.issues.push({ path: `${this.path(key)}/${bad}`, error: 'error.expected.jsstring', message: `${this.path(key).slice(1)}[${bad}] must be a string, got ${kindOf(list[bad])} ${short(list[bad])}` });
      return undefined;
    }
    return list as string[];
  }

  /** A string map (labels, Metronome env); values that are not strings are reported. */
  stringMap(key: string): Record<string, string> | undefined {
    const o = this.obj(key);
    if (!o) return undefined;
    const out: Record<string, string> = {};
    for (const k of Object.keys(o.raw)) {
      const v = o.str(k);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }

  /** Throws the collected issues, if any. */
  check(): void {
    if (this.issues.length) throw new JobValidationError(this.issues);
  }
}

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
