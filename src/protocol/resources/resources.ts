/**
 * The `Resources` value object: upstream's `Resources` collection semantics (`src/common/resources.cpp`)
 * — entries with the same name, type, role and allocation role combine on add, empty entries vanish,
 * and subtracting what is not contained is an error (upstream treats it as a bug).
 */
import { ResourceError } from './resource-error.js';
import { addItem, containsItem, equalItem, isEmptyItem, sameKey, subtractItem, validateItem, withAllocation } from './item.js';
import { parseResourceText } from './parse-text.js';
import { itemToV1, itemsFromV1 } from './v1-json.js';
import { formatItem, renderLegacy } from './render.js';
import { unionRanges, type Range } from './ranges.js';
import { fromMilli } from './scalar.js';
import type { Resource } from './types.js';

/** Adds `item` into a list we own, merging with a same-key entry; rejects a name used with two types. */
function mergeInto(list: Resource[], item: Resource): void {
  if (isEmptyItem(item)) return;
  for (let i = 0; i < list.length; i++) {
    const cur = list[i]!;
    if (cur.name !== item.name) continue;
    if (cur.type !== item.type) {
      throw new ResourceError(`resource '${item.name}' used as both ${cur.type} and ${item.type}`);
    }
    if (sameKey(cur, item)) {
      list[i] = addItem(cur, item);
      return;
    }
  }
  list.push(item);
}

/**
 * Immutable multiset of resources. Every method returns a new value (entries are shared, never
 * mutated), so the allocator and master can keep references without defensive copies.
 */
export class Resources {
  private static readonly EMPTY = new Resources([]);

  private constructor(private readonly list: readonly Resource[]) {}

  /** The shared empty value. */
  static empty(): Resources {
    return Resources.EMPTY;
  }

  /** Validates and normalises caller data (scalars in integer milli-units), merging same-key entries. */
  static of(items: readonly Resource[]): Resources {
    const list: Resource[] = [];
    for (const raw of items) mergeInto(list, validateItem(raw));
    return list.length === 0 ? Resources.EMPTY : new Resources(list);
  }

  /** Agent `--resources` syntax, or a v1 JSON array when the text starts with `[`. */
  static parse(text: string, defaultRole = '*'): Resources {
    const trimmed = typeof text === 'string' ? text.trim() : text;
    if (typeof trimmed === 'string' && trimmed.startsWith('[')) {
      let json: unknown;
      try {
        json = JSON.parse(trimmed);
      } catch (err) {
        throw new ResourceError(`resources JSON is not valid: ${(err as Error).message}`);
      }
      return Resources.fromItems(itemsFromV1(json, defaultRole));
    }
    return Resources.fromItems(parseResourceText(trimmed, defaultRole));
  }

  /** v1 protobuf-JSON `Resource` array, validated strictly. */
  static fromV1(json: unknown): Resources {
    return Resources.fromItems(itemsFromV1(json));
  }

  private static fromItems(items: readonly Resource[]): Resources {
    const list: Resource[] = [];
    for (const item of items) mergeInto(list, item);
    return list.length === 0 ? Resources.EMPTY : new Resources(list);
  }

  /** v1 JSON array (scalars as floats with 3 decimals). */
  toV1(): object[] {
    return this.list.map(itemToV1);
  }

  /** Flat legacy "model" JSON as `/state` prints it. */
  toLegacy(): Record<string, number | string> {
    return renderLegacy(this.list);
  }

  /** Upstream-style text, `cpus(*):4; mem(*):4096`; `{}` when empty. */
  toString(): string {
    return this.list.length === 0 ? '{}' : this.list.map(formatItem).join('; ');
  }

  add(o: Resources): Resources {
    if (o.list.length === 0) return this;
    if (this.list.length === 0) return o;
    const list = this.list.slice();
    for (const item of o.list) mergeInto(list, item);
    return new Resources(list);
  }

