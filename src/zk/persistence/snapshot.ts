/**
 * Snapshots (upstream `FileSnap`): the whole tree and session table at one zxid, so recovery replays
 * only the log after it. Layout: magic, u32 crc32 of the body, body (jute: zxid, nodes parent-first,
 * sessions). Written to a temporary name, fsync'd, then renamed, so a crash never leaves a half
 * snapshot under a real name; a bad checksum makes recovery fall back to the previous one.
 * @module
 */
import { open, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { Session } from '../sessions.js';
import { DataTree, type ZNode } from '../tree.js';
import { JuteReader, MarshallingError } from '../wire/jute-reader.js';
import { JuteWriter } from '../wire/jute-writer.js';
import { readAcls, readStat, writeAcls, writeStat } from '../wire/records.js';
import { fsyncDir, hex16, SNAP_MAGIC } from './files.js';

export interface SnapshotSession {
  id: bigint;
  timeout: number;
  passwd: Buffer;
}

export interface SnapshotContent {
  zxid: number;
  tree: DataTree;
  sessions: SnapshotSession[];
}

export function encodeSnapshot(zxid: number, tree: DataTree, sessions: readonly Session[]): Buffer {
  const w = new JuteWriter(64 * 1024);
  w.long(zxid);
  const nodes = [...tree.walk()];
  w.int(nodes.length);
  for (const [path, node] of nodes) {
    w.ustring(path).buffer(node.data);
    writeAcls(w, node.acl);
    writeStat(w, node.stat);
    w.int(node.seq).int(node.maxChildren);
  }
  w.vector(sessions, (x, s) => x.long(s.id).int(s.timeout).buffer(s.passwd));
  const body = w.bytes();
  const head = Buffer.allocUnsafe(SNAP_MAGIC.length + 4);
  SNAP_MAGIC.copy(head);
  head.writeUInt32BE(crc32(body), SNAP_MAGIC.length);
  return Buffer.concat([head, body]);
}

/** Throws MarshallingError when the file is not a whole, uncorrupted snapshot. */
export function decodeSnapshot(buf: Buffer): SnapshotContent {
  const headLen = SNAP_MAGIC.length + 4;
  if (buf.length < headLen || !buf.subarray(0, SNAP_MAGIC.length).equals(SNAP_MAGIC)) throw new MarshallingError('not a snapshot file');
  const body = buf.subarray(headLen);
  if (crc32(body) !== buf.readUInt32BE(SNAP_MAGIC.length)) throw new MarshallingError('snapshot checksum mismatch');
  const r = new JuteReader(body);
  const zxid = r.long();
  const tree = new DataTree();
  tree.clear();
  const count = r.int();
  for (let i = 0; i < count; i++) {
    const path = r.path();
    const data = r.buffer() ?? Buffer.alloc(0);
    const acl = readAcls(r);
    const stat = readStat(r);
    const seq = r.int();
    const maxChildren = r.int();
    const node: ZNode = { data, acl, stat, children: new Set(), maxChildren, seq };
    tree.restoreNode(path, node);
  }
  tree.lastZxid = zxid;
  const sessions = r.vector((x) => ({ id: x.bigLong(), timeout: x.int(), passwd: x.buffer() ?? Buffer.alloc(0) })) ?? [];
  return { zxid, tree, sessions };
}

/** Writes `snapshot.<zxid>` durably: temp file, fsync, rename, fsync of the directory. */
export async function writeSnapshotFile(dir: string, zxid: number, bytes: Buffer): Promise<string> {
  const name = `snapshot.${hex16(zxid)}`;
  const tmp = join(dir, `${name}.tmp`);
  await writeFile(tmp, bytes);
  const fh = await open(tmp, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, join(dir, name));
  fsyncDir(dir);
  return name;
}
