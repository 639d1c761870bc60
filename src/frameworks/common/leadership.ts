/**
 * Leader election among framework instances started with the same `--zk` (upstream Marathon's
 * `CuratorElectionService`, Chronos' leader latch): each instance joins `<zk path>/leader/` with
 * an EPHEMERAL_SEQUENTIAL `json.info_` node (src/zk/election.ts), the lowest leads. The node data
 * says where its HTTP API listens, so standbys can proxy to it:
 *   {"id","hostname","port","address":{"hostname","ip","port"}}
 *
 * While leading, `store()` gives the StateStore under `<zk path>/state`, fenced by our own
 * election node: the moment the candidacy ends, writes fail (NotLeaderError) before anyone else
 * can have been elected.
 * @module
 */
import { EventEmitter } from 'node:events';
import type { Logger } from '../../lib/logger.js';
import { Contender } from '../../zk/election.js';
import { type ZkUrl, znodePath } from '../../zk/zk-url.js';
import { NotLeaderError, type StateStore } from './state-store.js';
import { ZkStateStore } from './zk-state-store.js';

export interface LeaderAddress {
  host: string;
  port: number;
}

export interface FrameworkLeadershipEvents {
  elected: [];
  lost: [reason: string];
  leader: [leader: LeaderAddress | undefined];
}

export interface SelfInfo {
  id: string;
  hostname: string;
  /** Read at each (re)join, so a port bound after construction (`--http_port=0`) is advertised. */
  port: number;
  /** Address to advertise when it differs from the hostname (default: the hostname). */
  ip?: string;
}

export class FrameworkLeadership extends EventEmitter<FrameworkLeadershipEvents> {
  private readonly contender: Contender;
  private current?: LeaderAddress;
  readonly statePath: string;
  readonly leaderPath: string;

  constructor(
    readonly zk: ZkUrl,
    readonly self: SelfInfo,
    opts: { sessionTimeoutMs: number; log: Logger },
  ) {
    super();
    this.leaderPath = znodePath(zk.path, 'leader');
    this.statePath = znodePath(zk.path, 'state');
    const info = () => {
      const ip = self.ip ?? self.hostname;
      return { id: self.id, hostname: self.hostname, port: self.port, address: { hostname: self.hostname, ip, port: self.port } };
    };
    this.contender = new Contender({ ...zk, path: this.leaderPath }, info, {
      sessionTimeoutMs: opts.sessionTimeoutMs,
      onWarning: (message) => opts.log.warn({ zk: zk.display }, message),
    });
    this.contender.on('elected', () => this.emit('elected'));
    this.contender.on('lost', (reason) => this.emit('lost', reason));
    this.contender.on('leader', (l) => {
      const host = l?.ip ?? l?.hostname;
      this.current = host !== undefined && l?.port !== undefined ? { host, port: l.port } : undefined;
      this.emit('leader', this.current);
    });
  }

  start(): this {
    this.contender.start();
    return this;
  }

  /** Leaves the election at once (a standby takes over without waiting for a session timeout). */
  stop(): Promise<void> {
    return this.contender.stop();
  }

  get leading(): boolean {
    return this.contender.leading;
  }

  /** The leader as last seen (ourselves while leading); undefined when unknown. */
  get leader(): LeaderAddress | undefined {
    return this.current;
  }

  /** `host:port` of the leader, for `/v2/leader` and proxy headers. */
  get leaderHostPort(): string | undefined {
    const l = this.current;
    return l ? `${l.host.includes(':') ? `[${l.host}]` : l.host}:${l.port}` : undefined;
  }

  /** Ends the current candidacy and joins again (e.g. when recovering state as the new leader failed). */
  abdicate(reason: string): void {
    this.contender.rejoin(reason);
  }

  /** The store to use while leading, fenced by our election node of this very session. */
  store(): StateStore {
    const session = this.contender.session;
    const node = this.contender.node;
    if (!this.leading || session === undefined || node === undefined) throw new NotLeaderError();
    const fence = znodePath(this.leaderPath, node);
    return new ZkStateStore(session, this.statePath, () =>
      this.contender.leading && this.contender.session === session && this.contender.node === node ? fence : undefined,
    );
  }
}
