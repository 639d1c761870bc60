/**
 * Public surface of the DRF allocator used by the master: the stateful `HierarchicalAllocator`
 * shell, its offer type, and the filter constants the master needs for DECLINE defaults.
 */
export { HierarchicalAllocator } from './hierarchical.js';
export type { AllocatorOptions } from './state.js';
export type { AllocatorShares } from './shares.js';
export type { AllocatorOffer } from './types.js';
export { AllocatorError } from './allocator-error.js';
export { DEFAULT_REFUSE_SECONDS, MAX_REFUSE_SECONDS } from './filters.js';
export { DEFAULT_MIN_ALLOCATABLE } from './min-allocatable.js';
