/**
 * ZooKeeper wire constants (upstream `ZooDefs.OpCode`, `KeeperException.Code`, `Watcher.Event`,
 * `ZooDefs.Perms`, `CreateMode`). The numbers are the protocol: clients switch on them, so they are
 * copied as facts and never renumbered.
 * @module
 */

/** Request types (`RequestHeader.type`). */
export const OpCode = {
  notification: 0,
  create: 1,
  delete: 2,
  exists: 3,
  getData: 4,
  setData: 5,
  getACL: 6,
  setACL: 7,
  getChildren: 8,
  sync: 9,
  ping: 11,
  getChildren2: 12,
  check: 13,
  multi: 14,
  create2: 15,
  reconfig: 16,
  checkWatches: 17,
  removeWatches: 18,
  createContainer: 19,
  deleteContainer: 20,
  createTTL: 21,
  multiRead: 22,
  auth: 100,
  setWatches: 101,
  sasl: 102,
  getEphemerals: 103,
  getAllChildrenNumber: 104,
  setWatches2: 105,
  addWatch: 106,
  whoAmI: 107,
  createSession: -10,
  closeSession: -11,
  error: -1,
} as const;

/** Reserved request/reply xids: server pushes and housekeeping packets that match no client call. */
export const Xid = { notification: -1, ping: -2, auth: -4, setWatches: -8 } as const;

/** `KeeperException.Code` values carried in `ReplyHeader.err` and multi `ErrorResult`s. */
export const Err = {
  OK: 0,
  SYSTEMERROR: -1,
  RUNTIMEINCONSISTENCY: -2,
  DATAINCONSISTENCY: -3,
  CONNECTIONLOSS: -4,
  MARSHALLINGERROR: -5,
  UNIMPLEMENTED: -6,
  OPERATIONTIMEOUT: -7,
  BADARGUMENTS: -8,
  UNKNOWNSESSION: -12,
  NONODE: -101,
  NOAUTH: -102,
  BADVERSION: -103,
  NOCHILDRENFOREPHEMERALS: -108,
  NODEEXISTS: -110,
  NOTEMPTY: -111,
  SESSIONEXPIRED: -112,
  INVALIDACL: -114,
  AUTHFAILED: -115,
  SESSIONMOVED: -118,
  NOWATCHER: -121,
} as const;
export type ErrCode = (typeof Err)[keyof typeof Err];

/** `Watcher.Event.EventType`. */
export const EventType = {
  None: -1,
  NodeCreated: 1,
  NodeDeleted: 2,
  NodeDataChanged: 3,
  NodeChildrenChanged: 4,
} as const;

/** `Watcher.Event.KeeperState` values a server ever sends on the wire. */
export const KeeperState = { SyncConnected: 3 } as const;

/** `ZooDefs.Perms` bits. */
export const Perms = { READ: 1, WRITE: 2, CREATE: 4, DELETE: 8, ADMIN: 16, ALL: 31 } as const;

/**
 * `CreateMode` flag values as sent in `CreateRequest.flags`: bit 0 = ephemeral, bit 1 = sequential;
 * 4 = container, 5/6 = persistent (sequential) with TTL.
 */
export const CreateFlags = {
  PERSISTENT: 0,
  EPHEMERAL: 1,
  PERSISTENT_SEQUENTIAL: 2,
  EPHEMERAL_SEQUENTIAL: 3,
  CONTAINER: 4,
  PERSISTENT_WITH_TTL: 5,
  PERSISTENT_SEQUENTIAL_WITH_TTL: 6,
} as const;

/** `jute.maxbuffer` default (0xfffff): the largest frame a server accepts. */
export const MAX_BUFFER = 0xfffff;

/** Upstream `EphemeralType.CONTAINER_EPHEMERAL_OWNER`: the ephemeralOwner of container nodes. */
export const CONTAINER_OWNER = -(2n ** 63n);
