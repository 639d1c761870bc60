/**
 * The agent's connection to the master (mesos-api.md §4 "Registration with the master"): SUBSCRIBE
 * over a streaming call, re-subscribe with the same agent id after any break (random backoff in
 * [0, 1 s] doubling up to 1 min, as upstream), answer PINGs with PONG, and post UPDATEs.
 * With `--master=zk://…` the link follows a leader source (a ZooKeeper detector): each (re)connect,
 * including after a stream break or a standby's 307, asks it for the current leader, and a newly
 * detected leader is subscribed to at once, after upstream's random delay in [0, backoff factor].
 */
import { type RecordIOCall, openRecordIOCall, postJson } from '../lib/recordio-call.js';
import type { Logger } from '../lib/logger.js';
import { AGENT_API_PATH, type AgentCall, type AgentEvent } from '../protocol/agent-protocol.js';

type SubscribePayload = Extract<AgentCall, { type: 'SUBSCRIBE' }>['subscribe'];

export interface MasterLinkOptions {
  /** `http://host:port` of the master. */
  masterUrl: string;
  log: Logger;
  /** Builds the SUBSCRIBE payload at each (re)connect, so it carries the current tasks. */
  subscribePayload: () => SubscribePayload;
  onEvent: (event: AgentEvent) => void;
  /** Called after each successful (re)registration. */
  onSubscribed?: (agentId: string) => void;
  backoffFactorMs?: number;
  maxBackoffMs?: number;
}

/** Where the leading master is, for links that follow elections (`follow`). */
export interface MasterSource {
  /** The leader's `http://host:port`, waiting until one is known. */
  current(): Promise<string>;
  /** Registers `fn` to be called with the new leader's URL whenever it changes. */
  onChange(fn: (url: string) => void): void;
}

export class MasterLink {
  agentId?: string;
  /** The master URL in use (the detected leader's when following a source). */
  masterUrl: string;
  private source?: MasterSource;
  /** Bumped by every reconnect decision so a late leader lookup can not start a stale call. */
  private generation = 0;
  private streamId?: string;
  private call?: RecordIOCall;
  private stopped = false;
  private attempt = 0;
  private retryTimer?: NodeJS.Timeout;

  constructor(private readonly opts: MasterLinkOptions) {
    this.masterUrl = opts.masterUrl;
  }

  /** Follows `source` instead of the fixed `masterUrl` (call before `start`). */
  follow(source: MasterSource): void {
    this.source = source;
    source.onChange((url) => {
      if (this.stopped || (url === this.masterUrl && this.call)) return;
      // A new leader: drop any old stream quietly and subscribe soon (random [0, factor], as upstream).
      const old = this.call;
      this.generation++;
      this.call = undefined;
      this.streamId = undefined;
      old?.close();
      clearTimeout(this.retryTimer);
      this.attempt = 0;
      this.scheduleReconnect();
    });
  }

  get connected(): boolean {
    return this.streamId !== undefined;
  }

  start(): void {
    this.stopped = false;
    this.connect();
  }

  private connect(): void {
    if (this.stopped) return;
    const generation = ++this.generation;
    if (!this.source) return this.open();
    this.source.current().then(
      (url) => {
        if (this.stopped || generation !== this.generation) return;
        this.masterUrl = url;
        this.open();
      },
      (err: Error) => {
        this.opts.log.warn({ err: err.message }, 'can not detect the leading master');
        this.scheduleReconnect();
      },
    );
  }

  private open(): void {
    const payload = this.opts.subscribePayload();
    if (this.agentId) payload.agent_info = { ...payload.agent_info, id: { value: this.agentId } };
    // The stream id is taken as the response starts, before SUBSCRIBED is handled: re-sending
    // pending updates right after registration needs it.
    const call = openRecordIOCall(`${this.masterUrl}${AGENT_API_PATH}`, { type: 'SUBSCRIBE', subscribe: payload }, (rec) => this.onRecord(rec as AgentEvent), {}, (status, headers) => {
      if (status === 200) this.streamId = String(headers['mesos-stream-id'] ?? '');
    });
    this.call = call;
    call.started
      .then((r) => {
        if (r.status !== 200) this.opts.log.warn({ status: r.status, body: r.body }, 'master refused agent subscription');
      })
      .catch((err: Error) => this.opts.log.warn({ err: err.message }, 'can not reach the master'));
    void call.ended.then(() => {
      if (this.call !== call) return;
      this.streamId = undefined;
      this.scheduleReconnect();
    });
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    const factor = this.opts.backoffFactorMs ?? 1000;
    const cap = this.opts.maxBackoffMs ?? 60_000;
    const delay = Math.random() * Math.min(cap, factor * 2 ** this.attempt++);
    this.retryTimer = setTimeout(() => this.connect(), delay);
    this.retryTimer.unref();
  }

  private onRecord(event: AgentEvent): void {
    if (event.type === 'SUBSCRIBED') {
      this.agentId = event.subscribed.agent_id.value;
      this.attempt = 0;
      this.opts.onSubscribed?.(this.agentId);
    } else if (event.type === 'PING') {
      void this.post({ type: 'PONG', agent_id: { value: this.agentId ?? '' } });
    }
    this.opts.onEvent(event);
  }

  /** Posts a call on its own request; true when the master accepted it. */
  async post(call: AgentCall): Promise<boolean> {
    if (!this.streamId) return false;
    try {
      const r = await postJson(`${this.masterUrl}${AGENT_API_PATH}`, call, { 'Mesos-Stream-Id': this.streamId });
      return r.status === 202;
    } catch {
      return false;
    }
  }

  /** Drops the connection (a simulated network blip); the link reconnects on its own. */
  drop(): void {
    this.call?.close();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.call?.close();
  }
}
