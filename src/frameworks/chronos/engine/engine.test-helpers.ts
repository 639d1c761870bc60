/** A Chronos engine on a fake clock, an in-memory store and a recording driver, for unit tests. */
import { FakeClock, settle } from '../../../agent/health/fake-clock.js';
import { silentLogger } from '../../../lib/logger.js';
import type { TaskInfoV1, TaskStatusV1 } from '../../../protocol/v1/types.js';
import { MemoryStateStore } from '../../common/state-store.js';
import { parseChronosJob } from '../job-model/chronos-json.js';
import type { OfferV1 } from '../runs/offer-match.js';
import { ChronosStore } from '../store/chronos-store.js';
import type { DriverPort } from './engine.js';
import { type ChronosEngine, openEngine } from './open.js';

export interface Call {
  type: string;
  args: unknown[];
}

export class FakeDriver implements DriverPort {
  readonly calls: Call[] = [];
  private record(type: string, ...args: unknown[]): Promise<number> {
    this.calls.push({ type, args });
    return Promise.resolve(202);
  }
  accept(offerIds: string[], operations: unknown[], refuseSeconds?: number) {
    return this.record('ACCEPT', offerIds, operations, refuseSeconds);
  }
  decline(offerIds: string[], refuseSeconds?: number) {
    return this.record('DECLINE', offerIds, refuseSeconds);
  }
  revive() {
    return this.record('REVIVE');
  }
  suppress() {
    return this.record('SUPPRESS');
  }
  kill(taskId: string, agentId?: string) {
    return this.record('KILL', taskId, agentId);
  }
  acknowledge(status: TaskStatusV1) {
    return this.record('ACKNOWLEDGE', status.task_id.value);
  }
  /** Every task launched so far. */
  launched(): TaskInfoV1[] {
    return this.calls.filter((c) => c.type === 'ACCEPT').flatMap((c) => (c.args[1] as Array<{ launch: { task_infos: TaskInfoV1[] } }>).flatMap((o) => o.launch.task_infos));
  }
  killed(): string[] {
    return this.calls.filter((c) => c.type === 'KILL').map((c) => c.args[0] as string);
  }
}

let offerSeq = 0;
export function offer(cpus = 4, mem = 4096, extra: Partial<OfferV1> = {}): OfferV1 {
  return {
    id: { value: `o${++offerSeq}` },
    agent_id: { value: 'agent-1' },
    hostname: 'node1',
    url: { scheme: 'http', address: { hostname: 'node1', ip: '10.0.0.1', port: 5051 } },
    resources: [
      { name: 'cpus', type: 'SCALAR', scalar: { value: cpus } },
      { name: 'mem', type: 'SCALAR', scalar: { value: mem } },
      { name: 'disk', type: 'SCALAR', scalar: { value: 10_000 } },
    ],
    attributes: [{ name: 'rack', type: 'TEXT', text: { value: 'r1' } }],
    ...extra,
  };
}

export function status(taskId: string, state: TaskStatusV1['state'], extra: Partial<TaskStatusV1> = {}): TaskStatusV1 {
  return { task_id: { value: taskId }, state, agent_id: { value: 'agent-1' }, uuid: `u-${taskId}-${state}`, ...extra };
}

export class Harness {
  readonly clock: FakeClock;
  readonly store = new MemoryStateStore();
  readonly chronos: ChronosStore;
  driver = new FakeDriver();
  ce!: ChronosEngine;
  fatal: Error[] = [];

  constructor(start = Date.parse('2026-03-01T12:00:00Z'), clock?: FakeClock) {
    this.clock = clock ?? new FakeClock(start);
    this.chronos = new ChronosStore(this.store);
  }

  async open(failureRetryMs = 1000): Promise<this> {
    this.ce = await openEngine(this.chronos, this.driver, { failureRetryMs, role: '*', clock: this.clock, log: silentLogger, historyLimit: 100, onFatal: (e) => this.fatal.push(e) });
    this.ce.subscribed('fw-1');
    await this.clock.advance(0);
    await settle();
    return this;
  }

  /** A fresh engine over the same store, as a restarted or failed-over leader. */
  async reopen(): Promise<this> {
    this.ce.stop();
    this.driver = new FakeDriver();
    return this.open();
  }

  get engine() {
    return this.ce.engine;
  }

  job(body: Record<string, unknown>, endpoint: 'iso8601' | 'dependency' = 'iso8601') {
    return parseChronosJob(body, endpoint, new Date(this.clock.now())).job;
  }

  async advance(ms: number): Promise<void> {
    await this.clock.advance(ms);
    await settle();
  }

  async offers(...offers: OfferV1[]): Promise<void> {
    this.ce.offers(offers.length ? offers : [offer()]);
    await settle();
    await settle();
  }

  async update(s: TaskStatusV1): Promise<void> {
    this.ce.update(s);
    await settle();
    await settle();
  }

  /** Runs the newest launched task of `job` to `state`. */
  async finish(job: string, state: 'TASK_FINISHED' | 'TASK_FAILED' | 'TASK_KILLED', message?: string): Promise<string> {
    const t = this.driver.launched().filter((x) => x.name === `ChronosTask:${job}`).at(-1);
    if (!t) throw new Error(`no task launched for ${job}`);
    await this.update(status(t.task_id.value, 'TASK_RUNNING'));
    await this.update(status(t.task_id.value, state, message ? { message } : {}));
    return t.task_id.value;
  }

  runs(job: string) {
    return this.engine.model.runsOf(job);
  }
}
