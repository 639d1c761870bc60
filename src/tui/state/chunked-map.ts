/**
 * An immutable string-keyed map for the ten thousand tasks of a big cluster, copied on write one
 * small chunk at a time. The reducer must hand React a new map for every batch of events; copying
 * a 10,000-entry `Map` each time (several times a second) made `tsmesos top` spend a fifth of its
 * time in the garbage collector (bench/tui). Here keys hash into CHUNKS plain `Map`s, and a batch
 * copies only the chunks it touches. Reads (`get`, iteration) look like a `ReadonlyMap`'s.
 */

const CHUNKS = 256;

/** FNV-1a, folded to a chunk index. */
function chunkOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % CHUNKS;
}

export class ChunkedMap<V> implements ReadonlyMap<string, V> {
  private constructor(
    private readonly chunks: ReadonlyArray<ReadonlyMap<string, V> | undefined>,
    readonly size: number,
  ) {}

  static empty<V>(): ChunkedMap<V> {
    return new ChunkedMap<V>(new Array(CHUNKS).fill(undefined), 0);
  }

  static from<V>(entries: Iterable<readonly [string, V]>): ChunkedMap<V> {
    const d = ChunkedMap.empty<V>().edit();
    for (const [k, v] of entries) d.set(k, v);
    return d.finish();
  }

  get(key: string): V | undefined {
    return this.chunks[chunkOf(key)]?.get(key);
  }

  has(key: string): boolean {
    return this.chunks[chunkOf(key)]?.has(key) ?? false;
  }

  *entries(): MapIterator<[string, V]> {
    for (const c of this.chunks) if (c) yield* c.entries();
  }

  *keys(): MapIterator<string> {
    for (const c of this.chunks) if (c) yield* c.keys();
  }

  *values(): MapIterator<V> {
    for (const c of this.chunks) if (c) yield* c.values();
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(fn: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }

  /** A draft that copies a chunk the first time it writes to it; `finish()` freezes it again. */
  edit(): ChunkedMapDraft<V> {
    return new ChunkedMapDraft(this.chunks, this.size, (chunks, size) => new ChunkedMap(chunks, size));
  }
}

export class ChunkedMapDraft<V> {
  private readonly chunks: Array<ReadonlyMap<string, V> | undefined>;
  private readonly copied = new Set<number>();

  constructor(
    base: ReadonlyArray<ReadonlyMap<string, V> | undefined>,
    private size: number,
    private readonly make: (chunks: ReadonlyArray<ReadonlyMap<string, V> | undefined>, size: number) => ChunkedMap<V>,
  ) {
    this.chunks = [...base];
  }

  private writable(i: number): Map<string, V> {
    if (!this.copied.has(i)) {
      this.chunks[i] = new Map(this.chunks[i]);
      this.copied.add(i);
    }
    return this.chunks[i] as Map<string, V>;
  }

  get(key: string): V | undefined {
    return this.chunks[chunkOf(key)]?.get(key);
  }

  set(key: string, value: V): void {
    const c = this.writable(chunkOf(key));
    if (!c.has(key)) this.size++;
    c.set(key, value);
  }

  delete(key: string): boolean {
    const i = chunkOf(key);
    if (!this.chunks[i]?.has(key)) return false;
    this.writable(i).delete(key);
    this.size--;
    return true;
  }

  *values(): Generator<V> {
    for (const c of this.chunks) if (c) yield* c.values();
  }

  finish(): ChunkedMap<V> {
    return this.make(this.chunks, this.size);
  }
}
