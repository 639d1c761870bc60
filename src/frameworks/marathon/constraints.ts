/**
 * Placement constraints (upstream `mesos/Constraints.scala`, marathon-chronos-api.md §3.1): each
 * constraint `[field, OP, value?]` looks at the agent hostname (`hostname`/`@hostname`) or an agent
 * attribute, compared as a string (scalars as `0.###`, ranges `[b-e,…]`, sets `{a,b}`). An offer
 * without the attribute only satisfies UNLIKE. Pure: callers pass the offer and the placed instances.
 */
import type { AppDefinition } from './app-model/types.js';

export interface PlacementView {
  hostname: string;
  /** Attribute values already formatted as Marathon strings (see attributesOf). */
  attributes: Record<string, string>;
}

export const OPERATORS = ['UNIQUE', 'CLUSTER', 'GROUP_BY', 'LIKE', 'UNLIKE', 'MAX_PER', 'IS'] as const;
export type Operator = (typeof OPERATORS)[number];

/** Java `DecimalFormat("0.###")` (HALF_EVEN on the exact binary value): 0.8 → "0.8", 2 → "2", 0.0625 → "0.062". */
export function formatScalar(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const [intPart, frac = ''] = Math.abs(x).toFixed(100).split('.');
  const keep = frac.slice(0, 3);
  const rest = frac.slice(3);
  let units = BigInt(intPart + keep);
  const half = '5'.padEnd(rest.length, '0');
  if (rest > half || (rest === half && units % 2n === 1n)) units += 1n;
  const digits = units.toString().padStart(4, '0');
  const whole = digits.slice(0, -3);
  const decimals = digits.slice(-3).replace(/0+$/, '');
  const text = decimals ? `${whole}.${decimals}` : whole;
  return x < 0 && units !== 0n ? `-${text}` : text;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** v1 `Attribute[]` (`{name, type, scalar|text|ranges|set}`) → name → Marathon string value. */
export function attributesOf(agentAttributes: unknown[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of agentAttributes) {
    if (!isObj(a) || typeof a.name !== 'string') continue;
    const type = a.type ?? (a.scalar ? 'SCALAR' : a.ranges ? 'RANGES' : a.set ? 'SET' : 'TEXT');
    if (type === 'SCALAR' && isObj(a.scalar)) out[a.name] = formatScalar(Number(a.scalar.value));
    else if (type === 'TEXT' && isObj(a.text)) out[a.name] = String(a.text.value ?? '');
    else if (type === 'RANGES' && isObj(a.ranges)) {
      const ranges = Array.isArray(a.ranges.range) ? (a.ranges.range as Obj[]) : [];
      out[a.name] = `[${ranges.map((r) => `${String(r.begin)}-${String(r.end)}`).join(',')}]`;
    } else if (type === 'SET' && isObj(a.set)) {
      const items = Array.isArray(a.set.item) ? a.set.item.map(String) : [];
      out[a.name] = `{${items.join(',')}}`;
    }
  }
  return out;
}

const isHostField = (field: string): boolean => field === 'hostname' || field === '@hostname';

function valueOf(field: string, view: PlacementView): string | undefined {
  return isHostField(field) ? view.hostname : view.attributes[field];
}

/** Java `String.matches`: the whole value must match. */
export function fullMatch(pattern: string, value: string): boolean {
  return new RegExp(`^(?:${pattern})$`).test(value);
}

const isInt = (v: string): boolean => /^[+-]?\d+$/.test(v.trim()) && Number.isSafeInteger(Number(v));

/** Validation errors for one constraint (the texts of §3.1); empty when valid. Operators are matched upper-cased. */
export function constraintErrors(c: readonly string[]): string[] {
  if (c.length < 2 || c.length > 3) return ['Each constraint must have either 2 or 3 fields'];
  const op = c[1].toUpperCase();
  const value = c[2];
  switch (op) {
    case 'UNIQUE':
      return value !== undefined ? ['UNIQUE does not accept a value'] : [];
    case 'CLUSTER':
      return [];
    case 'GROUP_BY':
      return value === undefined || isInt(value) || value === 'inf' ? [] : ['GROUP BY must define an integer value or else no value at all'];
    case 'MAX_PER':
      return value !== undefined && isInt(value) ? [] : ['MAX_PER requires an integer value'];
    case 'LIKE':
    case 'UNLIKE':
      if (value === undefined || value === '') return ['LIKE and UNLIKE require a non-empty, regular expression value'];
      try {
        new RegExp(value);
        return [];
      } catch {
        return ['is not a valid regular expression'];
      }
    case 'IS':
      return value !== undefined && value !== '' ? [] : ['IS only supports Mesos text and float values'];
    default:
      return ['operator must be one of the following UNIQUE, CLUSTER, GROUP_BY, LIKE, MAX_PER, UNLIKE or IS'];
  }
}

function isEqual(value: string, offerValue: string): boolean {
  if (value === offerValue) return true;
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) && formatScalar(n) === offerValue;
}

