/**
 * The group of masters under the `--zk` path, read the way upstream's `src/zookeeper/group.cpp`
 * and `src/master/detector/zookeeper.cpp` read it: every master owns an EPHEMERAL|SEQUENTIAL child
 * `json.info_<10 digits>` holding its MasterInfo as JSON; the lowest sequence number leads. Legacy
 * `info_<seq>` children (binary protobuf, from pre-1.0 masters) take part in the ordering but their
 * data is not decoded: such a leader is reported with no address.
 * @module
 */
import zookeeper from 'node-zookeeper-client';
import { type ZkSession, zkCode } from './client-session.js';
import { znodePath } from './zk-url.js';

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
