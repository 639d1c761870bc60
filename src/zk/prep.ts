/**
 * Validating a write against the current tree and deciding everything about it (upstream
 * `PrepRequestProcessor.pRequest2Txn`): final sequential path, new versions, stored ACL. The checks run
 * in upstream's order so the same bad request gets the same error code (e.g. a create under a missing
 * parent with a bad ACL is INVALIDACL, not NONODE). Pure: reads the tree, returns a Txn or throws.
 * @module
 */
import { checkAcl, fixupAcl } from './acl.js';
import { KeeperError } from './keeper-error.js';
import { isValidPath, parentOf, SPECIAL_PATHS, sequenceSuffix } from './path-rules.js';
import type { DataTree } from './tree.js';
import type { Txn } from './txn.js';
import type { CheckOp, CreateOp, DeleteOp, SetDataOp } from './wire/requests.js';
import { CONTAINER_OWNER, CreateFlags, Err, OpCode, Perms } from './wire/protocol.js';
import type { ACL, Id } from './wire/records.js';

export interface PrepContext {
  sessionId: bigint;
  authInfo: readonly Id[];
}

export type SetAclOp = { op: 'setACL'; type: number; path: string; acl: ACL[]; version: number };
export type WriteOp = CreateOp | DeleteOp | SetDataOp | CheckOp | SetAclOp;

/** Upstream's `checkAndIncVersion`: -1 matches any version. */
function nextVersion(current: number, expected: number, path: string): number {
  if (expected !== -1 && expected !== current) throw new KeeperError(Err.BADVERSION, path);
  return (current + 1) | 0;
}

function requireValid(path: string): void {
  if (!isValidPath(path)) throw new KeeperError(Err.BADARGUMENTS, path);
}

function prepCreate(tree: DataTree, ctx: PrepContext, req: CreateOp): Txn {
  const flags = req.flags;
  const known = Object.values(CreateFlags) as number[];
  if (!known.includes(flags)) throw new KeeperError(Err.BADARGUMENTS, req.path);
  if (req.type === OpCode.createTTL || flags === CreateFlags.PERSISTENT_WITH_TTL || flags === CreateFlags.PERSISTENT_SEQUENTIAL_WITH_TTL) {
    // Upstream refuses TTL nodes unless extended types are enabled, which they are not by default.
    throw new KeeperError(Err.UNIMPLEMENTED, req.path);
  }
  const container = flags === CreateFlags.CONTAINER || req.type === OpCode.createContainer;
  const ephemeral = flags === CreateFlags.EPHEMERAL || flags === CreateFlags.EPHEMERAL_SEQUENTIAL;
  const sequential = flags === CreateFlags.PERSISTENT_SEQUENTIAL || flags === CreateFlags.EPHEMERAL_SEQUENTIAL;
  let path = req.path;
  if (path.lastIndexOf('/') === -1 || path.includes('\0')) throw new KeeperError(Err.BADARGUMENTS, path);
  const acl = fixupAcl(path, ctx.authInfo, req.acl);
  const parentPath = parentOf(path);
  const parent = tree.get(parentPath);
  if (!parent) throw new KeeperError(Err.NONODE, path);
  checkAcl(parent.acl, Perms.CREATE, ctx.authInfo);
  if (sequential) path += sequenceSuffix(parent.seq);
  requireValid(path);
  if (tree.get(path)) throw new KeeperError(Err.NODEEXISTS, path);
  if (parent.stat.ephemeralOwner > 0n) throw new KeeperError(Err.NOCHILDRENFOREPHEMERALS, path);
  return {
    type: 'create',
    opcode: req.type === OpCode.createTTL ? OpCode.create2 : req.type,
    path,
    data: req.data ?? Buffer.alloc(0),
    acl,
    ephemeralOwner: container ? CONTAINER_OWNER : ephemeral ? ctx.sessionId : 0n,
    parentCVersion: (parent.stat.cversion + 1) | 0,
  };
}

function prepDelete(tree: DataTree, ctx: PrepContext, req: DeleteOp): Txn {
  const path = req.path;
  if (path.lastIndexOf('/') === -1 || path.includes('\0') || SPECIAL_PATHS.has(path)) throw new KeeperError(Err.BADARGUMENTS, path);
  const parent = tree.get(parentOf(path));
  if (!parent) throw new KeeperError(Err.NONODE, path);
  checkAcl(parent.acl, Perms.DELETE, ctx.authInfo);
  const node = tree.get(path);
  if (!node) throw new KeeperError(Err.NONODE, path);
  nextVersion(node.stat.version, req.version, path);
  if (node.children.size > 0) throw new KeeperError(Err.NOTEMPTY, path);
  if (req.type === OpCode.deleteContainer && node.stat.ephemeralOwner !== CONTAINER_OWNER) throw new KeeperError(Err.BADARGUMENTS, path);
  return { type: 'delete', opcode: req.type, path };
}

function prepSetData(tree: DataTree, ctx: PrepContext, req: SetDataOp): Txn {
  requireValid(req.path);
  const node = tree.get(req.path);
  if (!node) throw new KeeperError(Err.NONODE, req.path);
  checkAcl(node.acl, Perms.WRITE, ctx.authInfo);
  const version = nextVersion(node.stat.version, req.version, req.path);
  return { type: 'setData', path: req.path, data: req.data ?? Buffer.alloc(0), version };
}

function prepSetAcl(tree: DataTree, ctx: PrepContext, req: SetAclOp): Txn {
  requireValid(req.path);
  const acl = fixupAcl(req.path, ctx.authInfo, req.acl);
  const node = tree.get(req.path);
  if (!node) throw new KeeperError(Err.NONODE, req.path);
  checkAcl(node.acl, Perms.ADMIN, ctx.authInfo);
  const version = nextVersion(node.stat.aversion, req.version, req.path);
  return { type: 'setACL', path: req.path, acl, version };
}

function prepCheck(tree: DataTree, ctx: PrepContext, req: CheckOp): Txn {
  requireValid(req.path);
  const node = tree.get(req.path);
  if (!node) throw new KeeperError(Err.NONODE, req.path);
  checkAcl(node.acl, Perms.READ, ctx.authInfo);
  nextVersion(node.stat.version, req.version, req.path);
  return { type: 'check', path: req.path };
}

/** Decides a single write; throws KeeperError with the upstream code when it must fail. */
export function prepWrite(tree: DataTree, ctx: PrepContext, req: WriteOp): Txn {
  switch (req.op) {
    case 'create':
      return prepCreate(tree, ctx, req);
    case 'delete':
      return prepDelete(tree, ctx, req);
    case 'setData':
      return prepSetData(tree, ctx, req);
    case 'setACL':
      return prepSetAcl(tree, ctx, req);
    case 'check':
      return prepCheck(tree, ctx, req);
  }
}
