/**
 * Public surface of resource values and arithmetic (scalars, ranges, sets with roles), used by the
 * master, the agent and the allocator.
 */
export type { Resource, ResourceType } from './types.js';
export { ResourceError } from './resource-error.js';
export { Resources } from './resources.js';
