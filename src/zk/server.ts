/**
 * `tsmesos zookeeper-lite`: a standalone ZooKeeper server (upstream `ZooKeeperServerMain`) on one TCP
 * port. This file is the I/O edge: it recovers state from the data directory, accepts sockets, feeds
 * their frames to the request processor, answers four-letter words, releases replies as the log
 * becomes durable, and expires sessions on a timer. Everything it calls is synchronous and pure except
 * the log writer, so one event loop gives upstream's single total order of requests.
 * @module
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { Logger } from '../lib/logger.js';
import { TSMESOS_VERSION } from '../lib/version.js';
import { ClientConnection } from './connection.js';
import { ZkDatabase } from './database.js';
import { fourLetterWord, type ServerView } from './four-letter.js';
import { Persistence } from './persistence.js';
import { RequestProcessor } from './processor.js';
import { SessionTable } from './sessions.js';
import { FrameError } from './wire/framing.js';

export interface ZkServerOptions {
  ip: string;
  port: number;
  dataDir: string;
  tickTime: number;
  minSessionTimeout: number;
  maxSessionTimeout: number;
  snapshotCount: number;
  log: Logger;
}

/** The version line clients and scripts see: the upstream release we emulate, then ours. */
export const ZK_VERSION = `3.8.0-tsmesos-lite-${TSMESOS_VERSION}, built on 1970-01-01 00:00 UTC`;

export interface RunningZk {
  host: string;
  port: number;
  url: string;
  /** Rejects if the server must stop (the transaction log could not be written). */
  fatal: Promise<never>;
  close(): Promise<void>;
}

export async function startZkServer(opts: ZkServerOptions): Promise<RunningZk> {
  const { log } = opts;
  const conns = new Set<ClientConnection>();
  const totals = { received: 0, sent: 0, latMin: Number.POSITIVE_INFINITY, latMax: 0, latSum: 0, latCount: 0 };
  let failFatal!: (e: Error) => void;
  const fatal = new Promise<never>((_, reject) => (failFatal = reject));
  fatal.catch(() => undefined);

  const { persistence, recovered } = await Persistence.open({
    dataDir: opts.dataDir,
    snapshotCount: opts.snapshotCount,
    log,
    onDurable: () => {
      for (const c of conns) if (c.queued > 0) c.release();
    },
    onFatal: (e) => {
      log.fatal({ err: e }, 'transaction log write failed; stopping');
      failFatal(e);
    },
  });
  const now = Date.now();
  const sessions = new SessionTable(1n, now);
  for (const s of recovered.sessions.values()) sessions.add(s.id, s.timeout, s.passwd, now);
  log.info({ zxid: `0x${recovered.lastZxid.toString(16)}`, snapshot: `0x${recovered.snapshotZxid.toString(16)}`, replayed: recovered.txnsReplayed, sessions: sessions.size }, 'recovered');

  const db = new ZkDatabase<ClientConnection>(recovered.tree, sessions, persistence);
  const processor = new RequestProcessor(db, { minSessionTimeout: opts.minSessionTimeout, maxSessionTimeout: opts.maxSessionTimeout, log });
  const startedAt = Date.now();

  const view = (self: ClientConnection): ServerView => ({
    version: ZK_VERSION,
    conns: [...conns],
    self,
    received: totals.received,
    sent: [...conns].reduce((n, c) => n + c.sent, totals.sent),
    latency: { min: totals.latCount ? totals.latMin : 0, avg: totals.latCount ? totals.latSum / totals.latCount : 0, max: totals.latMax },
    outstanding: [...conns].reduce((n, c) => n + c.queued, 0),
    zxid: db.lastZxid,
    nodeCount: db.tree.nodeCount,
    ephemerals: db.tree.ephemeralCount,
    sessions: sessions.size,
    watches: db.watches.count,
    watchPaths: db.watches.data.pathCount + db.watches.child.pathCount,
    watchingConns: [...conns].filter((c) => db.watches.data.pathsOf(c).length + db.watches.child.pathsOf(c).length > 0).length,
    dataSize: db.tree.approximateDataSize(),
    startedAt,
    lastFsyncMs: persistence.lastFsyncMs,
    snapshots: persistence.snapshotsTaken,
    conf: { clientPort: opts.port, dataDir: opts.dataDir, tickTime: opts.tickTime, minSessionTimeout: opts.minSessionTimeout, maxSessionTimeout: opts.maxSessionTimeout },
  });

  const onLatency = (ms: number) => {
    totals.latMin = Math.min(totals.latMin, ms);
    totals.latMax = Math.max(totals.latMax, ms);
    totals.latSum += ms;
    totals.latCount++;
  };

  const onSocket = (socket: Socket) => {
    socket.setNoDelay(true);
    const conn = new ClientConnection(socket, () => persistence.durableZxid, onLatency);
    conns.add(conn);
    socket.on('data', (chunk: Buffer) => {
      const t0 = performance.now();
      let frames: Buffer[];
      try {
        frames = conn.decoder.push(chunk);
      } catch (e) {
        if (e instanceof FrameError && conn.state === 'new' && conn.received === 0) {
          const word = Buffer.alloc(4);
          word.writeInt32BE(e.lengthWord);
          const answer = fourLetterWord(word.toString('latin1'), view(conn));
          if (answer !== undefined) {
            conn.state = 'closing';
            socket.end(answer);
            return;
          }
        }
        log.warn({ client: conn.remote, err: (e as Error).message }, 'closing connection: bad frame');
        return conn.destroy();
      }
      for (const frame of frames) {
        totals.received++;
        try {
          processor.onFrame(conn, frame, t0);
        } catch (err) {
          log.error({ err, client: conn.remote }, 'request failed unexpectedly; closing that connection');
          conn.destroy();
          return;
        }
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      totals.sent += conn.sent;
      conn.state = 'closed';
      conns.delete(conn);
      processor.onClose(conn);
    });
  };

  const server: Server = createServer(onSocket);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.ip, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  const timer = setInterval(() => processor.expireSessions(Date.now()), Math.max(10, Math.floor(opts.tickTime / 2)));

  return {
    host: opts.ip,
    port,
    url: `zk://${opts.ip}:${port}`,
    fatal,
    async close() {
      clearInterval(timer);
      await new Promise<void>((r) => {
        server.close(() => r());
        for (const c of conns) c.destroy();
      });
      await persistence.close();
    },
  };
}
