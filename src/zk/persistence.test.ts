/** Durability: what the log and snapshots hold, and how recovery treats a damaged tail. */
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../lib/logger.js';
import { ZkDatabase } from './database.js';
import { Persistence } from './persistence.js';
import { listFiles } from './persistence/files.js';
import { readLogRecords, recover } from './persistence/recovery.js';
import { SessionTable } from './sessions.js';
import type { DataTree } from './tree.js';
import type { Watcher } from './watches.js';
import { CreateFlags, OpCode } from './wire/protocol.js';

const OPEN = [{ perms: 31, id: { scheme: 'world', id: 'anyone' } }];

async function open(dataDir: string, snapshotCount = 1000) {
  let durable = 0;
  const { persistence, recovered } = await Persistence.open({ dataDir, snapshotCount, log: silentLogger, onDurable: (z) => (durable = z), onFatal: (e) => { throw e; } });
  const sessions = new SessionTable();
  for (const s of recovered.sessions.values()) sessions.add(s.id, s.timeout, s.passwd, Date.now());
  const db = new ZkDatabase<Watcher>(recovered.tree, sessions, persistence);
  return { db, persistence, recovered, durable: () => durable };
}

async function settle(p: Persistence, zxid: number) {
  const deadline = Date.now() + 5000;
  while (p.durableZxid < zxid) {
    if (Date.now() > deadline) throw new Error('log never became durable');
    await new Promise((r) => setImmediate(r));
  }
}

function fingerprint(tree: DataTree): string {
  return JSON.stringify([...tree.walk()].map(([p, n]) => [p, n.data.toString('hex'), n.stat, [...n.children].sort()]), (_, v) => (typeof v === 'bigint' ? v.toString() : v));
}

async function writeSome(db: ZkDatabase<Watcher>, n: number, sessionId: bigint) {
  const ctx = { sessionId, authInfo: [] };
  db.write(ctx, 0, { op: 'create', type: OpCode.create, path: '/jobs', data: null, acl: OPEN, flags: 0 });
  for (let i = 0; i < n; i++) {
    db.write(ctx, i, { op: 'create', type: OpCode.create, path: '/jobs/j-', data: Buffer.from(`job ${i}`), acl: OPEN, flags: CreateFlags.PERSISTENT_SEQUENTIAL });
  }
  db.write(ctx, n, { op: 'setData', type: OpCode.setData, path: '/jobs', data: Buffer.from('done'), version: -1 });
}

const tmp = () => mkdtempSync(join(tmpdir(), 'zklite-persist-'));
const logDir = (d: string) => join(d, 'zklite-1');

