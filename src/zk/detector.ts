/**
 * Finding the leading master through ZooKeeper, for agents and the CLI (upstream
 * `src/master/detector/zookeeper.cpp`, and the new CLI's `zookeeper_resolve_leader`): the leader is
 * the group's lowest `json.info_*` member (see group.ts), its address `address.ip:address.port`.
 * @module
 */
import { EventEmitter } from 'node:events';
import { ZkSession, type ZkSessionOptions } from './client-session.js';
import { type Leader, membersOf, parseMasterInfo, watchGroup } from './group.js';
import { type ZkUrl, znodePath } from './zk-url.js';

export { type GroupView, type Leader, type Member, membersOf, parseMasterInfo, uint32ToIp, watchGroup } from './group.js';

export interface DetectorOptions extends ZkSessionOptions {
  /** Delay before a new session after a lost one or a failed connect (default 250 ms, doubling to 5 s). */
  retryMs?: number;
  onWarning?: (message: string) => void;
}

/**
 * Follows the leader for as long as it runs: `leader` is the current one (undefined while none is
 * known or ZooKeeper is out of reach), `'leader'` fires on every change. Sessions that are lost are
 * replaced, so a detector survives ZooKeeper restarts.
 */
export class LeaderDetector extends EventEmitter<{ leader: [leader: Leader | undefined] }> {
  leader?: Leader;
  private session?: ZkSession;
  private stopped = false;
  private failures = 0;
  private retry?: NodeJS.Timeout;
  private cancelWatch?: () => void;

  constructor(
    readonly url: ZkUrl,
    private readonly opts: DetectorOptions,
  ) {
    super();
  }

  start(): this {
    void this.open();
    return this;
  }

  /** The current leader with an address, or the next one to appear. */
  next(): Promise<Leader> {
    if (this.leader?.url) return Promise.resolve(this.leader);
    return new Promise((resolve) => {
      const on = (l: Leader | undefined) => {
        if (!l?.url) return;
        this.off('leader', on);
        resolve(l);
      };
      this.on('leader', on);
    });
  }

  private async open(): Promise<void> {
    if (this.stopped) return;
    const session = new ZkSession(this.url, this.opts);
    this.session = session;
    try {
      await session.connect();
      await session.mkdirp(this.url.path).catch(() => undefined); // read-only credentials: the masters create it
    } catch (e) {
      return this.again(session, `ZooKeeper ${this.url.display}: ${(e as Error).message}`);
    }
    session.once('lost', (why) => this.again(session, why));
    this.cancelWatch = watchGroup(session, this.url.path, (view) => this.report(view.leader), (e) => this.again(session, `reading ${this.url.path}: ${String(e)}`));
  }

  private again(session: ZkSession, why: string): void {
    if (this.session !== session || this.stopped) return;
    this.cancelWatch?.();
    void session.close();
    this.report(undefined);
    this.opts.onWarning?.(why);
    const base = this.opts.retryMs ?? 250;
    this.retry = setTimeout(() => void this.open(), Math.min(5000, base * 2 ** this.failures++));
    this.retry.unref();
  }

  private report(leader: Leader | undefined): void {
    if (leader) this.failures = 0;
    if (leader?.node === this.leader?.node && leader?.url === this.leader?.url) return;
    this.leader = leader;
    this.emit('leader', leader);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.cancelWatch?.();
    await this.session?.close();
  }
}

/**
 * One-shot lookup for the CLI (the new `mesos` CLI's way): connect, list the group, read the
 * lowest `json.info_*` child, close. Throws with a clear message when ZooKeeper is unreachable or
 * no master leads.
 */
export async function resolveLeader(url: ZkUrl, timeoutMs = 5000): Promise<Leader> {
  const session = new ZkSession(url, { sessionTimeoutMs: Math.max(timeoutMs, 4000), connectTimeoutMs: timeoutMs });
  await session.connect();
  try {
    const children = await session.getChildren(url.path).catch((e: unknown) => {
      throw new Error(`ZooKeeper ${url.display} has no ${url.path} node (${String(e)}): no master has ever run with this --zk`);
    });
    const first = membersOf(children).find((m) => !m.legacy);
    const data = first && (await session.getData(znodePath(url.path, first.node)));
    const leader = first && data ? parseMasterInfo(first.node, data) : undefined;
    if (!leader?.url) throw new Error(`no leading master is registered under ${url.path} in ZooKeeper ${url.display}`);
    return leader;
  } finally {
    await session.close();
  }
}
