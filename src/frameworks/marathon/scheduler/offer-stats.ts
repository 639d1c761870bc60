/**
 * "Why isn't it launching?" (upstream `/v2/queue` `processedOffersSummary` and `lastUnusedOffers`,
 * docs/waiting.md): per app, how many offers were looked at, how many went unused and for which
 * reasons, and the last few unused offers with their reasons.
 * @module
 */

export const REJECT_REASONS = [
  'UnfulfilledRole',
  'UnfulfilledConstraint',
  'NoCorrespondingReservationFound',
  'AgentMaintenance',
  'InsufficientCpus',
  'InsufficientMemory',
  'InsufficientDisk',
  'InsufficientGpus',
  'InsufficientPorts',
  'DeclinedScarceResources',
] as const;

const KEEP_UNUSED = 10;

export interface UnusedOffer {
  offer: { id: string; agentId: string; hostname: string; resources: unknown[]; attributes: unknown[] };
  timestamp: string;
  reason: string[];
  detail?: string;
}

interface AppStats {
  processed: number;
  unused: number;
  lastUsedAt?: string;
  lastUnusedAt?: string;
  /** reason → [declined, processed] for the offers since the app entered the queue */
  reasons: Map<string, number>;
  lastUnused: UnusedOffer[];
}

export class OfferStats {
  private readonly byApp = new Map<string, AppStats>();

  private of(appId: string): AppStats {
    let s = this.byApp.get(appId);
    if (!s) this.byApp.set(appId, (s = { processed: 0, unused: 0, reasons: new Map(), lastUnused: [] }));
    return s;
  }

  used(appId: string, at: number): void {
    const s = this.of(appId);
    s.processed++;
    s.lastUsedAt = new Date(at).toISOString();
  }

  unused(appId: string, at: number, offer: UnusedOffer['offer'], reason: string, detail?: string): void {
    const s = this.of(appId);
    s.processed++;
    s.unused++;
    s.lastUnusedAt = new Date(at).toISOString();
    s.reasons.set(reason, (s.reasons.get(reason) ?? 0) + 1);
    s.lastUnused.unshift({ offer, timestamp: s.lastUnusedAt, reason: [reason], ...(detail ? { detail } : {}) });
    s.lastUnused.length = Math.min(s.lastUnused.length, KEEP_UNUSED);
  }

  /** The app left the queue (all launched, or deleted): start counting afresh next time. */
  reset(appId: string): void {
    this.byApp.delete(appId);
  }

  summary(appId: string): Record<string, unknown> {
    const s = this.byApp.get(appId);
    const processed = s?.processed ?? 0;
    const rows = REJECT_REASONS.map((reason) => ({ reason, declined: s?.reasons.get(reason) ?? 0, processed }));
    return {
      processedOffersCount: processed,
      unusedOffersCount: s?.unused ?? 0,
      ...(s?.lastUnusedAt ? { lastUnusedOfferAt: s.lastUnusedAt } : {}),
      ...(s?.lastUsedAt ? { lastUsedOfferAt: s.lastUsedAt } : {}),
      rejectSummaryLastOffers: rows,
      rejectSummaryLaunchAttempt: rows,
    };
  }

  lastUnusedOffers(appId: string): UnusedOffer[] {
    return this.byApp.get(appId)?.lastUnused ?? [];
  }
}
