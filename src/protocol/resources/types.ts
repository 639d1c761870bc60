/**
 * Resource value shapes, mirroring the three `Value.Type`s of Mesos resources (SCALAR, RANGES, SET)
 * plus the reservation role and the v1 `allocation_info.role` an offer carries.
 */

/** The three resource value kinds Mesos knows; anything else is rejected at the boundary. */
export type ResourceType = 'SCALAR' | 'RANGES' | 'SET';

/**
 * One resource entry. Scalars are held as integer milli-units (upstream keeps 3 fixed decimals), so
 * sums and differences are exact; ranges are inclusive `[begin, end]` pairs, sorted and coalesced;
 * sets are sorted, de-duplicated strings. `role` is `"*"` when unreserved, else the static
 * reservation's role. Instances handed out by {@link Resources} are shared and must not be mutated.
 */
export interface Resource {
  name: string;
  type: ResourceType;
  role: string;
  allocationRole?: string;
  /** Integer milli-units (cpus 1.5 → 1500). */
  scalar?: number;
  ranges?: Array<[number, number]>;
  set?: string[];
}