/** Why one constraint rejects the offer, or undefined when it is satisfied. */
function checkOne(c: readonly string[], offer: PlacementView, placed: PlacementView[]): string | undefined {
  const [field, rawOp, value] = c;
  const op = rawOp.toUpperCase();
  const offerValue = valueOf(field, offer);
  const label = `${op} ${field}${value !== undefined ? ` ${value}` : ''}`;
  if (offerValue === undefined) return op === 'UNLIKE' ? undefined : `${label}: the agent has no attribute '${field}'`;
  const sameValue = placed.filter((p) => valueOf(field, p) === offerValue).length;
  switch (op) {
    case 'UNIQUE':
      return sameValue === 0 ? undefined : `${label}: already an instance on ${offerValue}`;
    case 'CLUSTER': {
      if (value !== undefined && value !== '') return offerValue === value ? undefined : `${label}: agent has ${offerValue}`;
      const other = placed.map((p) => valueOf(field, p)).find((v) => v !== offerValue);
      return placed.length === 0 || other === undefined ? undefined : `${label}: instances are clustered on ${other ?? 'another value'}`;
    }
    case 'GROUP_BY': {
      const groups = new Map<string | undefined, number>();
      for (const p of placed) groups.set(valueOf(field, p), (groups.get(valueOf(field, p)) ?? 0) + 1);
      if (!groups.has(offerValue)) return undefined;
      const minimum = value === undefined || value === 'inf' ? (value === 'inf' ? Infinity : 0) : Number(value);
      const minCount = Math.min(...groups.values());
      if (groups.size >= minimum && groups.get(offerValue) === minCount) return undefined;
      return `${label}: ${offerValue} already has ${groups.get(offerValue)} of ${placed.length} instances`;
    }
    case 'MAX_PER':
      return sameValue < Number(value) ? undefined : `${label}: ${offerValue} already has ${sameValue}`;
    case 'LIKE':
      return fullMatch(value ?? '', offerValue) ? undefined : `${label}: ${offerValue} does not match`;
    case 'UNLIKE':
      return fullMatch(value ?? '', offerValue) ? `${label}: ${offerValue} matches` : undefined;
    case 'IS':
      return isEqual(value ?? '', offerValue) ? undefined : `${label}: agent has ${offerValue}`;
    default:
      return `${label}: unknown operator`;
  }
}

/**
 * undefined = the offer satisfies every constraint; otherwise a human reason, e.g.
 * 'UNIQUE hostname: already an instance on a1'. `placed` = where the app's instances run (or are being launched).
 * `instances` is the app's target count; upstream's semantics do not need it, it is kept for callers' symmetry.
 */
export function checkConstraints(constraints: string[][], offer: PlacementView, placed: PlacementView[], instances: number): string | undefined {
  void instances;
  for (const c of constraints) {
    const why = checkOne(c, offer, placed);
    if (why !== undefined) return why;
  }
  return undefined;
}

/**
 * Which running instances to kill when scaling down by `count`: while a GROUP_BY constraint exists,
 * take from the largest group (keeping the spread even); within a choice, killSelection decides
 * (YOUNGEST_FIRST = latest startedAt first).
 */
export function selectKills<T extends { placement: PlacementView; startedAt: number }>(
  tasks: T[],
  count: number,
  app: Pick<AppDefinition, 'constraints' | 'killSelection'>,
): T[] {
  const order = (a: T, b: T): number => (app.killSelection === 'OLDEST_FIRST' ? a.startedAt - b.startedAt : b.startedAt - a.startedAt);
  const remaining = [...tasks].sort(order);
  if (count >= remaining.length) return remaining;
  const groupBy = app.constraints.filter((c) => c[1]?.toUpperCase() === 'GROUP_BY').map((c) => c[0]);
  const kills: T[] = [];
  while (kills.length < count && remaining.length > 0) {
    let pick = remaining[0];
    let best = 0;
    for (const field of groupBy) {
      const sizes = new Map<string | undefined, number>();
      for (const t of remaining) sizes.set(valueOf(field, t.placement), (sizes.get(valueOf(field, t.placement)) ?? 0) + 1);
      for (const t of remaining) {
        const size = sizes.get(valueOf(field, t.placement)) ?? 0;
        if (size > best) {
          best = size;
          pick = t;
        }
      }
    }
    kills.push(pick);
    remaining.splice(remaining.indexOf(pick), 1);
  }
  return kills;
}
