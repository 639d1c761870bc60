/**
 * The state machine behind every write (upstream `ZKDatabase` fed by `PrepRequestProcessor`): give
 * the write the next zxid, decide it against the tree (prep.ts), apply it (apply.ts), append it to the
 * log, and turn its watch triggers into deliveries. Failed writes still take a zxid and an error txn,
 * as upstream; a failed multi is rolled back and logged as a multi of error results.
 *
 * Everything here runs synchronously on the event loop, so writes are totally ordered without locks;
 * durability is asynchronous and the caller holds replies until `persistence.durableZxid` catches up.
 * @module
 */
import { applyTxn, type WatchTrigger } from './apply.js';
import { KeeperError } from './keeper-error.js';
import type { Persistence } from './persistence.js';
import { type PrepContext, prepWrite, type WriteOp } from './prep.js';
import { type Session, SessionTable } from './sessions.js';
import { clientStat, type DataTree } from './tree.js';
import type { Txn, TxnHeader } from './txn.js';
import { type Delivery, WatchManager, type Watcher } from './watches.js';
import type { MultiOp } from './wire/requests.js';
import type { OpResult } from './wire/replies.js';
import { Err, OpCode } from './wire/protocol.js';

export interface WriteOutcome<W extends Watcher> {
  zxid: number;
  /** ReplyHeader.err: 0 for a multi even when an op failed (the results say which). */
  err: number;
  /** Per-op results for a multi; a single result (path/stat) otherwise. */
  results: OpResult[];
  deliveries: Delivery<W>[];
}

export class ZkDatabase<W extends Watcher> {
  readonly watches = new WatchManager<W>();

  constructor(
    readonly tree: DataTree,
    readonly sessions: SessionTable,
    private readonly persistence: Persistence,
    private readonly clock: () => number = Date.now,
  ) {}

  get lastZxid(): number {
    return this.tree.lastZxid;
  }

  private commit(sessionId: bigint, cxid: number, decide: (hdr: TxnHeader, triggers: WatchTrigger[]) => Txn): { hdr: TxnHeader; triggers: WatchTrigger[] } {
    const hdr: TxnHeader = { sessionId, cxid, zxid: this.tree.lastZxid + 1, time: this.clock() };
    const triggers: WatchTrigger[] = [];
    const txn = decide(hdr, triggers);
    this.tree.lastZxid = hdr.zxid;
    this.persistence.append(hdr, txn);
    this.persistence.maybeSnapshot(hdr.zxid, this.tree, this.sessions.all());
    return { hdr, triggers };
  }

  /** A write (or multi) from a client; never throws KeeperError: failures become error results. */
  write(ctx: PrepContext, cxid: number, req: WriteOp | { op: 'multi'; ops: MultiOp[] }): WriteOutcome<W> {
    let err = 0;
    let results: OpResult[] = [];
    const { hdr, triggers } = this.commit(ctx.sessionId, cxid, (h, trig) => {
      if (req.op === 'multi') {
        const m = this.multi(ctx, h, req.ops, trig);
        results = m.results;
        return m.txn;
      }
      try {
        const txn = prepWrite(this.tree, ctx, req);
        applyTxn(this.tree, h, txn, trig);
        results = [this.resultOf(req.type, txn)];
        return txn;
      } catch (e) {
        if (!(e instanceof KeeperError)) throw e;
        err = e.code;
        return { type: 'error', err: e.code };
      }
    });
    return { zxid: hdr.zxid, err, results, deliveries: this.watches.fire(triggers) };
  }

  private multi(ctx: PrepContext, hdr: TxnHeader, ops: MultiOp[], triggers: WatchTrigger[]): { txn: Txn; results: OpResult[] } {
    const txns: Txn[] = [];
    const results: OpResult[] = [];
    const local: WatchTrigger[] = [];
    this.tree.beginJournal();
    for (const [i, op] of ops.entries()) {
      try {
        const txn = prepWrite(this.tree, ctx, op);
        applyTxn(this.tree, hdr, txn, local);
        txns.push(txn);
        // Upstream reports every create inside a multi as a plain create: type 1, path, no Stat.
        results.push(this.resultOf(op.op === 'create' ? OpCode.create : op.type, txn));
      } catch (e) {
        if (!(e instanceof KeeperError)) {
          this.tree.rollbackJournal();
          throw e;
        }
        this.tree.rollbackJournal();
        // Upstream's shape: ops before the failure report OK, the failure its code, later ones
        // RUNTIMEINCONSISTENCY; every one of them as an error result.
        const codes = ops.map((_, k) => (k < i ? Err.OK : k === i ? e.code : Err.RUNTIMEINCONSISTENCY));
        return {
          txn: { type: 'multi', txns: codes.map((c) => ({ type: 'error', err: c })) },
          results: codes.map((c) => ({ type: OpCode.error, err: c })),
        };
      }
    }
    this.tree.commitJournal();
    triggers.push(...local);
    return { txn: { type: 'multi', txns }, results };
  }

  private resultOf(type: number, txn: Txn): OpResult {
    switch (txn.type) {
      case 'create':
        return { type, err: 0, path: txn.path, stat: clientStat(this.tree.get(txn.path)!.stat) };
      case 'setData':
      case 'setACL':
        return { type, err: 0, stat: clientStat(this.tree.get(txn.path)!.stat) };
      default:
        return { type, err: 0 };
    }
  }

  createSession(timeout: number, passwd: Buffer): { session: Session; zxid: number } {
    const id = this.sessions.nextId();
    let session!: Session;
    const { hdr } = this.commit(id, 0, () => {
      session = this.sessions.add(id, timeout, passwd, this.clock());
      return { type: 'createSession', sessionId: id, timeout, passwd };
    });
    return { session, zxid: hdr.zxid };
  }

  /** Closes a session (client request or expiry): its ephemerals go, their watchers hear about it. */
  closeSession(id: bigint, cxid: number): { zxid: number; deliveries: Delivery<W>[] } {
    const { hdr, triggers } = this.commit(id, cxid, (h, trig) => {
      const txn: Txn = { type: 'closeSession', sessionId: id };
      applyTxn(this.tree, h, txn, trig);
      this.sessions.remove(id);
      return txn;
    });
    return { zxid: hdr.zxid, deliveries: this.watches.fire(triggers) };
  }
}
