/**
 * File naming and small fsync helpers for the data directory. Log and snapshot names carry the zxid in
 * 16 hex digits (`log.0000000000000001`, `snapshot.00000000000003e8`) so a plain sort orders them, as
 * upstream's `log.<zxid>` / `snapshot.<zxid>` names do.
 * @module
 */
import { closeSync, fsyncSync, openSync, readdirSync } from 'node:fs';

export const LOG_MAGIC = Buffer.from('ZKLLOG1\n');
export const SNAP_MAGIC = Buffer.from('ZKLSNP1\n');

export const hex16 = (zxid: number) => zxid.toString(16).padStart(16, '0');

export interface DataFile {
  name: string;
  zxid: number;
}

/** `log.*` or `snapshot.*` files in `dir`, ascending by zxid. */
export function listFiles(dir: string, prefix: 'log' | 'snapshot'): DataFile[] {
  const re = new RegExp(`^${prefix}\\.([0-9a-f]{16})$`);
  const out: DataFile[] = [];
  for (const name of readdirSync(dir)) {
    const m = re.exec(name);
    if (m) out.push({ name, zxid: Number.parseInt(m[1]!, 16) });
  }
  return out.sort((a, b) => a.zxid - b.zxid);
}

/** Makes a rename or create in `dir` durable (the directory entry itself must reach the disk). */
export function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
