/**
 * Four-letter words (upstream `FourLetterCommands`): a client may send four ASCII bytes instead of a
 * length prefix as the very first thing on a connection; the server answers in plain text and closes.
 * `echo stat | nc 127.0.0.1 2181` keeps working as in the old tutorials. Output lines follow the
 * upstream wording that scripts grep for (`imok`, `Mode: standalone`, `zk_server_state`, ...).
 * @module
 */
import { hostname, userInfo } from 'node:os';
import type { ClientConnection } from './connection.js';

export interface ServerView {
  version: string;
  conns: readonly ClientConnection[];
  /** The connection asking (listed like upstream lists it, with no session). */
  self: ClientConnection;
  received: number;
  sent: number;
  latency: { min: number; avg: number; max: number };
  outstanding: number;
  zxid: number;
  nodeCount: number;
  ephemerals: number;
  sessions: number;
  watches: number;
  watchPaths: number;
  watchingConns: number;
  dataSize: number;
  startedAt: number;
  lastFsyncMs: number;
  snapshots: number;
  conf: { clientPort: number; dataDir: string; tickTime: number; minSessionTimeout: number; maxSessionTimeout: number };
}

/** Words upstream knows but this server does not run; they get upstream's refusal sentence. */
const KNOWN_OFF = ['crst', 'dump', 'gtmk', 'stmk', 'srst', 'dirs', 'wchc', 'wchp', 'hash'];
export const FOUR_LETTER_WORDS = ['ruok', 'stat', 'srvr', 'mntr', 'cons', 'envi', 'conf', 'isro', 'wchs'];

const hex = (n: number | bigint) => `0x${n.toString(16)}`;
const ms = (n: number) => Math.round(n);

function connLine(c: ClientConnection, full: boolean, self: boolean): string {
  const base = ` ${c.remote}[${self ? 0 : 1}](queued=${c.queued},recved=${c.received},sent=${c.sent}`;
  if (!full || c.state !== 'connected') return `${base})`;
  const avg = c.latencyCount ? c.totalLatency / c.latencyCount : 0;
  return `${base},sid=${hex(c.sessionId)},lop=${c.lastOp},est=${c.established},to=${c.sessionTimeout},lcxid=${hex(c.lastCxid)},lzxid=${hex(c.lastZxid)},lresp=${c.lastResponse},llat=${ms(c.lastLatency)},minlat=${c.latencyCount ? ms(c.minLatency) : 0},avglat=${avg.toFixed(1)},maxlat=${ms(c.maxLatency)})`;
}

function serverLines(v: ServerView): string[] {
  return [
    `Latency min/avg/max: ${ms(v.latency.min)}/${v.latency.avg.toFixed(1)}/${ms(v.latency.max)}`,
    `Received: ${v.received}`,
    `Sent: ${v.sent}`,
    `Connections: ${v.conns.length}`,
    `Outstanding: ${v.outstanding}`,
    `Zxid: ${hex(v.zxid)}`,
    'Mode: standalone',
    `Node count: ${v.nodeCount}`,
  ];
}

/** The answer to `word`, or undefined when it is not a four-letter word at all. */
export function fourLetterWord(word: string, v: ServerView): string | undefined {
  const all = [...v.conns.filter((c) => c !== v.self), v.self];
  switch (word) {
    case 'ruok':
      return 'imok';
    case 'isro':
      return 'rw';
    case 'srvr':
      return [`Zookeeper version: ${v.version}`, ...serverLines(v)].join('\n') + '\n';
    case 'stat':
      return [`Zookeeper version: ${v.version}`, 'Clients:', ...all.map((c) => connLine(c, false, c === v.self)), '', ...serverLines(v)].join('\n') + '\n';
    case 'cons':
      return all.map((c) => connLine(c, true, c === v.self)).join('\n') + '\n\n';
    case 'wchs':
      return `${v.watchingConns} connections watching ${v.watchPaths} paths\nTotal watches:${v.watches}\n`;
    case 'mntr':
      return mntr(v);
    case 'envi':
      return envi(v);
    case 'conf':
      return [
        `clientPort=${v.conf.clientPort}`,
        `dataDir=${v.conf.dataDir}`,
        `dataLogDir=${v.conf.dataDir}`,
        `tickTime=${v.conf.tickTime}`,
        `minSessionTimeout=${v.conf.minSessionTimeout}`,
        `maxSessionTimeout=${v.conf.maxSessionTimeout}`,
        'serverId=0',
      ].join('\n') + '\n';
    default:
      return KNOWN_OFF.includes(word) ? `${word} is not executed because it is not in the whitelist.\n` : undefined;
  }
}

function mntr(v: ServerView): string {
  const rows: [string, string | number][] = [
    ['zk_version', v.version],
    ['zk_server_state', 'standalone'],
    ['zk_ephemerals_count', v.ephemerals],
    ['zk_num_alive_connections', v.conns.length],
    ['zk_avg_latency', v.latency.avg.toFixed(1)],
    ['zk_outstanding_requests', v.outstanding],
    ['zk_znode_count', v.nodeCount],
    ['zk_global_sessions', v.sessions],
    ['zk_packets_sent', v.sent],
    ['zk_packets_received', v.received],
    ['zk_watch_count', v.watches],
    ['zk_min_latency', ms(v.latency.min)],
    ['zk_max_latency', ms(v.latency.max)],
    ['zk_approximate_data_size', v.dataSize],
    ['zk_uptime', Date.now() - v.startedAt],
    ['zk_snap_count', v.snapshots],
    ['zk_last_fsync_ms', v.lastFsyncMs.toFixed(3)],
  ];
  return rows.map(([k, x]) => `${k}\t${x}`).join('\n') + '\n';
}

function envi(v: ServerView): string {
  const mem = process.memoryUsage();
  let user = 'unknown';
  let home = '';
  try {
    ({ username: user, homedir: home } = userInfo());
  } catch {
    /* no passwd entry */
  }
  return [
    'Environment:',
    `zookeeper.version=${v.version}`,
    `host.name=${hostname()}`,
    `node.version=${process.version}`,
    `os.name=${process.platform}`,
    `os.arch=${process.arch}`,
    `user.name=${user}`,
    `user.home=${home}`,
    `user.dir=${process.cwd()}`,
    `os.memory.rss=${Math.round(mem.rss / 1048576)}MB`,
    `os.memory.heapUsed=${Math.round(mem.heapUsed / 1048576)}MB`,
  ].join('\n') + '\n';
}
