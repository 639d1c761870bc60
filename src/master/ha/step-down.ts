/**
 * The two leadership transitions of a master under `--zk`. Upstream never steps down: its master
 * aborts when it loses leadership and a supervisor restarts it empty. tsmesos keeps the process and
 * reaches the same place by hand: every stream closed (frameworks, agents and operators reconnect
 * and find the new leader) and all state forgotten, so a later election starts from the registry.
 * @module
 */
import { HierarchicalAllocator } from '../allocator/index.js';
import type { Master } from '../master.js';

/** A master under `--zk` starts as a standby that knows no leader, before it serves any request. */
export function standBy(m: Master): void {
  m.elected = false;
  m.electedTime = undefined;
  m.leaderInfo = undefined;
}

/** Now leading (after any registry recovery): leader-only endpoints are served from here on. */
export function lead(m: Master): void {
  m.elected = true;
  m.recovering = false;
  m.electedTime = Date.now() / 1000;
  m.leaderInfo = m.info;
}

/** Leadership lost: close every stream and forget everything, as a restarted process would. */
export function stepDown(m: Master): void {
  m.elected = false;
  m.recovering = false;
  m.electedTime = undefined;
  m.leaderInfo = undefined;
  m.registrar = undefined;
  for (const t of [...m.offerTimers.values(), ...m.failoverTimers.values()]) clearTimeout(t);
  m.offerTimers.clear();
  m.failoverTimers.clear();
  m.channels.closeAll();
  for (const id of m.frameworks.keys()) m.markAllocatorFramework(id, false);
  for (const map of [m.frameworks, m.agents, m.unreachableAgents, m.recoveredAgents, m.offers, m.tasks, m.pingMisses]) map.clear();
  m.completedFrameworks.length = 0;
  m.weights = { ...m.config.weights };
  m.allocator = new HierarchicalAllocator({ weights: m.weights });
}
