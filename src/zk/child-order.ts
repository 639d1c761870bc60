/**
 * The order getChildren lists children in. Upstream keeps a znode's child names in a Java
 * `HashSet` created with capacity 8, so clients see hash-bucket order, not insertion or sorted order.
 * Clients must not depend on it (Mesos sorts), but reproducing it lets the differential tests compare
 * replies from zookeeper-lite and real ZooKeeper byte for byte. Facts used: `String.hashCode`
 * (s[0]*31^(n-1) + ... in 32-bit arithmetic over UTF-16 units), the bucket index
 * `(h ^ (h >>> 16)) & (capacity - 1)`, doubling at 75% load, and insertion order within a bucket.
 * @module
 */

export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/** Table size of a `new HashSet(8)` that has held at most `maxSize` entries (it never shrinks). */
export function hashSetCapacity(maxSize: number): number {
  let cap = 8;
  while (maxSize > cap * 0.75) cap *= 2;
  return cap;
}

/** `names` in insertion order → the order a Java HashSet of that capacity iterates them. */
export function hashSetOrder(names: Iterable<string>, capacity: number): string[] {
  const keyed = [...names].map((name, i) => {
    const h = javaStringHash(name);
    return { name, bucket: (h ^ (h >>> 16)) & (capacity - 1), i };
  });
  keyed.sort((a, b) => a.bucket - b.bucket || a.i - b.i);
  return keyed.map((k) => k.name);
}
