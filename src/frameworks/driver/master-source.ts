/**
 * Where a framework finds the leading master (DESIGN.md "How data flows" 5): `host:port` as given,
 * or `zk://…/mesos` through a ZooKeeper leader detector — the same group the masters contend in —
 * whose changes tell the driver to move to the new leader at once.
 */
import type { Logger } from '../../lib/logger.js';
import { LeaderDetector } from '../../zk/detector.js';
import { isZkUrl, parseZkUrl } from '../../zk/zk-url.js';
import { type MasterResolver, fixedMaster } from './leader-url.js';

export interface MasterSource {
  resolver: MasterResolver;
  /** Called whenever the leader changes (never for a fixed master). */
  onChange(fn: () => void): void;
  stop(): Promise<void>;
}

export function masterSource(value: string, log: Logger, sessionTimeoutMs = 10_000): MasterSource {
  if (!isZkUrl(value)) return { resolver: fixedMaster(value), onChange: () => {}, stop: async () => {} };
  const detector = new LeaderDetector(parseZkUrl(value), { sessionTimeoutMs, onWarning: (message) => log.warn({ zk: value }, message) }).start();
  return {
    resolver: async () => (await detector.next()).url!,
    onChange: (fn) => detector.on('leader', (l) => l?.url && fn()),
    stop: () => detector.stop(),
  };
}
