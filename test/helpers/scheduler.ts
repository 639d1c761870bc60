/**
 * A minimal v1 HTTP scheduler for tests: subscribes, records every event, and sends calls with the
 * stream id. It speaks the wire protocol directly, like any third-party framework would.
 */
import { type RecordIOCall, openRecordIOCall, postJson } from '../../src/lib/recordio-call.js';
import { waitFor } from './wait.js';

export type Event = Record<string, any>;

export class TestScheduler {
  readonly events: Event[] = [];
  streamId?: string;
  frameworkId?: string;
  status?: number;
  errorBody?: string;
  private call?: RecordIOCall;

  constructor(
    readonly url: string,
    readonly info: Record<string, unknown> = { user: 'root', name: 'test-framework' },
    /** Acknowledge every update carrying a uuid as it arrives, as a well-behaved framework does. */
    readonly autoAck = true,
  ) {}

  private onEvent(e: Event): void {
    this.events.push(e);
    if (this.autoAck && e.type === 'UPDATE' && e.update.status.uuid) {
      e.acked = true;
      void this.ack(e.update.status).catch(() => {});
    }
  }

  /** Subscribes (or resubscribes with `frameworkId`) and waits for SUBSCRIBED or ERROR. */
  async subscribe(frameworkId?: string, extra: Record<string, unknown> = {}): Promise<Event> {
    const info = { ...this.info, ...(frameworkId ? { id: { value: frameworkId } } : {}) };
    const body = {
      type: 'SUBSCRIBE',
      ...(frameworkId ? { framework_id: { value: frameworkId } } : {}),
      subscribe: { framework_info: info, ...extra },
    };
    const start = this.events.length;
    this.call = openRecordIOCall(`${this.url}/api/v1/scheduler`, body, (e) => this.onEvent(e as Event), {}, (status, headers) => {
      if (status === 200) this.streamId = String(headers['mesos-stream-id']);
    });
    const r = await this.call.started;
    this.status = r.status;
    if (r.status !== 200) {
      this.errorBody = r.body;
      throw new Error(`SUBSCRIBE answered ${r.status}: ${r.body}`);
    }
    this.streamId = String(r.headers['mesos-stream-id']);
    const first = await this.waitFor((e) => e.type === 'SUBSCRIBED' || e.type === 'ERROR', 'SUBSCRIBED', start);
    if (first.type === 'SUBSCRIBED') this.frameworkId = first.subscribed.framework_id.value;
    return first;
  }

  /** Waits for an event (at index ≥ `from`) matching `pred`. */
  waitFor(pred: (e: Event) => boolean, what: string, from = 0, timeoutMs = 10_000): Promise<Event> {
    return waitFor(() => this.events.slice(from).find(pred), what, timeoutMs);
  }

  /** All UPDATE statuses for a task, in order. */
  updates(taskId: string): Event[] {
    return this.events.filter((e) => e.type === 'UPDATE' && e.update.status.task_id.value === taskId).map((e) => e.update.status);
  }

  waitForUpdate(taskId: string, state: string, timeoutMs = 10_000): Promise<Event> {
    return waitFor(() => this.updates(taskId).find((s) => s.state === state), `${taskId} ${state}`, timeoutMs);
  }

  async waitForOffers(from = 0, timeoutMs = 10_000): Promise<Event[]> {
    const e = await this.waitFor((x) => x.type === 'OFFERS', 'OFFERS', from, timeoutMs);
    return e.offers.offers;
  }

  async send(type: string, payload?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
    const key = type.toLowerCase();
    const body = { type, framework_id: { value: this.frameworkId }, ...(payload ? { [key]: payload } : {}) };
    return postJson(`${this.url}/api/v1/scheduler`, body, { 'Mesos-Stream-Id': this.streamId ?? '', ...headers });
  }

  /** Accepts `offer` launching `tasks` (TaskInfo JSON without agent_id, filled in here). */
  launch(offer: Event, tasks: Array<Record<string, unknown>>, filters?: Record<string, unknown>) {
    const task_infos = tasks.map((t) => ({ agent_id: offer.agent_id, ...t }));
    return this.send('ACCEPT', {
      offer_ids: [offer.id],
      operations: [{ type: 'LAUNCH', launch: { task_infos } }],
      ...(filters ? { filters } : {}),
    });
  }

  ack(status: Event) {
    return this.send('ACKNOWLEDGE', { agent_id: status.agent_id, task_id: status.task_id, uuid: status.uuid });
  }

  /** Acknowledges every update carrying a uuid that has not been acknowledged yet. */
  async ackAll(): Promise<void> {
    for (const e of this.events) {
      if (e.type === 'UPDATE' && e.update.status.uuid && !e.acked) {
        e.acked = true;
        await this.ack(e.update.status);
      }
    }
  }

  close(): void {
    this.call?.close();
  }
}

/** A command task of `cpus`/`mem` in TaskInfo JSON. */
export function commandTask(id: string, cpus: number, mem: number, extra: Record<string, unknown> = {}) {
  return {
    name: id,
    task_id: { value: id },
    command: { value: 'sleep 1000' },
    resources: [
      { name: 'cpus', type: 'SCALAR', scalar: { value: cpus } },
      { name: 'mem', type: 'SCALAR', scalar: { value: mem } },
    ],
    ...extra,
  };
}

/** Launches `task` on the next offer the scheduler receives, refusing nothing of what is left. */
export async function launchOne(s: TestScheduler, task: Record<string, unknown>) {
  const [offer] = await s.waitForOffers(s.events.length - 1);
  return s.launch(offer, [task], { refuse_seconds: 0 });
}
