/**
 * The offer half of the reducer: `TSMESOS_OFFER` events (the tsmesos extension of the operator
 * stream) move an offer from SENT to ACCEPTED, DECLINED or RESCINDED. Works on a mutable draft
 * that the reducer copied once per batch, because at a thousand offers a second copying the log
 * for every event would be the bottleneck.
 */
import type { OfferAction, V1Framework, V1Offer } from '../../client/operator-types.js';
import { scalarsOf } from './resources.js';
import type { OfferEntry, OfferLog } from './types.js';

/** How many offers the Offers view can list; older ones only live on in the totals. */
export const RECENT_OFFERS = 200;
/** Seconds of rate history kept for the sparkline (wider than any terminal needs). */
export const RATE_WINDOW_SECONDS = 300;

export interface OfferDraft {
  recent: OfferEntry[];
  open: Map<string, OfferEntry>;
  totals: Record<OfferAction, number>;
  perSecond: Array<readonly [number, number]>;
}

export function emptyOfferLog(): OfferLog {
  return { recent: [], open: new Map(), totals: { SENT: 0, ACCEPTED: 0, DECLINED: 0, RESCINDED: 0 }, perSecond: [] };
}

export function draftOffers(log: OfferLog): OfferDraft {
  return { recent: [...log.recent], open: new Map(log.open), totals: { ...log.totals }, perSecond: [...log.perSecond] };
}

export function offerEntry(offer: V1Offer, now: number): OfferEntry {
  return {
    id: offer.id.value,
    frameworkId: offer.framework_id.value,
    agentId: offer.agent_id.value,
    hostname: offer.hostname ?? '',
    role: offer.allocation_info?.role ?? '*',
    resources: scalarsOf(offer.resources),
    action: 'SENT',
    sentAt: now,
  };
}

export function applyOffer(d: OfferDraft, action: OfferAction, offer: V1Offer, now: number): void {
  d.totals[action] = (d.totals[action] ?? 0) + 1;
  const id = offer.id.value;
  if (action === 'SENT') {
    const entry = offerEntry(offer, now);
    d.open.set(id, entry);
    d.recent.unshift(entry);
    bumpRate(d, now);
    return;
  }
  const before = d.open.get(id) ?? d.recent.find((e) => e.id === id) ?? offerEntry(offer, now);
  d.open.delete(id);
  const after: OfferEntry = { ...before, action, closedAt: now };
  const at = d.recent.indexOf(before);
  if (at >= 0) d.recent[at] = after;
  else d.recent.unshift(after);
}

/**
 * A new `SUBSCRIBED` snapshot says exactly which offers are held now (`frameworks[].offers`).
 * Listed offers still SENT that the snapshot no longer has were decided while we were away; they
 * are dropped rather than guessed at. Closed history and the counters survive the reconnect.
 */
export function resetOpenOffers(d: OfferDraft, frameworks: readonly V1Framework[], now: number): void {
  const held = new Map<string, OfferEntry>();
  for (const f of frameworks) for (const o of f.offers ?? []) held.set(o.id.value, d.open.get(o.id.value) ?? offerEntry(o, now));
  d.recent = d.recent.filter((e) => e.action !== 'SENT' || held.has(e.id));
  for (const e of held.values()) if (!d.recent.some((r) => r.id === e.id)) d.recent.unshift(e);
  d.recent.sort((a, b) => (b.closedAt ?? b.sentAt) - (a.closedAt ?? a.sentAt));
  d.open = held;
}

function bumpRate(d: OfferDraft, now: number): void {
  const second = Math.floor(now / 1000);
  const last = d.perSecond.at(-1);
  if (last && last[0] === second) d.perSecond[d.perSecond.length - 1] = [second, last[1] + 1];
  else d.perSecond.push([second, 1]);
}

export function finishOffers(d: OfferDraft, now: number): OfferLog {
  const oldest = Math.floor(now / 1000) - RATE_WINDOW_SECONDS;
  const firstKept = d.perSecond.findIndex(([s]) => s > oldest);
  return {
    recent: d.recent.length > RECENT_OFFERS ? d.recent.slice(0, RECENT_OFFERS) : d.recent,
    open: d.open,
    totals: d.totals,
    perSecond: firstKept <= 0 ? (firstKept < 0 ? [] : d.perSecond) : d.perSecond.slice(firstKept),
  };
}

/** Offers sent in each of the last `width` seconds up to `now`, oldest first (zeros included). */
export function rateSeries(log: OfferLog, now: number, width: number): number[] {
  const end = Math.floor(now / 1000);
  const out = new Array<number>(Math.max(0, width)).fill(0);
  for (const [s, n] of log.perSecond) {
    const i = width - 1 - (end - s);
    if (i >= 0 && i < width) out[i] = n;
  }
  return out;
}
