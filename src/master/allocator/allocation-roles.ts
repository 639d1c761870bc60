/**
 * Helpers for resources that carry v1 `allocation_info.role`: upstream requires every allocated
 * resource to name the role it was allocated to, and books shares per role.
 */
import { Resources } from '../../protocol/resources/index.js';

/** Splits allocated resources by allocation role (resources without one are keyed by `fallback`). */
export function splitByAllocationRole(res: Resources, fallback: string): Map<string, Resources> {
  const items = res.items();
  if (items.length === 0) return new Map();
  const first = items[0]!.allocationRole ?? fallback;
  if (items.every((r) => (r.allocationRole ?? fallback) === first)) return new Map([[first, res]]);
  const out = new Map<string, Resources>();
  for (const r of items) {
    const role = r.allocationRole ?? fallback;
    out.set(role, (out.get(role) ?? Resources.empty()).add(Resources.of([r])));
  }
  return out;
}

/**
 * Gives every entry lacking an allocation role one: its reservation role when reserved, else
 * `unreservedRole` (the framework's role when the caller knows it).
 */
export function withAllocationRoles(res: Resources, unreservedRole: string): Resources {
  const items = res.items();
  if (items.every((r) => r.allocationRole !== undefined)) return res;
  let out = res.filter((r) => r.allocationRole !== undefined);
  for (const r of items) {
    if (r.allocationRole !== undefined) continue;
    out = out.add(Resources.of([r]).allocate(r.role === '*' ? unreservedRole : r.role));
  }
  return out;
}

/** Marks entries lacking an allocation role as allocated to `role` (the one role a holder uses). */
export function fillAllocationRole(res: Resources, role: string): Resources {
  if (res.items().every((r) => r.allocationRole !== undefined)) return res;
  return res.filter((r) => r.allocationRole !== undefined).add(res.filter((r) => r.allocationRole === undefined).allocate(role));
}