  /** Throws {@link ResourceError} when `o` is not contained: the caller's bookkeeping is wrong. */
  subtract(o: Resources): Resources {
    if (o.list.length === 0) return this;
    if (o === this) return Resources.EMPTY;
    const list = this.list.slice();
    for (const item of o.list) {
      const i = list.findIndex((cur) => sameKey(cur, item));
      if (i < 0 || !containsItem(list[i]!, item)) {
        throw new ResourceError(`cannot subtract ${formatItem(item)} from ${this.toString()}`);
      }
      const rest = subtractItem(list[i]!, item);
      if (isEmptyItem(rest)) list.splice(i, 1);
      else list[i] = rest;
    }
    return list.length === 0 ? Resources.EMPTY : new Resources(list);
  }

  contains(o: Resources): boolean {
    if (o === this) return true;
    outer: for (const item of o.list) {
      for (const cur of this.list) if (sameKey(cur, item)) {
        if (containsItem(cur, item)) continue outer;
        return false;
      }
      return false;
    }
    return true;
  }

  isEmpty(): boolean {
    return this.list.length === 0;
  }

  /** Order-insensitive value equality. */
  equals(o: Resources): boolean {
    if (o === this) return true;
    if (o.list.length !== this.list.length) return false;
    return this.list.every((a) => o.list.some((b) => sameKey(a, b) && equalItem(a, b)));
  }

  /** Float value of a scalar, summed across roles and allocation roles. */
  scalar(name: string): number {
    let milli = 0;
    for (const r of this.list) if (r.name === name && r.type === 'SCALAR') milli += r.scalar!;
    return fromMilli(milli);
  }

  /** A RANGES resource merged across roles. */
  ranges(name: string): Array<[number, number]> {
    let out: Range[] = [];
    for (const r of this.list) if (r.name === name && r.type === 'RANGES') out = unionRanges(out, r.ranges!);
    return out.map(([b, e]) => [b, e]);
  }

  /** The normalised entries; shared with this value, so treat them as read-only. */
  items(): readonly Resource[] {
    return this.list;
  }

  filter(pred: (r: Resource) => boolean): Resources {
    const list = this.list.filter(pred);
    if (list.length === this.list.length) return this;
    return list.length === 0 ? Resources.EMPTY : new Resources(list);
  }

  /** Copy marked as offered to / used by `role` (v1 `allocation_info.role`). */
  allocate(role: string): Resources {
    if (this.list.every((r) => r.allocationRole === undefined)) {
      return this.list.length === 0 ? this : new Resources(this.list.map((r) => withAllocation(r, role)));
    }
    const list: Resource[] = [];
    for (const r of this.list) mergeInto(list, r.allocationRole === role ? r : withAllocation(r, role));
    return list.length === 0 ? Resources.EMPTY : new Resources(list);
  }

  /** Copy with allocation roles stripped (entries that now share a key merge). */
  unallocate(): Resources {
    const first = this.list[0]?.allocationRole;
    if (this.list.every((r) => r.allocationRole === first)) {
      return first === undefined ? this : new Resources(this.list.map((r) => withAllocation(r, undefined)));
    }
    const list: Resource[] = [];
    for (const r of this.list) mergeInto(list, r.allocationRole === undefined ? r : withAllocation(r, undefined));
    return new Resources(list);
  }

  /** Reserved entries: for `role` when given, else every non-`*` role. */
  reserved(role?: string): Resources {
    return this.filter(role === undefined ? (r) => r.role !== '*' : (r) => r.role === role);
  }

  unreserved(): Resources {
    return this.filter((r) => r.role === '*');
  }

  /** Scalar totals by name as floats (what DRF shares are computed from). */
  toQuantities(): Map<string, number> {
    const milli = new Map<string, number>();
    for (const r of this.list) if (r.type === 'SCALAR') milli.set(r.name, (milli.get(r.name) ?? 0) + r.scalar!);
    const out = new Map<string, number>();
    for (const [name, m] of milli) out.set(name, fromMilli(m));
    return out;
  }
}
