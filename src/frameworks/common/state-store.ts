/**
 * The key/value store Marathon- and Chronos-mode keep their desired state in. Keys are relative
 * slash paths whose segments are znode names (`apps/%2Fa%2Fb`, `framework-id`): encode ids with
 * `keySegment`. Values are JSON documents well under ZooKeeper's 1 MB node limit.
 * @module
 */

export interface StateStore {
  get<T>(key: string): Promise<T | undefined>;
  put(key: string, value: unknown): Promise<void>;
  /** Deletes the key and anything stored below it; a missing key is fine. */
  delete(key: string): Promise<void>;
  /** Child names directly under `dir` ("" = the root); [] when there is nothing. */
  list(dir: string): Promise<string[]>;
  /** All-or-nothing batch (a ZooKeeper multi); value undefined deletes. */
  putMany(ops: Array<{ key: string; value?: unknown }>): Promise<void>;
}

/** This instance does not lead (any more): a write was refused so a deposed leader can not clobber state. */
export class NotLeaderError extends Error {
  constructor(message = 'not the leader: state writes are fenced off') {
    super(message);
    this.name = 'NotLeaderError';
  }
}

/** One path segment from any id: `/a/b` → `%2Fa%2Fb` (reversible with `decodeSegment`). */
export function keySegment(id: string): string {
  return encodeURIComponent(id).replace(/\./g, '%2E');
}

export function decodeSegment(segment: string): string {
  return decodeURIComponent(segment);
}

const SEGMENT = /^[^/\s]+$/;

/** Splits and checks a key: non-empty segments, no `.`/`..`, no whitespace. Throws on a bad key. */
export function keyParts(key: string, allowRoot = false): string[] {
  if (key === '' && allowRoot) return [];
  const parts = key.split('/');
  for (const p of parts) {
    if (!SEGMENT.test(p) || p === '.' || p === '..') throw new Error(`bad state key ${JSON.stringify(key)}`);
  }
  return parts;
}

/** An in-memory StateStore with the same key rules (unit tests only). */
export class MemoryStateStore implements StateStore {
  /** JSON text per key, so callers can not mutate what is stored. */
  readonly data = new Map<string, string>();
  /** Set to make writes fail as a fenced ZooKeeper store would. */
  fenced = false;

  async get<T>(key: string): Promise<T | undefined> {
    keyParts(key);
    const text = this.data.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }

  async put(key: string, value: unknown): Promise<void> {
    await this.putMany([{ key, value }]);
  }

  async delete(key: string): Promise<void> {
    await this.putMany([{ key }]);
  }

  async list(dir: string): Promise<string[]> {
    const prefix = keyParts(dir, true).map((p) => `${p}/`).join('');
    const out = new Set<string>();
    for (const k of this.data.keys()) if (k.startsWith(prefix)) out.add(k.slice(prefix.length).split('/')[0]!);
    return [...out].sort();
  }

  async putMany(ops: Array<{ key: string; value?: unknown }>): Promise<void> {
    const staged = ops.map((op) => {
      keyParts(op.key);
      return { key: op.key, text: op.value === undefined ? undefined : JSON.stringify(op.value) };
    });
    if (this.fenced) throw new NotLeaderError();
    for (const { key, text } of staged) {
      if (text === undefined) {
        for (const k of [...this.data.keys()]) if (k === key || k.startsWith(`${key}/`)) this.data.delete(k);
      } else this.data.set(key, text);
    }
  }
}
