/**
 * Body of `/master/roles` (upstream `Master::Http::roles` in `src/master/http.cpp`): one entry per
 * known role with its weight, quota, and flat allocated/offered/reserved resources. tsmesos has no
 * quota yet, so `guarantee` and `limit` are empty and `consumed` reports what the role holds
 * (reservations plus allocations, upstream's definition) so dashboards still see usage.
 */
import type { MasterView } from '../../model.js';
import { scalarQuantities } from './accounting.js';
import { roleUsage } from './role-usage.js';

export function renderRoles(view: MasterView): { roles: Record<string, unknown>[] } {
  return {
    roles: roleUsage(view).map((u) => ({
      name: u.name,
      weight: u.weight,
      quota: {
        role: u.name,
        guarantee: {},
        limit: {},
        consumed: scalarQuantities(u.reserved.add(u.allocated.unreserved())),
      },
      // Deprecated upstream field: what the role holds in allocations and offers together.
      resources: u.allocated.add(u.offered).toLegacy(),
      allocated: u.allocated.toLegacy(),
      offered: u.offered.toLegacy(),
      reserved: u.reserved.toLegacy(),
      frameworks: u.frameworks,
    })),
  };
}
