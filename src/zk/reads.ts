/**
 * Read operations (upstream `FinalRequestProcessor` read cases): exists, getData, getChildren(2),
 * getACL, sync, getAllChildrenNumber, getEphemerals. A read registers its watch only when it succeeds,
 * except `exists`, which watches a missing node for its creation. Reads never take a zxid; replies
 * carry the last applied one.
 * @module
 */
import { checkAcl } from './acl.js';
import { KeeperError } from './keeper-error.js';
import { clientStat, type DataTree } from './tree.js';
import type { WatchManager, Watcher } from './watches.js';
import { aclBody, type Body, childrenBody, dataBody, pathBody, statBody } from './wire/replies.js';
import type { Request } from './wire/requests.js';
import { Err, Perms } from './wire/protocol.js';
import type { Id } from './wire/records.js';

export type ReadRequest = Extract<Request, { op: 'exists' | 'getData' | 'getChildren' | 'getChildren2' | 'getACL' | 'sync' | 'getAllChildrenNumber' | 'getEphemerals' }>;

export interface ReadContext<W extends Watcher> {
  tree: DataTree;
  watches: WatchManager<W>;
  watcher: W;
  sessionId: bigint;
  authInfo: readonly Id[];
}

function node(tree: DataTree, path: string) {
  const n = tree.get(path);
  if (!n) throw new KeeperError(Err.NONODE, path);
  return n;
}

/** Answers a read; throws KeeperError for the error reply. */
export function read<W extends Watcher>(ctx: ReadContext<W>, req: ReadRequest): Body {
  const { tree } = ctx;
  switch (req.op) {
    case 'exists': {
      if (req.path.includes('\0')) throw new KeeperError(Err.BADARGUMENTS, req.path);
      const n = tree.get(req.path);
      if (req.watch) ctx.watches.data.add(req.path, ctx.watcher);
      if (!n) throw new KeeperError(Err.NONODE, req.path);
      return statBody(clientStat(n.stat));
    }
    case 'getData': {
      const n = node(tree, req.path);
      checkAcl(n.acl, Perms.READ, ctx.authInfo);
      if (req.watch) ctx.watches.data.add(req.path, ctx.watcher);
      return dataBody(n.data, clientStat(n.stat));
    }
    case 'getChildren':
    case 'getChildren2': {
      const n = node(tree, req.path);
      checkAcl(n.acl, Perms.READ, ctx.authInfo);
      if (req.watch) ctx.watches.child.add(req.path, ctx.watcher);
      const names = tree.childrenOf(n);
      return req.op === 'getChildren' ? childrenBody(names) : childrenBody(names, clientStat(n.stat));
    }
    case 'getACL': {
      const n = node(tree, req.path);
      checkAcl(n.acl, Perms.READ | Perms.ADMIN, ctx.authInfo);
      return aclBody(n.acl, clientStat(n.stat));
    }
    case 'sync':
      // Standalone: every read already sees every committed write, so sync is an echo.
      return pathBody(req.path);
    case 'getAllChildrenNumber': {
      const n = node(tree, req.path);
      checkAcl(n.acl, Perms.READ, ctx.authInfo);
      const count = tree.descendantCount(req.path);
      return (w) => void w.int(count);
    }
    case 'getEphemerals': {
      const prefix = req.path;
      const paths = tree.ephemeralsOf(ctx.sessionId).filter((p) => prefix === '/' || p.startsWith(prefix));
      return (w) => void w.vector(paths, (x, p) => void x.ustring(p));
    }
  }
}
