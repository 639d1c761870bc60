/**
 * The HA flags of `tsmesos master`, checked together as upstream's `src/master/main.cpp` does:
 * `--zk` turns on leader election; `--registry=replicated_log` needs `--quorum` with it. tsmesos
 * stores that registry in ZooKeeper (there is no log of its own), so without `--zk` it is refused
 * rather than silently kept in memory. `--quorum` is validated but ZooKeeper's own quorum is what
 * makes the registry durable.
 * @module
 */
import { UserError } from '../../cli/errors.js';
import type { Flags } from '../../cli/flags/resolve-flags.js';
import { parseZkUrl, type ZkUrl, ZkUrlError } from '../../zk/zk-url.js';

export interface HaConfig {
  zk: ZkUrl;
  sessionTimeoutMs: number;
  durableRegistry: boolean;
  agentReregisterTimeoutMs: number;
}

/** Undefined when the master runs alone (no `--zk`). */
export function haConfig(flags: Flags): HaConfig | undefined {
  const durable = flags.str('registry') === 'replicated_log';
  const zkFlag = flags.str('zk');
  if (!zkFlag) {
    if (durable) {
      throw new UserError('--registry=replicated_log keeps the registry in ZooKeeper, so it needs --zk', 'pass --zk=zk://HOST:2181/mesos, or use --registry=in_memory for a single master');
    }
    return undefined;
  }
  let zk: ZkUrl;
  try {
    zk = parseZkUrl(zkFlag);
  } catch (e) {
    if (e instanceof ZkUrlError) throw new UserError(`--zk: ${e.message}`, 'e.g. --zk=zk://10.0.0.1:2181,10.0.0.2:2181/mesos');
    throw e;
  }
  const quorum = flags.int('quorum');
  if (durable && quorum === undefined) {
    throw new UserError('--quorum is required with --zk and --registry=replicated_log', 'a majority of the masters, e.g. --quorum=2 for three masters');
  }
  if (quorum !== undefined && quorum < 1) throw new UserError('--quorum must be at least 1');
  const sessionTimeoutMs = flags.duration('zk_session_timeout') ?? 10_000;
  const agentReregisterTimeoutMs = flags.duration('agent_reregister_timeout') ?? 600_000;
  if (!(sessionTimeoutMs > 0)) throw new UserError('--zk_session_timeout must be greater than 0');
  if (!(agentReregisterTimeoutMs > 0)) throw new UserError('--agent_reregister_timeout must be greater than 0');
  return { zk, sessionTimeoutMs, durableRegistry: durable, agentReregisterTimeoutMs };
}
