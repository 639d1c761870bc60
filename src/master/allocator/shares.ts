/**
 * The share report behind `/roles` and the allocator metrics: per role its weight, weighted
 * dominant share and allocated resources; per framework its dominant share over all its roles.
 * Offered resources count as allocated, as in upstream's sorters.
 */
import { Resources } from '../../protocol/resources/index.js';
import { splitByAllocationRole } from './allocation-roles.js';
import { dominantShare, quantityVector } from './quantities.js';
import type { SorterBooks } from './sorter-books.js';

/** Role shares (DRF order) and framework shares (lowest first). */
export interface AllocatorShares {
  roles: Array<{ role: string; weight: number; share: number; allocated: Resources }>;
  frameworks: Array<{ frameworkId: string; share: number; allocated: Resources }>;
}

/** Builds the report from each agent's per-framework allocations and the sorters. */
export function computeShares(
  allocations: Iterable<ReadonlyMap<string, Resources>>, frameworkIds: Iterable<string>, books: SorterBooks,
): AllocatorShares {
  const byRole = new Map<string, Resources>();
  const byFramework = new Map<string, Resources>();
  const add = (m: Map<string, Resources>, k: string, r: Resources) => m.set(k, (m.get(k) ?? Resources.empty()).add(r));
  for (const perAgent of allocations) {
    for (const [frameworkId, res] of perAgent) {
      add(byFramework, frameworkId, res);
      for (const [role, part] of splitByAllocationRole(res, '*')) add(byRole, role, part);
    }
  }
  const roles = books.roleSorter.sorted().map((role) => ({
    role, weight: books.weight(role), share: books.roleSorter.share(role), allocated: byRole.get(role) ?? Resources.empty(),
  }));
  const frameworks = [...frameworkIds].map((frameworkId) => {
    const allocated = byFramework.get(frameworkId) ?? Resources.empty();
    return { frameworkId, share: dominantShare(quantityVector(allocated, books.index), books.ctx.totals), allocated };
  });
  frameworks.sort((a, b) => a.share - b.share || (a.frameworkId < b.frameworkId ? -1 : 1));
  return { roles, frameworks };
}
