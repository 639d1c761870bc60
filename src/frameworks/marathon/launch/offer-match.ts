/**
 * Fits one app instance into what is left of an offer (upstream `ResourceMatcher`): only resources of
 * an accepted role count (`acceptedResourceRoles`, default `*` plus the app's role), reserved ones are
 * used before unreserved ones, the constraints must hold, then cpus, mem, disk, gpus and host ports
 * must fit. The reasons are the `/v2/queue` processedOffersSummary names.
 */
import { makeItem } from '../../../protocol/resources/item.js';
import { normalizeRanges } from '../../../protocol/resources/ranges.js';
import { toMilli } from '../../../protocol/resources/scalar.js';
import { type Resource, Resources } from '../../../protocol/resources/index.js';
import type { AppDefinition } from '../app-model/types.js';
import { attributesOf, checkConstraints, type PlacementView } from '../constraints.js';
import { pickPorts, portSlots } from './ports.js';

export type NoMatchReason =
  | 'UnfulfilledRole'
  | 'UnfulfilledConstraint'
  | 'InsufficientCpus'
  | 'InsufficientMemory'
  | 'InsufficientDisk'
  | 'InsufficientGpus'
  | 'InsufficientPorts'
  | 'DeclinedScarceResources';

export interface OfferMatch {
  /** v1 Resource[] to put in the TaskInfo. */
  resources: unknown[];
  /** Host ports, in port-index order (host mode: one per portDefinition; else one per mapping with a hostPort). */
  hostPorts: number[];
}

export type MatchResult = { ok: true; match: OfferMatch; remaining: unknown[] } | { ok: false; reason: NoMatchReason; detail: string };

const SCALARS: Array<{ name: 'cpus' | 'mem' | 'disk' | 'gpus'; reason: NoMatchReason }> = [
  { name: 'cpus', reason: 'InsufficientCpus' },
  { name: 'mem', reason: 'InsufficientMemory' },
  { name: 'disk', reason: 'InsufficientDisk' },
  { name: 'gpus', reason: 'InsufficientGpus' },
];

/** The roles whose resources this app may use. */
export function acceptedRoles(app: Pick<AppDefinition, 'acceptedResourceRoles' | 'role'>, frameworkRole: string): Set<string> {
  return new Set(app.acceptedResourceRoles ?? ['*', app.role ?? frameworkRole]);
}

const fmt = (milli: number): string => String(milli / 1000);

/** Takes `milli` units of scalar `name` from `usable`, reserved entries first. */
function carveScalar(usable: readonly Resource[], name: string, milli: number): Resource[] | undefined {
  const entries = usable.filter((r) => r.name === name && r.type === 'SCALAR').sort((a, b) => Number(a.role === '*') - Number(b.role === '*'));
  const out: Resource[] = [];
  let rest = milli;
  for (const r of entries) {
    if (rest <= 0) break;
    const take = Math.min(rest, r.scalar ?? 0);
    if (take > 0) out.push(makeItem(name, 'SCALAR', r.role, r.allocationRole, take, undefined, undefined));
    rest -= take;
  }
  return rest > 0 ? undefined : out;
}

/**
 * Carves one instance out of `remaining` (the v1 Resource[] of `offer` not yet used by earlier
 * launches from it). `placed` = where the app's instances already are. `rng` picks random host ports.
 */
export function matchOffer(
  app: AppDefinition,
  offer: { hostname: string; attributes?: unknown[]; resources: unknown[] },
  remaining: unknown[],
  placed: PlacementView[],
  frameworkRole: string,
  rng: () => number = Math.random,
): MatchResult {
  let left: Resources;
  try {
    left = Resources.fromV1(remaining);
  } catch (e) {
    return { ok: false, reason: 'UnfulfilledRole', detail: `unreadable offer resources: ${(e as Error).message}` };
  }
  const roles = acceptedRoles(app, frameworkRole);
  const usable = left.items().filter((r) => roles.has(r.role));
  if (usable.length === 0) return { ok: false, reason: 'UnfulfilledRole', detail: `no resources for roles ${[...roles].join(', ')}` };
  const view: PlacementView = { hostname: offer.hostname, attributes: attributesOf(offer.attributes ?? []) };
  const why = checkConstraints(app.constraints, view, placed, app.instances);
  if (why !== undefined) return { ok: false, reason: 'UnfulfilledConstraint', detail: why };
  const used: Resource[] = [];
  for (const { name, reason } of SCALARS) {
    const want = toMilli(app[name]);
    const have = usable.filter((r) => r.name === name && r.type === 'SCALAR').reduce((n, r) => n + (r.scalar ?? 0), 0);
    if (name === 'gpus' && want === 0 && left.scalar('gpus') > 0) {
      return { ok: false, reason: 'DeclinedScarceResources', detail: 'GPU agents are kept for apps that ask for GPUs' };
    }
    if (want === 0) continue;
    const carved = carveScalar(usable, name, want);
    if (!carved) return { ok: false, reason, detail: `${name}: need ${fmt(want)}, offer has ${fmt(have)}` };
    used.push(...carved);
  }
  const slots = portSlots(app);
  const portRanges = usable.filter((r) => r.name === 'ports' && r.type === 'RANGES');
  const picks = slots.length > 0 ? pickPorts(slots, portRanges, rng) : [];
  if (!picks) {
    const fixed = slots.flatMap((s) => (s.exact !== undefined ? [s.exact] : []));
    return { ok: false, reason: 'InsufficientPorts', detail: `ports: need ${slots.length}${fixed.length ? ` (fixed ${fixed.join(',')})` : ''}, offer has ${portRanges.map((r) => (r.ranges ?? []).map(([b, e]) => `${b}-${e}`).join(',')).join(',') || 'none'}` };
  }
  const byOwner = new Map<Resource, number[]>();
  for (const p of picks) byOwner.set(p.from, [...(byOwner.get(p.from) ?? []), p.port]);
  for (const [from, ports] of byOwner) used.push(makeItem('ports', 'RANGES', from.role, from.allocationRole, undefined, normalizeRanges(ports.map((p) => [p, p])), undefined));
  const take = Resources.of(used);
  return { ok: true, match: { resources: take.toV1(), hostPorts: picks.map((p) => p.port) }, remaining: left.subtract(take).toV1() };
}
