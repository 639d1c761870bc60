/**
 * `TSMESOS_OFFER` — a tsmesos extension to the operator `SUBSCRIBE` stream, not an upstream event.
 * Upstream keeps offers out of the stream (watchers must poll `GET_FRAMEWORKS`); the tsmesos TUI
 * wants to show offers flowing live, so the master also emits one event per offer lifecycle step.
 * Stock clients ignore unknown event types, so the extension is safe on the wire.
 */
import type { MasterView, OfferRecord } from '../../model.js';
import { v1Offer } from './offer.js';
import { id } from './wire.js';

/** Offer lifecycle steps: made to a framework, used in ACCEPT, refused in DECLINE, or taken back. */
export type OfferAction = 'SENT' | 'ACCEPTED' | 'DECLINED' | 'RESCINDED';

export const OFFER_EVENT_TYPE = 'TSMESOS_OFFER';

/**
 * @param timestamp float seconds of the step; defaults to now, the moment the master emits it.
 */
export function offerEvent(
  action: OfferAction,
  offer: OfferRecord,
  view: MasterView,
  timestamp: number = Date.now() / 1000,
): Record<string, unknown> {
  return {
    type: OFFER_EVENT_TYPE,
    tsmesos_offer: {
      action,
      offer: v1Offer(offer, view),
      framework_id: id(offer.frameworkId),
      agent_id: id(offer.agentId),
      timestamp,
    },
  };
}
