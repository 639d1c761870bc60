/**
 * Rolling-restart arithmetic (upstream `TaskReplaceActor`, marathon-chronos-api.md §3.3), as a pure
 * step function the deployment executor calls whenever counts change:
 * - minHealthy = ceil(instances × minimumHealthCapacity): old + new-ready instances never drop below it;
 * - maxCapacity = floor(instances × (1 + maximumOverCapacity)): old + new alive never exceed it;
 * - when minHealthy == maxCapacity (e.g. {1, 0}) and the app is at capacity, one extra instance is allowed,
 *   otherwise the restart could never make progress.
 * {1,1} starts every new instance beside the old ones; {0,0} kills all old then starts; {0.5,0} halves first.
 */

export interface UpgradeStrategyLike {
  minimumHealthCapacity: number;
  maximumOverCapacity: number;
}

/** Guards against float noise such as 10 × 0.3 = 3.0000000000000004. */
const EPS = 1e-9;

export function replaceLimits(instances: number, s: UpgradeStrategyLike): { minHealthy: number; maxCapacity: number } {
  return {
    minHealthy: Math.max(0, Math.ceil(instances * s.minimumHealthCapacity - EPS)),
    maxCapacity: Math.max(0, Math.floor(instances * (1 + s.maximumOverCapacity) + EPS)),
  };
}

export interface ReplaceState {
  /** Target instance count of the new version. */
  instances: number;
  /** Old-version instances alive and not yet asked to die. */
  oldRunning: number;
  /** Old-version instances asked to die that are not gone yet: they still take capacity, but no longer count as healthy. */
  oldKilling?: number;
  /** New-version instances launched and alive (ready or not). */
  newStarted: number;
  /** New-version instances healthy and ready. */
  newReady: number;
  strategy: UpgradeStrategyLike;
}

/** Given counts now, what to do next: how many old instances to kill and how many new ones to start. */
export function replaceStep(st: ReplaceState): { killOld: number; startNew: number } {
  const oldKilling = st.oldKilling ?? 0;
  const limits = replaceLimits(st.instances, st.strategy);
  let maxCapacity = limits.maxCapacity;
  const alive = st.oldRunning + oldKilling + st.newStarted;
  if (limits.minHealthy === maxCapacity && alive >= maxCapacity) maxCapacity += 1;
  const killOld = Math.max(0, Math.min(st.oldRunning, st.oldRunning + st.newReady - limits.minHealthy));
  const notStarted = Math.max(0, st.instances - st.newStarted);
  const room = Math.max(0, maxCapacity - alive);
  return { killOld, startNew: Math.min(notStarted, room) };
}
