/**
 * The shell's per-agent and per-framework records (upstream's `Slave` and `Framework` structs in
 * the hierarchical allocator), plus the constructor options.
 */
import type { Resources } from '../../protocol/resources/index.js';
import { AllocatorError } from './allocator-error.js';
import type { AgentView, FrameworkView } from './types.js';

/** An agent's books: `available` = total − Σ allocations (offered or used). */
export interface AgentState extends AgentView {
  active: boolean;
  available: Resources;
  readonly total: Resources;
  readonly allocations: Map<string, Resources>;
}

/** A framework's subscription and the agents where it holds anything. */
export interface FrameworkState extends FrameworkView {
  readonly id: string;
  active: boolean;
  roles: Set<string>;
  suppressed: Set<string>;
  /** False for a framework only known from an agent's `used` list (not yet re-registered). */
  registered: boolean;
  readonly agents: Set<string>;
}

/** Options: role weights, `--min_allocatable_resources` alternatives, and an injectable ms clock. */
export interface AllocatorOptions {
  weights?: Record<string, number>;
  minAllocatable?: Array<Record<string, number>>;
  now?: () => number;
}

/** Upstream rejects weights that are not positive. */
export function checkWeight(role: string, w: number): number {
  if (typeof w !== 'number' || !Number.isFinite(w) || w <= 0) throw new AllocatorError(`weight for role '${role}' must be a positive number`);
  return w;
}

/** A framework record with no roles, inactive and unregistered (the placeholder shape). */
export function newFramework(id: string): FrameworkState {
  return { id, active: false, roles: new Set(), suppressed: new Set(), registered: false, agents: new Set() };
}
