/**
 * Shapes shared by the allocator's pure cycle and its stateful shell: the offer decision upstream's
 * allocator hands to the master, and read-only views of agents and frameworks.
 */
import type { Resources } from '../../protocol/resources/index.js';

/** One offer decision: all of an agent's resources usable by `role`, marked as allocated to it. */
export interface AllocatorOffer {
  frameworkId: string;
  agentId: string;
  role: string;
  resources: Resources;
}

/** What the cycle needs to know about an agent. `available` is unallocated and not offered. */
export interface AgentView {
  readonly id: string;
  readonly active: boolean;
  readonly available: Resources;
}

/** What the cycle needs to know about a framework. */
export interface FrameworkView {
  readonly active: boolean;
  readonly roles: ReadonlySet<string>;
  readonly suppressed: ReadonlySet<string>;
}
