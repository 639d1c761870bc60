/**
 * The v1 scheduler driver Marathon- and Chronos-mode share (DESIGN.md "How data flows" 5): it keeps a
 * subscription to the leading master alive (follows 307s or a resolver, reconnects with backoff,
 * resubscribes with the same framework id), watches heartbeats (5 missed → reconnect, as clients
 * upstream do), reconciles after every (re)subscription, and acknowledges updates once handled.
 */
import { EventEmitter } from 'node:events';
import { type RecordIOCall, openRecordIOCall, postJson } from '../../lib/recordio-call.js';
import type { Logger } from '../../lib/logger.js';
import type { FrameworkInfoV1, TaskStatusV1 } from '../../protocol/v1/types.js';
import { Backoff } from './backoff.js';
import { type MasterResolver, redirectBase } from './leader-url.js';

export interface DriverOptions {
  framework: FrameworkInfoV1;
  master: MasterResolver;
  log: Logger;
  /** Tasks the framework believes exist, reconciled explicitly after each (re)subscription. */
  knownTasks?: () => Array<{ task_id: { value: string }; agent_id?: { value: string } }>;
  /** Acknowledge each update after the `update` listeners ran (default true). */
  autoAck?: boolean;
  backoff?: Backoff;
  /** Missed heartbeats before the stream counts as dead (default 5). */
  missedHeartbeats?: number;
}

/** Typed events: `subscribed`(frameworkId), `offers`(offers[]), `rescind`(offerId), `update`(status), `failure`, `message`, `error`(message), `disconnected`. */
export class SchedulerDriver extends EventEmitter {
  frameworkId?: string;
  private base?: string;
  private streamId?: string;
  private call?: RecordIOCall;
  private stopped = true;
  private watchdog?: NodeJS.Timeout;
  private heartbeatMs = 15_000;
  private retry?: NodeJS.Timeout;
  private readonly backoff: Backoff;

  constructor(private readonly opts: DriverOptions) {
    super();
    this.frameworkId = opts.framework.id?.value;
    this.backoff = opts.backoff ?? new Backoff();
  }

