/**
 * Applying a transaction to the data tree (upstream `DataTree.processTxn`). Deterministic: the txn
 * carries every decided value (final path, new versions, parent cversion), so the live server and a
 * log replay produce the same tree. Returns the watch triggers it caused, in order, for the watch
 * manager (upstream `triggerWatch` calls inside createNode/deleteNode/setData).
 * @module
 */
import type { DataTree } from './tree.js';
import type { Txn, TxnHeader } from './txn.js';
import { parentOf } from './path-rules.js';
import { EventType } from './wire/protocol.js';

/** Which watch table a trigger fires: data/exists watches, child watches, or both (node deleted). */
export interface WatchTrigger {
  type: number;
  path: string;
  target: 'data' | 'child' | 'both';
}

export function applyTxn(tree: DataTree, hdr: TxnHeader, txn: Txn, out: WatchTrigger[] = []): WatchTrigger[] {
  switch (txn.type) {
    case 'create':
      tree.createNode(txn.path, txn.data, txn.acl, txn.ephemeralOwner, txn.parentCVersion, hdr.zxid, hdr.time);
      out.push({ type: EventType.NodeCreated, path: txn.path, target: 'data' });
      out.push({ type: EventType.NodeChildrenChanged, path: parentOf(txn.path), target: 'child' });
      break;
    case 'delete':
      deleteWithTriggers(tree, txn.path, hdr.zxid, out);
      break;
    case 'setData':
      tree.setData(txn.path, txn.data, txn.version, hdr.zxid, hdr.time);
      out.push({ type: EventType.NodeDataChanged, path: txn.path, target: 'data' });
      break;
    case 'setACL':
      tree.setAcl(txn.path, txn.acl, txn.version);
      break;
    case 'closeSession':
      // The session's ephemerals go with it, in a fixed order so a replay matches.
      for (const path of tree.ephemeralsOf(txn.sessionId).reverse()) {
        if (tree.get(path)) deleteWithTriggers(tree, path, hdr.zxid, out);
      }
      break;
    case 'multi':
      for (const sub of txn.txns) applyTxn(tree, hdr, sub, out);
      break;
    case 'createSession':
    case 'check':
    case 'error':
      break;
  }
  if (hdr.zxid > tree.lastZxid) tree.lastZxid = hdr.zxid;
  return out;
}

function deleteWithTriggers(tree: DataTree, path: string, zxid: number, out: WatchTrigger[]): void {
  tree.deleteNode(path, zxid);
  out.push({ type: EventType.NodeDeleted, path, target: 'both' });
  out.push({ type: EventType.NodeChildrenChanged, path: parentOf(path), target: 'child' });
}