describe('persistence', () => {
  it('replays the log into the same tree, sessions and zxid', async () => {
    const dir = tmp();
    const a = await open(dir);
    const { session } = a.db.createSession(10_000, Buffer.alloc(16, 3));
    await writeSome(a.db, 20, session.id);
    a.db.write({ sessionId: session.id, authInfo: [] }, 99, { op: 'create', type: OpCode.create, path: '/eph', data: null, acl: OPEN, flags: CreateFlags.EPHEMERAL });
    await settle(a.persistence, a.db.lastZxid);
    expect(a.durable()).toBe(a.db.lastZxid);
    const before = fingerprint(a.db.tree);
    await a.persistence.close();
    const b = await open(dir);
    expect(fingerprint(b.db.tree)).toBe(before);
    expect(b.db.lastZxid).toBe(a.db.lastZxid);
    expect(b.recovered.sessions.get(session.id)?.passwd).toEqual(Buffer.alloc(16, 3));
    expect(b.db.tree.ephemeralsOf(session.id)).toEqual(['/eph']);
    await b.persistence.close();
  });

  it('cuts a torn record at the tail and keeps everything before it', async () => {
    const dir = tmp();
    const a = await open(dir);
    await writeSome(a.db, 5, 1n);
    await settle(a.persistence, a.db.lastZxid);
    const zxid = a.db.lastZxid;
    await a.persistence.close();
    const log = join(logDir(dir), listFiles(logDir(dir), 'log').at(-1)!.name);
    const goodSize = statSync(log).size;
    appendFileSync(log, Buffer.from([0, 0, 0, 40, 1, 2, 3, 4, 9, 9])); // a header promising 40 bytes, then 2
    const r = recover(logDir(dir));
    expect(r.lastZxid).toBe(zxid);
    expect(r.warnings.join()).toMatch(/torn record/);
    expect(statSync(log).size).toBe(goodSize);
    expect(recover(logDir(dir)).warnings).toEqual([]);
  });

  it('stops at a corrupt record, truncates there, and sets later logs aside', async () => {
    const dir = tmp();
    const a = await open(dir);
    await writeSome(a.db, 10, 1n);
    await settle(a.persistence, a.db.lastZxid);
    await a.persistence.close();
    // A second run appends to a new log file.
    const b = await open(dir);
    await writeSome(b.db, 1, 1n).catch(() => undefined);
    b.db.write({ sessionId: 1n, authInfo: [] }, 1, { op: 'create', type: OpCode.create, path: '/later', data: null, acl: OPEN, flags: 0 });
    await settle(b.persistence, b.db.lastZxid);
    await b.persistence.close();
    const logs = listFiles(logDir(dir), 'log');
    expect(logs.length).toBe(2);
    const first = join(logDir(dir), logs[0]!.name);
    const bytes = readFileSync(first);
    const { records } = readLogRecords(bytes);
    expect(records.length).toBe(12);
    // Flip one byte inside the sixth record's payload.
    let off = 8;
    for (let i = 0; i < 5; i++) off += 8 + bytes.readUInt32BE(off);
    bytes[off + 12]! ^= 0xff;
    writeFileSync(first, bytes);
    const r = recover(logDir(dir));
    expect(r.lastZxid).toBe(5);
    expect(r.tree.get('/later')).toBeUndefined();
    expect(r.warnings.join('\n')).toMatch(/checksum mismatch[\s\S]*set aside/);
    expect(readdirSync(logDir(dir)).filter((f) => f.endsWith('.corrupt'))).toHaveLength(1);
    expect(statSync(first).size).toBe(off);
  });

  it('takes snapshots every snapshot_count txns, purges old files, and falls back past a bad snapshot', async () => {
    const dir = tmp();
    const a = await open(dir, 10);
    await writeSome(a.db, 0, 1n);
    for (let round = 1; round <= 6; round++) {
      for (let i = 0; i < 11; i++) {
        a.db.write({ sessionId: 1n, authInfo: [] }, i, { op: 'create', type: OpCode.create, path: '/jobs/j-', data: Buffer.from(`r${round}`), acl: OPEN, flags: CreateFlags.PERSISTENT_SEQUENTIAL });
      }
      await settle(a.persistence, a.db.lastZxid);
      const deadline = Date.now() + 5000;
      while (a.persistence.snapshotsTaken < round && Date.now() < deadline) await new Promise((r) => setImmediate(r));
      expect(a.persistence.snapshotsTaken).toBe(round);
    }
    const before = fingerprint(a.db.tree);
    await a.persistence.close();
    const snaps = listFiles(logDir(dir), 'snapshot');
    expect(snaps.length).toBe(3);
    expect(listFiles(logDir(dir), 'log').length).toBeLessThan(8);
    const r = recover(logDir(dir));
    expect(fingerprint(r.tree)).toBe(before);
    expect(r.snapshotZxid).toBe(snaps.at(-1)!.zxid);
    truncateSync(join(logDir(dir), snaps.at(-1)!.name), 100);
    const fallback = recover(logDir(dir));
    expect(fallback.warnings.join()).toMatch(/skipping snapshot/);
    expect(fallback.snapshotZxid).toBe(snaps.at(-2)!.zxid);
    expect(fingerprint(fallback.tree)).toBe(before);
  });

  it('refuses a data directory another live process holds', async () => {
    const dir = tmp();
    const a = await open(dir);
    writeFileSync(join(logDir(dir), 'LOCK'), `${process.ppid}\n`);
    await expect(open(dir)).rejects.toThrow(/in use by process/);
    await a.persistence.close();
  });
});
