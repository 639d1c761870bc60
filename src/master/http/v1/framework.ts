/**
 * v1 framework entry (upstream `Response.GetFrameworks.Framework` in
 * `include/mesos/v1/master/master.proto`), for `GET_FRAMEWORKS`, `GET_STATE` and the operator
 * `FRAMEWORK_ADDED`/`FRAMEWORK_UPDATED` events.
 */
import type { FrameworkInfoV1 } from '../../../protocol/v1/types.js';
import type { FrameworkRecord, MasterView } from '../../model.js';
import { frameworkOffered, frameworkOffers, frameworkUsed } from '../legacy/accounting.js';
import { v1Offer } from './offer.js';
import { id, timeInfo } from './wire.js';

/** The FrameworkInfo as subscribed, with the assigned id filled in (a first SUBSCRIBE has none). */
export function v1FrameworkInfo(fw: FrameworkRecord): FrameworkInfoV1 {
  return { ...fw.info, id: id(fw.id) };
}

export function v1Framework(fw: FrameworkRecord, view: MasterView): Record<string, unknown> {
  const out: Record<string, unknown> = {
    framework_info: v1FrameworkInfo(fw),
    active: fw.active,
    connected: fw.connected,
    recovered: fw.recovered,
    registered_time: timeInfo(fw.registeredTime),
  };
  if (fw.reregisteredTime !== undefined) out.reregistered_time = timeInfo(fw.reregisteredTime);
  if (!fw.connected && fw.unregisteredTime !== undefined) out.unregistered_time = timeInfo(fw.unregisteredTime);
  out.offers = frameworkOffers(view, fw).map((o) => v1Offer(o, view));
  out.inverse_offers = [];
  out.allocated_resources = frameworkUsed(fw).toV1();
  out.offered_resources = frameworkOffered(view, fw).toV1();
  return out;
}
