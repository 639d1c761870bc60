/**
 * Session table (upstream `SessionTrackerImpl`). Ids carry the server id in the top byte and a
 * millisecond clock in the next 40 bits, then count up, as upstream does (a standalone 3.5+ server uses
 * server id 1, so ids look like 0x01xxxxxxxxxx0000). Each session has a 16-byte password the client
 * must present to resume it, and a deadline pushed back by every packet; a session past its deadline
 * is expired by the server with a closeSession transaction, which removes its ephemerals.
 * @module
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export interface Session {
  id: bigint;
  /** Negotiated timeout in ms. */
  timeout: number;
  passwd: Buffer;
  /** Wall-clock ms after which the session expires unless touched. */
  expiresAt: number;
  /** A closeSession is on its way; the session takes no more requests. */
  closing: boolean;
}

const MASK64 = (1n << 64n) - 1n;

export class SessionTable {
  private readonly sessions = new Map<bigint, Session>();
  private next: bigint;

  constructor(
    readonly serverId = 1n,
    now = Date.now(),
  ) {
    this.next = SessionTable.initialId(serverId, now);
  }

  /** Upstream's formula: (clock << 24) >>> 8, with the server id in the top byte. */
  static initialId(serverId: bigint, now: number): bigint {
    return (((BigInt(now) << 24n) & MASK64) >> 8n) | (serverId << 56n);
  }

  static newPassword(): Buffer {
    return randomBytes(16);
  }

  /** Clamps a client's requested timeout into [min, max] (upstream negotiation). */
  static negotiate(requested: number, min: number, max: number): number {
    return Math.min(Math.max(requested, min), max);
  }

  /** A fresh id, never below one already in the table (ids survive restarts in snapshots). */
  nextId(): bigint {
    const id = this.next;
    this.next += 1n;
    return id;
  }

  add(id: bigint, timeout: number, passwd: Buffer, now: number): Session {
    const s: Session = { id, timeout, passwd, expiresAt: now + timeout, closing: false };
    this.sessions.set(id, s);
    if (id >= this.next && id >> 56n === this.serverId) this.next = id + 1n;
    return s;
  }

  remove(id: bigint): void {
    this.sessions.delete(id);
  }

  get(id: bigint): Session | undefined {
    return this.sessions.get(id);
  }

  /** The session if `passwd` is its password, else undefined (a wrong password reads as expired). */
  check(id: bigint, passwd: Buffer): Session | undefined {
    const s = this.sessions.get(id);
    if (!s || s.closing || s.passwd.length !== passwd.length || !timingSafeEqual(s.passwd, passwd)) return undefined;
    return s;
  }

  touch(id: bigint, now: number): void {
    const s = this.sessions.get(id);
    if (s && !s.closing) s.expiresAt = now + s.timeout;
  }

  /** Sessions past their deadline that are not already closing. */
  expired(now: number): Session[] {
    return [...this.sessions.values()].filter((s) => !s.closing && s.expiresAt <= now);
  }

  /** After a restart every session gets a full timeout to reconnect (upstream does the same). */
  restartClocks(now: number): void {
    for (const s of this.sessions.values()) s.expiresAt = now + s.timeout;
  }

  all(): Session[] {
    return [...this.sessions.values()];
  }

  get size(): number {
    return this.sessions.size;
  }
}