  get connected(): boolean {
    return this.streamId !== undefined;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retry);
    clearTimeout(this.watchdog);
    this.call?.close();
    this.streamId = undefined;
  }

  /** The leader changed (a detector said so): forget the old one and resubscribe to the new one. */
  leaderChanged(): void {
    this.base = undefined;
    if (this.call) this.call.close();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    try {
      this.base ??= await this.opts.master();
    } catch (err) {
      this.opts.log.warn({ err: (err as Error).message }, 'no master to subscribe to');
      return this.reconnectLater();
    }
    const info = { ...this.opts.framework, ...(this.frameworkId ? { id: { value: this.frameworkId } } : {}) };
    const body = { type: 'SUBSCRIBE', ...(this.frameworkId ? { framework_id: { value: this.frameworkId } } : {}), subscribe: { framework_info: info } };
    const url = `${this.base}/api/v1/scheduler`;
    if (this.stopped) return; // stop() ran while the leader was being resolved
    const call = openRecordIOCall(url, body, (e) => this.onEvent(e as Record<string, any>), {}, (status, headers) => {
      if (status === 200) this.streamId = String(headers['mesos-stream-id']);
    });
    this.call = call;
    void call.ended.then(() => {
      if (this.call !== call) return;
      const was = this.streamId !== undefined;
      this.streamId = undefined;
      clearTimeout(this.watchdog);
      if (was) this.emit('disconnected');
      this.reconnectLater();
    });
    try {
      const r = await call.started;
      if (r.status === 307 && r.headers.location) {
        this.base = redirectBase(String(r.headers.location), url);
        this.opts.log.info({ leader: this.base }, 'following the leading master');
      } else if (r.status !== 200) {
        this.opts.log.warn({ status: r.status, body: r.body }, 'SUBSCRIBE refused');
        if (r.status === 503) this.base = undefined;
      }
    } catch (err) {
      this.opts.log.warn({ err: (err as Error).message, master: this.base }, 'can not reach the master');
      this.base = undefined;
    }
  }

  private reconnectLater(): void {
    if (this.stopped) return;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.connect(), this.backoff.next());
    this.retry.unref();
  }

  /** Any event proves the stream alive; silence for `missedHeartbeats` intervals kills it. */
  private feedWatchdog(): void {
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => {
      this.opts.log.warn('no heartbeat from the master: reconnecting');
      this.call?.close();
    }, this.heartbeatMs * (this.opts.missedHeartbeats ?? 5));
    this.watchdog.unref();
  }

  private onEvent(e: Record<string, any>): void {
    this.feedWatchdog();
    switch (e.type) {
      case 'SUBSCRIBED':
        this.frameworkId = e.subscribed.framework_id.value;
        this.heartbeatMs = (e.subscribed.heartbeat_interval_seconds ?? 15) * 1000;
        this.backoff.reset();
        this.feedWatchdog();
        this.emit('subscribed', this.frameworkId);
        void this.reconcileAll();
        break;
      case 'OFFERS':
        this.emit('offers', e.offers.offers ?? []);
        break;
      case 'RESCIND':
        this.emit('rescind', e.rescind.offer_id.value);
        break;
      case 'UPDATE':
        this.emit('update', e.update.status);
        if ((this.opts.autoAck ?? true) && e.update.status.uuid) void this.acknowledge(e.update.status);
        break;
      case 'FAILURE':
        this.emit('failure', e.failure);
        break;
      case 'MESSAGE':
        this.emit('message', e.message);
        break;
      case 'ERROR':
        this.opts.log.error({ message: e.error.message }, 'the master sent ERROR');
        this.emit('error', e.error.message);
        // A removed framework can never come back with this id (mesos-api.md §7): do not loop.
        if (/has been removed/.test(e.error.message)) this.stop();
        break;
      default:
        break;
    }
  }

  private async reconcileAll(): Promise<void> {
    const known = this.opts.knownTasks?.() ?? [];
    if (known.length) await this.reconcile(known);
    await this.reconcile([]);
  }

  /** Sends a call on its own request; re-detects the leader when the master says it is not one. */
  async send(type: string, payload?: unknown): Promise<number> {
    if (!this.streamId || !this.base || !this.frameworkId) return 0;
    const body = { type, framework_id: { value: this.frameworkId }, ...(payload !== undefined ? { [type.toLowerCase()]: payload } : {}) };
    try {
      const r = await postJson(`${this.base}/api/v1/scheduler`, body, { 'Mesos-Stream-Id': this.streamId });
      if (r.status === 307 || r.status === 403 || r.status === 503) this.call?.close();
      if (r.status >= 400) this.opts.log.warn({ type, status: r.status, body: r.text }, 'call refused');
      return r.status;
    } catch {
      return 0;
    }
  }

  accept(offerIds: string[], operations: unknown[], refuseSeconds?: number): Promise<number> {
    return this.send('ACCEPT', { offer_ids: offerIds.map((value) => ({ value })), operations, ...(refuseSeconds !== undefined ? { filters: { refuse_seconds: refuseSeconds } } : {}) });
  }
  decline(offerIds: string[], refuseSeconds?: number): Promise<number> {
    return this.send('DECLINE', { offer_ids: offerIds.map((value) => ({ value })), ...(refuseSeconds !== undefined ? { filters: { refuse_seconds: refuseSeconds } } : {}) });
  }
  revive(roles: string[] = []): Promise<number> {
    return this.send('REVIVE', { roles });
  }
  suppress(roles: string[] = []): Promise<number> {
    return this.send('SUPPRESS', { roles });
  }
  kill(taskId: string, agentId?: string): Promise<number> {
    return this.send('KILL', { task_id: { value: taskId }, ...(agentId ? { agent_id: { value: agentId } } : {}) });
  }
  acknowledge(status: TaskStatusV1): Promise<number> {
    return this.send('ACKNOWLEDGE', { agent_id: status.agent_id, task_id: status.task_id, uuid: status.uuid });
  }
  reconcile(tasks: Array<{ task_id: { value: string }; agent_id?: { value: string } }>): Promise<number> {
    return this.send('RECONCILE', { tasks });
  }
  async teardown(): Promise<number> {
    const status = await this.send('TEARDOWN');
    this.stop();
    return status;
  }
}
