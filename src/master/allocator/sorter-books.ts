/**
 * The share books of upstream's allocator: one role sorter over all roles and one framework sorter
 * per role, with the cluster totals they divide by. A framework stays in a role's sorter while it
 * is subscribed to the role or still holds resources allocated to it (upstream's
 * track/untrackFrameworkUnderRole).
 */
import type { Resources } from '../../protocol/resources/index.js';
import { splitByAllocationRole } from './allocation-roles.js';
import type { CycleResult } from './cycle.js';
import { DrfSorter, type SorterContext } from './drf-sorter.js';
import { addVector, isNonZero, quantityVector, ResourceIndex } from './quantities.js';

/** Sorters plus the context (totals, weights) they share; the shell's only source of shares. */
export class SorterBooks {
  readonly ctx: SorterContext = { totals: [], weights: new Map(), version: 0 };
  readonly index = new ResourceIndex();
  roleSorter = new DrfSorter(this.ctx, true);
  frameworkSorters = new Map<string, DrfSorter>();

  /** Cluster totals grow (+1) or shrink (−1) by an agent's resources; every share is now stale. */
  changeTotals(total: Resources, sign: 1 | -1): void {
    addVector(this.ctx.totals, quantityVector(total, this.index), sign);
    this.ctx.version++;
  }

  setWeight(role: string, weight: number): void {
    this.ctx.weights.set(role, weight);
    this.ctx.version++;
  }

  weight(role: string): number {
    return this.ctx.weights.get(role) ?? 1;
  }

  /** Takes over the orderings a pure cycle produced (they already include its offers). */
  adopt(result: Pick<CycleResult, 'roleSorter' | 'frameworkSorters'>): void {
    this.roleSorter = result.roleSorter;
    this.frameworkSorters = result.frameworkSorters;
  }

  track(frameworkId: string, role: string): DrfSorter {
    let sorter = this.frameworkSorters.get(role);
    if (sorter === undefined) {
      this.frameworkSorters.set(role, (sorter = new DrfSorter(this.ctx, false)));
      this.roleSorter.add(role);
    }
    sorter.add(frameworkId);
    return sorter;
  }

  /** Drops the framework from `role` unless it is `subscribed` there or still holds something. */
  untrackIfIdle(frameworkId: string, role: string, subscribed: boolean): void {
    const sorter = this.frameworkSorters.get(role);
    if (sorter === undefined || !sorter.has(frameworkId) || subscribed || isNonZero(sorter.allocation(frameworkId))) return;
    sorter.remove(frameworkId);
    if (sorter.size === 0) {
      this.frameworkSorters.delete(role);
      this.roleSorter.remove(role);
    }
  }

  /** Roles in which the framework is currently tracked. */
  rolesOf(frameworkId: string): string[] {
    return [...this.frameworkSorters].filter(([, s]) => s.has(frameworkId)).map(([role]) => role);
  }

  /** Books allocated resources (+1) or their release (−1) under each allocation role. */
  book(frameworkId: string, res: Resources, sign: 1 | -1, subscribed: (role: string) => boolean): void {
    for (const [role, part] of splitByAllocationRole(res, '*')) {
      const delta = quantityVector(part, this.index);
      const sorter = this.track(frameworkId, role);
      if (sign > 0) {
        sorter.allocated(frameworkId, delta);
        this.roleSorter.allocated(role, delta);
      } else {
        sorter.unallocated(frameworkId, delta);
        this.roleSorter.unallocated(role, delta);
        this.untrackIfIdle(frameworkId, role, subscribed(role));
      }
    }
  }
}
