/**
 * Per-role bookkeeping behind `/master/roles` and v1 `GET_ROLES` (upstream `Master::Http::roles` and
 * the allocator's role tree): which roles are known and what each holds. A role is known when it has
 * a weight, a subscribed framework, a reservation, an allocation or an outstanding offer.
 */
import { Resources } from '../../../protocol/resources/index.js';
import type { MasterView } from '../../model.js';
import { frameworkRoles, reservationRoles } from './accounting.js';

export interface RoleUsage {
  name: string;
  /** Configured weight, 1.0 when none was set (upstream default). */
  weight: number;
  /** Ids of live frameworks subscribed to the role, sorted. */
  frameworks: string[];
  /** Resources of live tasks launched under the role. */
  allocated: Resources;
  /** Resources of outstanding offers made to the role. */
  offered: Resources;
  /** Resources reserved to the role on registered agents. */
  reserved: Resources;
}

function entry(map: Map<string, RoleUsage>, view: MasterView, name: string): RoleUsage {
  let u = map.get(name);
  if (u === undefined) {
    const empty = Resources.empty();
    u = { name, weight: view.weights[name] ?? 1, frameworks: [], allocated: empty, offered: empty, reserved: empty };
    map.set(name, u);
  }
  return u;
}

/** Every known role with its usage, sorted by name so output is stable across renders. */
export function roleUsage(view: MasterView): RoleUsage[] {
  const map = new Map<string, RoleUsage>();
  for (const name of Object.keys(view.weights)) entry(map, view, name);
  for (const fw of view.frameworks.values()) {
    for (const role of frameworkRoles(fw)) entry(map, view, role).frameworks.push(fw.id);
    for (const task of fw.tasks.values()) {
      const u = entry(map, view, task.role);
      u.allocated = u.allocated.add(task.resources);
    }
  }
  for (const offer of view.offers.values()) {
    const u = entry(map, view, offer.role);
    u.offered = u.offered.add(offer.resources);
  }
  for (const agent of view.agents.values()) {
    for (const role of reservationRoles(agent.total)) {
      const u = entry(map, view, role);
      u.reserved = u.reserved.add(agent.total.reserved(role));
    }
  }
  const out = [...map.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const u of out) u.frameworks.sort();
  return out;
}
