/**
 * Durable state of zookeeper-lite (upstream `FileTxnSnapLog` + `SyncRequestProcessor`): a transaction
 * log fsync'd before any reply, snapshots every `snapshot_count` transactions, recovery = newest good
 * snapshot + log replay. Files live in `<data_dir>/zklite-1/` (our own format, not upstream's
 * `version-2/`), guarded by a `LOCK` file so two servers never share a directory.
 *
 * Retention: the three newest snapshots and the logs needed to replay from the oldest of them.
 * @module
 */
import { mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../lib/logger.js';
import { listFiles } from './persistence/files.js';
import { recover, type Recovered } from './persistence/recovery.js';
import { encodeSnapshot, writeSnapshotFile } from './persistence/snapshot.js';
import { TxnLog } from './persistence/txn-log.js';
import type { Session } from './sessions.js';
import type { DataTree } from './tree.js';
import { encodeTxn, type Txn, type TxnHeader } from './txn.js';

const KEEP_SNAPSHOTS = 3;

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(`data directory ${dir} is in use by process ${pid}`);
    this.name = 'DataDirLockedError';
    Object.setPrototypeOf(this, DataDirLockedError.prototype);
  }
}

function takeLock(dir: string): string {
  const lock = join(dir, 'LOCK');
  try {
    const pid = Number.parseInt(readFileSync(lock, 'utf8'), 10);
    if (pid > 0 && pid !== process.pid && alive(pid)) throw new DataDirLockedError(dir, pid);
  } catch (e) {
    if (e instanceof DataDirLockedError) throw e;
  }
  writeFileSync(lock, `${process.pid}\n`);
  return lock;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface PersistenceOptions {
  dataDir: string;
  snapshotCount: number;
  log: Logger;
  onDurable: (zxid: number) => void;
  onFatal: (err: Error) => void;
}

export class Persistence {
  private sinceSnapshot = 0;
  private snapshotting = false;
  snapshotsTaken = 0;

  private constructor(
    readonly dir: string,
    private readonly lock: string,
    private readonly txnLog: TxnLog,
    private readonly opts: PersistenceOptions,
  ) {}

  /** Locks the directory, recovers the state, and opens a fresh log after the last zxid. */
  static async open(opts: PersistenceOptions): Promise<{ persistence: Persistence; recovered: Recovered }> {
    const dir = join(opts.dataDir, 'zklite-1');
    mkdirSync(dir, { recursive: true });
    const lock = takeLock(dir);
    const recovered = recover(dir);
    for (const w of recovered.warnings) opts.log.warn(w);
    const txnLog = new TxnLog(dir, recovered.lastZxid + 1, opts.onDurable, opts.onFatal);
    await txnLog.open(recovered.lastZxid + 1);
    const p = new Persistence(dir, lock, txnLog, opts);
    p.sinceSnapshot = recovered.txnsReplayed;
    return { persistence: p, recovered };
  }

  append(hdr: TxnHeader, txn: Txn): void {
    this.txnLog.append(hdr.zxid, encodeTxn(hdr, txn));
    this.sinceSnapshot++;
  }

  get durableZxid(): number {
    return this.txnLog.durableZxid;
  }

  get lastFsyncMs(): number {
    return this.txnLog.lastFsyncMs;
  }

  /** Takes a snapshot when enough transactions accumulated; the tree must be at `zxid` right now. */
  maybeSnapshot(zxid: number, tree: DataTree, sessions: readonly Session[]): void {
    if (this.sinceSnapshot < this.opts.snapshotCount || this.snapshotting) return;
    this.sinceSnapshot = 0;
    this.snapshotting = true;
    const bytes = encodeSnapshot(zxid, tree, sessions);
    this.txnLog.roll(zxid + 1);
    writeSnapshotFile(this.dir, zxid, bytes)
      .then((name) => {
        this.snapshotsTaken++;
        this.opts.log.info({ snapshot: name, bytes: bytes.length }, 'snapshot written');
        this.purge();
      })
      .catch((e: Error) => this.opts.log.error({ err: e }, 'snapshot failed; the log still holds every transaction'))
      .finally(() => (this.snapshotting = false));
  }

  private purge(): void {
    const snaps = listFiles(this.dir, 'snapshot');
    if (snaps.length <= KEEP_SNAPSHOTS) return;
    const keep = snaps.slice(-KEEP_SNAPSHOTS);
    const oldest = keep[0]!.zxid;
    for (const s of snaps.slice(0, -KEEP_SNAPSHOTS)) rmSync(join(this.dir, s.name), { force: true });
    const logs = listFiles(this.dir, 'log');
    for (let i = 0; i + 1 < logs.length; i++) {
      // A log is needed while it may hold a zxid above the oldest kept snapshot.
      if (logs[i + 1]!.zxid <= oldest + 1) rmSync(join(this.dir, logs[i]!.name), { force: true });
    }
  }

  async close(): Promise<void> {
    await this.txnLog.close();
    while (this.snapshotting) await new Promise((r) => setTimeout(r, 5));
    try {
      unlinkSync(this.lock);
    } catch {
      /* already gone */
    }
  }
}
