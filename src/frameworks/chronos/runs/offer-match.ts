/**
 * Offer fitting (pure): does an offer still hold a job's cpus/mem/disk, and do its attributes meet
 * the job's constraints; if not, every reason why (`shortfalls`, worded in waiting.ts) (upstream `constraints/{Equals,Like,Unlike}Constraint.scala`: `hostname` is
 * synthetic; text, scalar, range and set attributes compare by their text; LIKE/UNLIKE are full
 * regex matches and apply to each set element).
 * @module
 */
import type { JobConstraint } from '../job-model/types.js';

export interface OfferResource {
  name: string;
  type?: string;
  scalar?: { value: number };
  role?: string;
  reservations?: unknown[];
  allocation_info?: { role: string };
  [k: string]: unknown;
}

export interface OfferAttribute {
  name: string;
  type?: string;
  text?: { value: string };
  scalar?: { value: number };
  ranges?: { range: Array<{ begin: number; end: number }> };
  set?: { item: string[] };
}

export interface OfferV1 {
  id: { value: string };
  agent_id: { value: string };
  hostname: string;
  url?: { scheme?: string; address?: { hostname?: string; ip?: string; port?: number } };
  resources: OfferResource[];
  attributes?: OfferAttribute[];
  allocation_info?: { role: string };
}

/** What is left of an offer's scalars while packing several tasks into it. */
export type Remaining = Map<string, number>;

export function scalarsOf(offer: OfferV1): Remaining {
  const out: Remaining = new Map();
  for (const r of offer.resources) if (r.scalar && (r.type === undefined || r.type === 'SCALAR')) out.set(r.name, (out.get(r.name) ?? 0) + r.scalar.value);
  return out;
}

const EPS = 1e-9;

export function take(left: Remaining, need: { cpus: number; mem: number; disk: number }): void {
  left.set('cpus', (left.get('cpus') ?? 0) - need.cpus);
  left.set('mem', (left.get('mem') ?? 0) - need.mem);
  if (need.disk > 0) left.set('disk', (left.get('disk') ?? 0) - need.disk);
}

function attributeValues(offer: OfferV1, name: string): string[] | undefined {
  if (name === 'hostname') return [offer.hostname];
  const a = offer.attributes?.find((x) => x.name === name);
  if (!a) return undefined;
  if (a.text) return [a.text.value];
  if (a.scalar) return [String(a.scalar.value)];
  if (a.set) return a.set.item;
  if (a.ranges) return [`[${a.ranges.range.map((r) => `${r.begin}-${r.end}`).join(', ')}]`];
  return undefined;
}

function holds(c: JobConstraint, values: string[] | undefined): boolean {
  if (c.operator === 'EQUALS') return values !== undefined && values.length === 1 && values[0] === c.value;
  const re = new RegExp(`^(?:${c.value})$`);
  if (c.operator === 'LIKE') return values !== undefined && values.some((v) => re.test(v));
  return values === undefined || !values.some((v) => re.test(v));
}

/** Whether the offer's agent satisfies every constraint. */
export function meetsConstraints(offer: OfferV1, constraints: readonly JobConstraint[]): boolean {
  return unmetConstraint(offer, constraints) === undefined;
}

/** The first constraint the offer's agent does not meet, with the agent's values (none = no such attribute). */
export function unmetConstraint(offer: OfferV1, constraints: readonly JobConstraint[]): UnmetConstraint | undefined {
  for (const c of constraints) {
    const values = attributeValues(offer, c.attribute);
    if (!holds(c, values)) return { kind: 'constraint', constraint: c, ...(values ? { values } : {}) };
  }
  return undefined;
}

export type ScalarName = 'cpus' | 'mem' | 'disk';

/** Why a job does not fit an offer: a scalar short (what is left, and what the offer held), or a constraint. */
export type Shortfall = { kind: 'scalar'; name: ScalarName; need: number; left: number; offered: number } | UnmetConstraint;
export interface UnmetConstraint {
  kind: 'constraint';
  constraint: JobConstraint;
  /** The agent's values of the attribute; absent when it has none. */
  values?: string[];
}

/**
 * Every reason the job does not fit what is `left` of the offer (`full` = the whole offer, to tell
 * "the agent is too small" from "other runs took it"); empty when it fits.
 */
export function shortfalls(offer: OfferV1, left: Remaining, full: Remaining, job: { cpus: number; mem: number; disk: number; constraints: readonly JobConstraint[] }): Shortfall[] {
  const out: Shortfall[] = [];
  const unmet = unmetConstraint(offer, job.constraints);
  if (unmet) out.push(unmet);
  for (const name of ['cpus', 'mem', 'disk'] as const) {
    const need = job[name];
    const have = left.get(name) ?? 0;
    if ((name === 'disk' && need <= 0) || have + EPS >= need) continue;
    out.push({ kind: 'scalar', name, need, left: Math.max(0, have), offered: full.get(name) ?? 0 });
  }
  return out;
}

/** The agent's HTTP base URL from the offer (`url.address`), for sandbox links. */
export function agentBaseUrl(offer: OfferV1): string | undefined {
  const a = offer.url?.address;
  if (!a?.port) return undefined;
  return `${offer.url?.scheme ?? 'http'}://${a.hostname || a.ip}:${a.port}`;
}
