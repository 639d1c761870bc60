/**
 * Offers (mesos-api.md §2.1 rule 7, §6): each batch allocation turns the allocator's decisions into
 * OFFERS events; an offer is used once (ACCEPT), declined with a filter, rescinded, or times out
 * after `--offer_timeout`. Outstanding offers count as allocated until recovered.
 */
import { offerEvent, v1Offer } from '../http/v1/index.js';
import type { Master } from '../master.js';
import type { OfferRecord } from '../model.js';

/** One batch allocation cycle: allocate, then send one OFFERS event per framework. */
export function runAllocation(m: Master): void {
  const decisions = m.allocator.allocate();
  m.counters.allocationRuns++;
  if (decisions.length === 0) return;
  const byFramework = new Map<string, OfferRecord[]>();
  for (const d of decisions) {
    const fw = m.frameworks.get(d.frameworkId);
    const agent = m.agents.get(d.agentId);
    if (!fw || !fw.connected || !agent) {
      m.allocator.recoverResources(d.frameworkId, d.agentId, d.resources);
      continue;
    }
    const offer: OfferRecord = {
      id: m.newOfferId(),
      frameworkId: d.frameworkId,
      agentId: d.agentId,
      role: d.role,
      resources: d.resources,
      createdAt: Date.now() / 1000,
    };
    m.offers.set(offer.id, offer);
    fw.offers.add(offer.id);
    if (m.config.offerTimeoutMs !== undefined) {
      const t = setTimeout(() => rescindOffer(m, offer.id, 'offer timeout'), m.config.offerTimeoutMs);
      t.unref();
      m.offerTimers.set(offer.id, t);
    }
    const list = byFramework.get(d.frameworkId) ?? [];
    list.push(offer);
    byFramework.set(d.frameworkId, list);
  }
  for (const [frameworkId, offers] of byFramework) {
    m.channels.toFramework(frameworkId, { type: 'OFFERS', offers: { offers: offers.map((o) => v1Offer(o, m)) } });
    for (const o of offers) m.channels.toOperators(offerEvent('SENT', o, m), true);
  }
}

/** Forgets an offer without giving its resources back (the caller decides what to recover). */
export function takeOffer(m: Master, offerId: string): OfferRecord | undefined {
  const offer = m.offers.get(offerId);
  if (!offer) return undefined;
  m.offers.delete(offerId);
  m.frameworks.get(offer.frameworkId)?.offers.delete(offerId);
  const t = m.offerTimers.get(offerId);
  if (t) clearTimeout(t);
  m.offerTimers.delete(offerId);
  return offer;
}

/** Clamps `refuse_seconds` the way upstream does: negative → default 5 s, cap 365 days. */
export function refuseSeconds(filters?: { refuse_seconds?: number }): number {
  const v = filters?.refuse_seconds;
  if (v === undefined || v < 0) return 5;
  return Math.min(v, 31_536_000);
}

export function declineOffers(m: Master, frameworkId: string, offerIds: string[], filters?: { refuse_seconds?: number }): void {
  for (const id of offerIds) {
    const offer = m.offers.get(id);
    if (!offer || offer.frameworkId !== frameworkId) continue;
    takeOffer(m, id);
    m.allocator.recoverResources(frameworkId, offer.agentId, offer.resources, refuseSeconds(filters));
    m.channels.toOperators(offerEvent('DECLINED', offer, m), true);
  }
}

/** Takes an offer back from its framework (RESCIND) and returns its resources unfiltered. */
export function rescindOffer(m: Master, offerId: string, why: string): void {
  const offer = takeOffer(m, offerId);
  if (!offer) return;
  m.log.info({ offerId, why }, 'rescinding offer');
  m.channels.toFramework(offer.frameworkId, { type: 'RESCIND', rescind: { offer_id: { value: offerId } } });
  if (m.agents.has(offer.agentId)) m.allocator.recoverResources(offer.frameworkId, offer.agentId, offer.resources);
  m.channels.toOperators(offerEvent('RESCINDED', offer, m), true);
}

/** Rescinds every outstanding offer matching `pred` (an agent leaving, a framework disconnecting). */
export function rescindWhere(m: Master, pred: (o: OfferRecord) => boolean, why: string): void {
  for (const offer of [...m.offers.values()]) if (pred(offer)) rescindOffer(m, offer.id, why);
}
