/**
 * Finding the leading master through ZooKeeper, for agents, the CLI and the masters themselves
 * (upstream `src/master/detector/zookeeper.cpp`, `src/zookeeper/group.cpp`, and the new CLI's
 * `zookeeper_resolve_leader`): every master owns an EPHEMERAL|SEQUENTIAL child of the group path,
 * `json.info_<10 digits>` holding its MasterInfo as JSON; the child with the lowest sequence number
 * leads. Legacy `info_<seq>` children (binary protobuf, written by pre-1.0 masters) take part in the
 * ordering but their data is not decoded: such a leader is reported with no address.
 * @module
 */
import { EventEmitter } from 'node:events';
import zookeeper from 'node-zookeeper-client';
import { ZkSession, type ZkSessionOptions, zkCode } from './client-session.js';
import { type ZkUrl, znodePath } from './zk-url.js';

export interface Member {
  node: string;
  seq: number;
  legacy: boolean;
}

/** The leading master as its MasterInfo describes it. */
export interface Leader {
  node: string;
  /** MasterInfo.id; undefined for a legacy member. */
  id?: string;
  hostname?: string;
  ip?: string;
  port?: number;
  /** `http://ip:port` (what the new CLI connects to), when the data had an address. */
  url?: string;
  /** The MasterInfo JSON as stored. */
  info?: Record<string, unknown>;
}

const MEMBER = /^(json\.info|info)_(\d+)$/;

/** Group members sorted by sequence number, lowest (the leader) first; other children are ignored. */
export function membersOf(children: readonly string[]): Member[] {
  const out: Member[] = [];
  for (const node of children) {
    const m = MEMBER.exec(node);
    if (m) out.push({ node, seq: Number(m[2]), legacy: m[1] === 'info' });
  }
  return out.sort((a, b) => a.seq - b.seq || a.node.localeCompare(b.node));
}

/** MasterInfo.ip is a uint32 in network byte order: the first octet sits in the low byte. */
export function uint32ToIp(n: number): string {
  return [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255].join('.');
}

/** Reads a `json.info_*` node's MasterInfo; undefined when the data is not a usable MasterInfo. */
export function parseMasterInfo(node: string, data: Buffer): Leader | undefined {
  let info: Record<string, unknown>;
  try {
    info = JSON.parse(data.toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (typeof info !== 'object' || info === null) return undefined;
  const address = (typeof info.address === 'object' && info.address !== null ? info.address : {}) as Record<string, unknown>;
  const ip = typeof address.ip === 'string' ? address.ip : typeof info.ip === 'number' ? uint32ToIp(info.ip) : undefined;
  const port = typeof address.port === 'number' ? address.port : typeof info.port === 'number' ? info.port : undefined;
  const hostname = typeof info.hostname === 'string' ? info.hostname : typeof address.hostname === 'string' ? address.hostname : ip;
  const host = ip ?? hostname;
  const url = host !== undefined && port !== undefined ? `http://${host.includes(':') ? `[${host}]` : host}:${port}` : undefined;
  return { node, id: typeof info.id === 'string' ? info.id : undefined, hostname, ip, port, url, info };
}

export interface GroupView {
  members: Member[];
  /** The lowest member, if any. */
  first?: Member;
  /** The lowest member's MasterInfo when it could be read and parsed. */
  leader?: Leader;
}

/**
 * Watches the group under `path`: calls `onView` now and after every membership change (child
 * watches are one-shot, so each read sets the next). Concurrent triggers coalesce into one read;
 * a read cut off by a connection blip is repeated on reconnection, other failures go to `onError`.
 * Returns a function that stops reporting.
 */
export function watchGroup(session: ZkSession, path: string, onView: (view: GroupView) => void, onError: (e: unknown) => void): () => void {
  let cancelled = false;
  let running = false;
  let again = false;
  const refresh = async (): Promise<void> => {
    if (cancelled) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const members = membersOf(await session.getChildren(path, () => void refresh()));
        const first = members[0];
        const data = first && !first.legacy ? await session.getData(znodePath(path, first.node)) : undefined;
        const leader = first && (data ? parseMasterInfo(first.node, data) : first.legacy ? { node: first.node } : undefined);
        if (!cancelled) onView({ members, first, leader });
      } while (again && !cancelled);
    } catch (e) {
      // A blip fails the read (and drops its watch): read again once the session is back.
      if (zkCode(e) === zookeeper.Exception.CONNECTION_LOSS) session.client.once('connected', () => void refresh());
      else if (!cancelled) onError(e);
    } finally {
      running = false;
    }
  };
  void refresh();
  return () => {
    cancelled = true;
  };
}

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
