/**
 * The base URL `tsmesos top` subscribes to, resolved afresh for every (re)connection: the
 * `--master`/`MESOS_MASTER`/config address as every operator command resolves it, and for a
 * ZooKeeper address (`zk://…/mesos` or `[master.zookeeper]`) the current leader read from
 * ZooKeeper, so after a failover the watch lands on the new leader by itself.
 */
import type { CliContext } from '../cli/context.js';
import { resolveMasterAddress } from '../cli/master-address.js';
import { resolveLeader } from '../zk/detector.js';
import type { ZkUrl } from '../zk/zk-url.js';

export async function leaderUrl(flag: string | undefined, ctx: Pick<CliContext, 'env' | 'config'>): Promise<string> {
  const address = resolveMasterAddress(flag, ctx) as ReturnType<typeof resolveMasterAddress> & { zk?: ZkUrl };
  if (!address.zk) return address.url;
  const leader = await resolveLeader(address.zk);
  if (!leader.url) throw new Error(`the leading master in ZooKeeper ${address.zk.display} has no address`);
  return leader.url;
}
