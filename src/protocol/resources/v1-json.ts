/**
 * v1 protobuf-JSON `Resource` messages (`include/mesos/v1/mesos.proto`): `{name, type,
 * scalar:{value}, ranges:{range:[{begin,end}]}, set:{item:[]}, role, allocation_info:{role},
 * reservations:[{type, role}]}`. Reading is strict about what we model (explicit nulls count as
 * absent); fields we do not model (disk, revocable, shared, provider_id) are ignored.
 */
import { ResourceError } from './resource-error.js';
import { roleProblem } from './role.js';
import { fromMilli, toMilli } from './scalar.js';
import { normalizeRanges } from './ranges.js';
import { normalizeSet } from './sets.js';
import { makeItem } from './item.js';
import type { Resource } from './types.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const present = (v: unknown): boolean => v !== undefined && v !== null;

/** Reads a v1 `Resource` array; `defaultRole` applies to entries with neither role nor reservations. */
export function itemsFromV1(json: unknown, defaultRole = '*'): Resource[] {
  if (!Array.isArray(json)) throw new ResourceError('v1 resources must be a JSON array');
  return json.map((entry, i) => {
    try {
      return itemFromV1(entry, defaultRole);
    } catch (err) {
      if (err instanceof ResourceError) throw new ResourceError(`resources[${i}]: ${err.message}`);
      throw err;
    }
  });
}

function itemFromV1(entry: unknown, defaultRole: string): Resource {
  if (!isObject(entry)) throw new ResourceError('each resource must be a JSON object');
  const { name, type } = entry;
  if (typeof name !== 'string' || name.length === 0) throw new ResourceError("'name' must be a non-empty string");
  const role = readRole(entry, defaultRole);
  const allocationRole = readAllocationRole(entry.allocation_info);
  const want = { SCALAR: 'scalar', RANGES: 'ranges', SET: 'set' } as const;
  if (type !== 'SCALAR' && type !== 'RANGES' && type !== 'SET') {
    throw new ResourceError(`'${name}': unknown type ${JSON.stringify(type)}`);
  }
  for (const [t, field] of Object.entries(want)) {
    if (t !== type && present(entry[field])) throw new ResourceError(`'${name}': ${type} resource must not carry '${field}'`);
  }
  const value = entry[want[type]];
  if (!isObject(value)) throw new ResourceError(`'${name}': ${type} resource needs a '${want[type]}' object`);
  if (type === 'SCALAR') {
    return makeItem(name, type, role, allocationRole, toMilli(value.value as number, `'${name}' scalar value`), undefined, undefined);
  }
  if (type === 'RANGES') {
    const list = value.range ?? [];
    if (!Array.isArray(list)) throw new ResourceError(`'${name}': ranges.range must be an array`);
    const pairs = list.map((r: unknown): [number, number] => {
      if (!isObject(r)) throw new ResourceError(`'${name}': each range must be {begin, end}`);
      return [readUint(r.begin, name), readUint(r.end, name)];
    });
    return makeItem(name, type, role, allocationRole, undefined, normalizeRanges(pairs), undefined);
  }
  const items = value.item ?? [];
  if (!Array.isArray(items)) throw new ResourceError(`'${name}': set.item must be an array`);
  return makeItem(name, type, role, allocationRole, undefined, undefined, normalizeSet(items));
}

/** uint64 per proto3 JSON: a number, or a decimal string. */
function readUint(v: unknown, name: string): number {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw new ResourceError(`'${name}': range bounds must be non-negative integers, got ${JSON.stringify(v)}`);
  }
  return n;
}

function readRole(entry: Json, defaultRole: string): string {
  let role: unknown = defaultRole;
  if (present(entry.reservations)) {
    const list = entry.reservations;
    if (!Array.isArray(list)) throw new ResourceError("'reservations' must be an array");
    for (const r of list) {
      if (!isObject(r)) throw new ResourceError('each reservation must be an object');
      if (present(r.type) && r.type !== 'STATIC' && r.type !== 'DYNAMIC') {
        throw new ResourceError(`unknown reservation type ${JSON.stringify(r.type)}`);
      }
      role = r.role;
    }
    if (list.length === 0 && present(entry.role)) role = entry.role;
  } else if (present(entry.role)) {
    role = entry.role;
  }
  const problem = roleProblem(role);
  if (problem !== undefined) throw new ResourceError(problem);
  return role as string;
}

function readAllocationRole(info: unknown): string | undefined {
  if (!present(info)) return undefined;
  if (!isObject(info)) throw new ResourceError("'allocation_info' must be an object");
  if (!present(info.role)) return undefined;
  const problem = roleProblem(info.role);
  if (problem !== undefined) throw new ResourceError(`allocation_info: ${problem}`);
  return info.role as string;
}

/** Writes one entry in v1 JSON, with `role` always present and a STATIC reservation when reserved. */
export function itemToV1(r: Resource): Json {
  const out: Json = { name: r.name, type: r.type };
  if (r.type === 'SCALAR') out.scalar = { value: fromMilli(r.scalar!) };
  else if (r.type === 'RANGES') out.ranges = { range: r.ranges!.map(([begin, end]) => ({ begin, end })) };
  else out.set = { item: r.set!.slice() };
  out.role = r.role;
  if (r.allocationRole !== undefined) out.allocation_info = { role: r.allocationRole };
  if (r.role !== '*') out.reservations = [{ type: 'STATIC', role: r.role }];
  return out;
}
