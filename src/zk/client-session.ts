/**
 * One ZooKeeper client session for the HA code (contender, detector, registry), on
 * node-zookeeper-client, so it works against zookeeper-lite and a real ensemble alike.
 *
 * Why more than the bare client: upstream Mesos treats a session that stays disconnected past its
 * timeout as gone (`src/zookeeper/group.cpp`, the session-timeout timer) even before the server
 * says "expired", because by then the server may already have expired it and elected someone else.
 * node-zookeeper-client only notices a closed socket, never a silent one, so this class probes the
 * server every third of the negotiated timeout and emits `lost` once when (a) the server reports
 * the session expired, or (b) no reply has come back for longer than the timeout, counted from
 * the *sending* time of the last answered probe (the server heard us no earlier than that, so it
 * can not have expired us before we give up). After `lost` the session is useless: make a new one.
 * @module
 */
import { EventEmitter } from 'node:events';
import zookeeper from 'node-zookeeper-client';
import { guardZookeeperClient } from './guard-client.js';
import type { ZkUrl } from './zk-url.js';

guardZookeeperClient();

export type ZkWatcher = (event: zookeeper.Event) => void;

/** ZooKeeper could not be reached (or refused us) within the connect timeout. */
export class ZkUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZkUnavailableError';
  }
}

/** The numeric ZooKeeper error code of a failed call (node-zookeeper-client `Exception`), if any. */
export function zkCode(e: unknown): number | undefined {
  const code = (e as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' ? code : undefined;
}

export interface ZkSessionOptions {
  /** Requested session timeout; the server may negotiate another (see `timeoutMs`). */
  sessionTimeoutMs: number;
  /** How long `connect()` waits for the first connection (default: the session timeout). */
  connectTimeoutMs?: number;
}

export class ZkSession extends EventEmitter<{ lost: [reason: string] }> {
  readonly client: zookeeper.Client;
  /** Nodes we create: world-readable, and writable by us only when the URL carried credentials. */
  readonly acl: zookeeper.ACL[];
  private lastAlive = 0;
  private probing = false;
  private timers: NodeJS.Timeout[] = [];
  private gone = false;
  private closing?: Promise<void>;

  constructor(
    readonly url: ZkUrl,
    private readonly opts: ZkSessionOptions,
  ) {
    super();
    this.client = zookeeper.createClient(url.servers, { sessionTimeout: opts.sessionTimeoutMs, spinDelay: 100, retries: 0 });
    if (url.digest !== undefined) this.client.addAuthInfo('digest', Buffer.from(url.digest));
    // Upstream uses EVERYONE_READ_CREATOR_ALL with credentials and OPEN_ACL_UNSAFE without.
    this.acl = url.digest !== undefined
      ? [new zookeeper.ACL(zookeeper.Permission.READ, new zookeeper.Id('world', 'anyone')), new zookeeper.ACL(zookeeper.Permission.ALL, new zookeeper.Id('auth', ''))]
      : [new zookeeper.ACL(zookeeper.Permission.ALL, new zookeeper.Id('world', 'anyone'))];
  }

  /** The negotiated session timeout (the requested one until connected). */
  get timeoutMs(): number {
    return this.client.getSessionTimeout();
  }

  get lost(): boolean {
    return this.gone;
  }

  /** Connects and starts the liveness watch; rejects with ZkUnavailableError on timeout or bad auth. */
  connect(): Promise<void> {
    const wait = this.opts.connectTimeoutMs ?? this.opts.sessionTimeoutMs;
    return new Promise<void>((resolve, reject) => {
      const fail = (why: string) => {
        clearTimeout(timer);
        void this.close();
        reject(new ZkUnavailableError(why));
      };
      const timer = setTimeout(() => fail(`no ZooKeeper server of ${this.url.display} answered within ${wait} ms`), wait);
      this.client.once('authenticationFailed', () => fail(`ZooKeeper at ${this.url.display} refused the credentials`));
      this.client.once('connected', () => {
        clearTimeout(timer);
        this.watchLiveness();
        resolve();
      });
      this.client.connect();
    });
  }

  private watchLiveness(): void {
    this.lastAlive = Date.now();
    this.client.on('connected', () => (this.lastAlive = Date.now()));
    this.client.on('expired', () => this.lose('the ZooKeeper session expired'));
    const probeEvery = Math.max(20, Math.floor(this.timeoutMs / 3));
    const probe = setInterval(() => {
      if (this.probing || this.client.getState() !== zookeeper.State.SYNC_CONNECTED) return;
      this.probing = true;
      const sentAt = Date.now();
      this.client.exists('/', (err) => {
        this.probing = false;
        if (!err) this.lastAlive = Math.max(this.lastAlive, sentAt);
      });
    }, probeEvery);
    const check = setInterval(() => {
      const silent = Date.now() - this.lastAlive;
      if (silent > this.timeoutMs) this.lose(`no answer from ZooKeeper for ${silent} ms (session timeout ${this.timeoutMs} ms)`);
    }, Math.max(10, Math.floor(this.timeoutMs / 20)));
    probe.unref();
    check.unref();
    this.timers.push(probe, check);
  }

  private lose(reason: string): void {
    if (this.gone) return;
    this.gone = true;
    void this.close();
    this.emit('lost', reason);
  }

  /**
   * Ends the session (its ephemeral nodes go at once when the server is reachable). Idempotent;
   * resolves when the server closed the connection, or after a second at most.
   */
  close(): Promise<void> {
    for (const t of this.timers.splice(0)) clearInterval(t);
    this.gone = true;
    const state = this.client.getState();
    if (this.closing || state === zookeeper.State.EXPIRED) return this.closing ?? Promise.resolve();
    this.closing = new Promise<void>((resolve) => {
      const grace = setTimeout(() => {
        // A client still retrying a dead server would retry forever: drop its socket.
        const cm = (this.client as unknown as { connectionManager?: { socket?: { destroy(): void } } }).connectionManager;
        cm?.socket?.destroy();
        resolve();
      }, 1000);
      grace.unref();
      this.client.once('disconnected', () => {
        clearTimeout(grace);
        resolve();
      });
      this.client.close();
    });
    return this.closing;
  }

  /** Creates `path` and its parents as persistent nodes (existing ones are fine). */
  mkdirp(path: string): Promise<void> {
    if (path === '/') return Promise.resolve();
    return call<string>((cb) => this.client.mkdirp(path, this.acl, zookeeper.CreateMode.PERSISTENT, cb)).then(() => undefined);
  }

  create(path: string, data: Buffer, mode: number): Promise<string> {
    return call<string>((cb) => this.client.create(path, data, this.acl, mode, cb));
  }

  getChildren(path: string, watcher?: ZkWatcher): Promise<string[]> {
    return call<string[]>((cb) => (watcher ? this.client.getChildren(path, watcher, cb) : this.client.getChildren(path, cb)));
  }

  /** The node's data, or undefined when it does not exist. */
  async getData(path: string, watcher?: ZkWatcher): Promise<Buffer | undefined> {
    try {
      return await call<Buffer>((cb) => (watcher ? this.client.getData(path, watcher, cb) : this.client.getData(path, cb)));
    } catch (e) {
      if (zkCode(e) === zookeeper.Exception.NO_NODE) return undefined;
      throw e;
    }
  }

  /** Runs a multi (all or nothing). */
  commit(build: (t: zookeeper.Transaction) => void): Promise<void> {
    const t = this.client.transaction();
    build(t);
    return call<unknown>((cb) => t.commit(cb)).then(() => undefined);
  }
}

function call<T>(fn: (cb: (err: unknown, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value))));
}
