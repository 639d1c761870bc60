/**
 * Startup recovery (upstream `FileTxnSnapLog.restore`): load the newest snapshot whose checksum holds,
 * then replay every logged transaction after it, in zxid order. The first torn or corrupt record ends
 * the log: the file is truncated there and any later log files are set aside (renamed `*.corrupt`),
 * because nothing after a hole can be applied. Only acknowledged writes matter, and those were fsync'd
 * whole before their reply, so they always precede any damage.
 * @module
 */
import { closeSync, ftruncateSync, fsyncSync, openSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { applyTxn } from '../apply.js';
import { DataTree } from '../tree.js';
import { decodeTxn, type Txn, type TxnHeader } from '../txn.js';
import { fsyncDir, listFiles, LOG_MAGIC } from './files.js';
import { decodeSnapshot, type SnapshotSession } from './snapshot.js';

export interface Recovered {
  tree: DataTree;
  /** Sessions alive at the end of the log. */
  sessions: Map<bigint, SnapshotSession>;
  lastZxid: number;
  snapshotZxid: number;
  txnsReplayed: number;
  /** Human-readable notes about what was cut or skipped, for the log. */
  warnings: string[];
}

/** Reads the records of one log file; stops at the first bad one and reports where. */
export function readLogRecords(buf: Buffer): { records: { hdr: TxnHeader; txn: Txn }[]; goodEnd: number; problem?: string } {
  const records: { hdr: TxnHeader; txn: Txn }[] = [];
  if (buf.length < LOG_MAGIC.length || !buf.subarray(0, LOG_MAGIC.length).equals(LOG_MAGIC)) {
    return { records, goodEnd: 0, problem: 'missing log header' };
  }
  let off = LOG_MAGIC.length;
  while (off < buf.length) {
    if (buf.length - off < 8) return { records, goodEnd: off, problem: `torn record header at ${off}` };
    const len = buf.readUInt32BE(off);
    const sum = buf.readUInt32BE(off + 4);
    if (len > buf.length - off - 8) return { records, goodEnd: off, problem: `torn record at ${off} (length ${len})` };
    const payload = buf.subarray(off + 8, off + 8 + len);
    if (crc32(payload) !== sum) return { records, goodEnd: off, problem: `checksum mismatch at ${off}` };
    try {
      records.push(decodeTxn(payload));
    } catch (e) {
      return { records, goodEnd: off, problem: `undecodable record at ${off}: ${(e as Error).message}` };
    }
    off += 8 + len;
  }
  return { records, goodEnd: off };
}

export function recover(dir: string): Recovered {
  const warnings: string[] = [];
  let tree = new DataTree();
  const sessions = new Map<bigint, SnapshotSession>();
  let snapshotZxid = 0;
  for (const snap of listFiles(dir, 'snapshot').reverse()) {
    try {
      const content = decodeSnapshot(readFileSync(join(dir, snap.name)));
      tree = content.tree;
      snapshotZxid = content.zxid;
      for (const s of content.sessions) sessions.set(s.id, s);
      break;
    } catch (e) {
      warnings.push(`skipping snapshot ${snap.name}: ${(e as Error).message}`);
    }
  }
  let lastZxid = snapshotZxid;
  let replayed = 0;
  const logs = listFiles(dir, 'log');
  for (let i = 0; i < logs.length; i++) {
    const file = join(dir, logs[i]!.name);
    const { records, goodEnd, problem } = readLogRecords(readFileSync(file));
    let cut = problem ? goodEnd : undefined;
    for (const [k, { hdr, txn }] of records.entries()) {
      if (hdr.zxid <= lastZxid) continue;
      if (hdr.zxid !== lastZxid + 1) {
        throw new Error(`transaction log gap in ${logs[i]!.name}: expected zxid 0x${(lastZxid + 1).toString(16)}, found 0x${hdr.zxid.toString(16)} (record ${k})`);
      }
      applyTxn(tree, hdr, txn);
      if (txn.type === 'createSession') sessions.set(txn.sessionId, { id: txn.sessionId, timeout: txn.timeout, passwd: txn.passwd });
      if (txn.type === 'closeSession') sessions.delete(txn.sessionId);
      lastZxid = hdr.zxid;
      replayed++;
    }
    if (cut !== undefined) {
      warnings.push(`${logs[i]!.name}: ${problem}; truncated to ${cut} bytes`);
      truncate(file, Math.max(cut, 0));
      for (const later of logs.slice(i + 1)) {
        renameSync(join(dir, later.name), join(dir, `${later.name}.corrupt`));
        warnings.push(`${later.name}: follows a damaged log, set aside as ${later.name}.corrupt`);
      }
      fsyncDir(dir);
      break;
    }
  }
  tree.lastZxid = lastZxid;
  return { tree, sessions, lastZxid, snapshotZxid, txnsReplayed: replayed, warnings };
}

function truncate(file: string, size: number): void {
  const fd = openSync(file, 'r+');
  try {
    ftruncateSync(fd, size);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
