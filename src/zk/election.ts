/**
 * A master's candidacy (upstream `src/master/contender/zookeeper.cpp` on `src/zookeeper/group.cpp`):
 * join the group under the `--zk` path with an EPHEMERAL|SEQUENTIAL `json.info_` node holding this
 * master's MasterInfo as JSON, watch the group, and lead while that node has the lowest sequence.
 *
 * Losing the session is where we differ on purpose. Upstream's master aborts when its candidacy
 * ends (a supervisor restarts it). The contender instead reports `lost` synchronously, the moment
 * the session expires or has been unanswered for its timeout (see client-session.ts), so the
 * master stops leading before any other master can have been elected; then it joins again with a
 * fresh session and a new, higher sequence number. A node of ours left behind by a dead session
 * is not a leader we can redirect to, so the contender reports "no leader" until it is gone.
 * @module
 */
import { EventEmitter } from 'node:events';
import zookeeper from 'node-zookeeper-client';
import { ZkSession, type ZkSessionOptions } from './client-session.js';
import { type GroupView, type Leader, watchGroup } from './group.js';
import { type ZkUrl, znodePath } from './zk-url.js';

export const MEMBER_PREFIX = 'json.info_';

export interface ContenderOptions extends ZkSessionOptions {
  /** Delay before re-joining after a lost session or a failed connect (default 250 ms, doubling to 5 s). */
  retryMs?: number;
  onWarning?: (message: string) => void;
}

export interface ContenderEvents {
  /** This master now leads. */
  elected: [];
  /** This master no longer leads (emitted before anything else can change). */
  lost: [reason: string];
  /** The leader as seen from here (also ourselves), undefined when unknown. */
  leader: [leader: Leader | undefined];
  /** Our session works and our node exists (for tests and logs). */
  joined: [node: string];
}

export class Contender extends EventEmitter<ContenderEvents> {
  leading = false;
  /** Our member node's name (`json.info_0000000003`) in the current session. */
  node?: string;
  /** The session in use (the registry writes through it: it dies with our candidacy). */
  session?: ZkSession;
  private stopped = false;
  private failures = 0;
  private retry?: NodeJS.Timeout;
  private cancelWatch?: () => void;
  private leaderKey?: string;

  constructor(
    readonly url: ZkUrl,
    /** MasterInfo JSON; read at each join, so a bound port is already in it. */
    private readonly info: () => { id: string } & Record<string, unknown>,
    private readonly opts: ContenderOptions,
  ) {
    super();
  }

  start(): this {
    void this.join();
    return this;
  }

  private async join(): Promise<void> {
    if (this.stopped) return;
    const session = new ZkSession(this.url, this.opts);
    this.session = session;
    this.node = undefined;
    try {
      await session.connect();
      session.once('lost', (why) => this.end(session, why));
      await session.mkdirp(this.url.path);
      await this.createNode(session);
    } catch (e) {
      return this.end(session, `joining ${this.url.display}: ${(e as Error).message ?? String(e)}`);
    }
    this.failures = 0;
    this.cancelWatch = watchGroup(session, this.url.path, (view) => this.onView(session, view), (e) => this.end(session, `watching ${this.url.path}: ${String(e)}`));
  }

  private async createNode(session: ZkSession): Promise<void> {
    const data = Buffer.from(JSON.stringify(this.info()));
    const path = await session.create(znodePath(this.url.path, MEMBER_PREFIX), data, zookeeper.CreateMode.EPHEMERAL_SEQUENTIAL);
    this.node = path.slice(path.lastIndexOf('/') + 1);
    this.emit('joined', this.node);
  }

  private onView(session: ZkSession, view: GroupView): void {
    if (this.session !== session || session.lost) return;
    if (this.node !== undefined && !view.members.some((m) => m.node === this.node)) {
      // Someone deleted our node: our candidacy is over (upstream aborts here). Join again.
      this.stepDown(`our group member ${this.node} was deleted`);
      this.node = undefined;
      this.createNode(session).catch((e: unknown) => this.end(session, `re-joining: ${String(e)}`));
      return;
    }
    const mine = view.first !== undefined && view.first.node === this.node;
    if (!mine) this.stepDown(`${view.first?.node ?? 'nobody'} leads now`);
    // A node of ours from an earlier session is not a leader anyone can reach: report none.
    const stale = !mine && view.leader?.id === this.info().id;
    this.reportLeader(stale ? undefined : view.leader);
    if (mine && !this.leading) {
      this.leading = true;
      this.emit('elected');
    }
  }

  private stepDown(reason: string): void {
    if (!this.leading) return;
    this.leading = false;
    this.emit('lost', reason);
  }

  private reportLeader(leader: Leader | undefined): void {
    const key = leader ? `${leader.node} ${leader.url ?? ''}` : undefined;
    if (key === this.leaderKey) return;
    this.leaderKey = key;
    this.emit('leader', leader);
  }

  /** The session is over (lost, or joining failed): stop leading now, then join again later. */
  private end(session: ZkSession, reason: string): void {
    if (this.session !== session) return;
    this.cancelWatch?.();
    void session.close();
    this.stepDown(reason);
    this.reportLeader(undefined);
    if (this.stopped) return;
    this.opts.onWarning?.(reason);
    const base = this.opts.retryMs ?? 250;
    this.retry = setTimeout(() => void this.join(), Math.min(5000, base * 2 ** this.failures++));
    this.retry.unref();
  }

  /** Gives up the current candidacy (e.g. the leader could not recover) and joins again afresh. */
  rejoin(reason: string): void {
    if (this.session) this.end(this.session, reason);
  }

  /** Leaves the group: our node is deleted at once, so another master can take over without waiting. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.cancelWatch?.();
    this.stepDown('stopping');
    await this.session?.close();
  }
}
