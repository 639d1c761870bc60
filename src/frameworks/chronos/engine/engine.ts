/**
 * The leader's scheduling engine: one DueQueue (schedule/) holds every timer — a job's next
 * occurrence (`s:<job>`), a retry's delay (`r:<runId>`), a run's maxCompletionTime (`c:<runId>`)
 * and Metronome's maxLaunchDelay (`l:<runId>`) — and every state change runs through one serial
 * queue, persisted before it is applied (store/chronos-store.ts). The pieces live beside it:
 * firing.ts (occurrences, dependencies, run ends), launching.ts (offers, status updates),
 * job-ops.ts (what the HTTP APIs ask for).
 * @module
 */
import type { Clock } from '../../../lib/clock.js';
import type { Logger } from '../../../lib/logger.js';
import type { TaskStatusV1 } from '../../../protocol/v1/types.js';
import { WaitingLog } from '../runs/waiting.js';
import { DueQueue } from '../schedule/index.js';
import type { ChronosStore, Op } from '../store/chronos-store.js';
import type { Model } from './model.js';

/** The part of the SchedulerDriver the engine uses (a fake in unit tests). */
export interface DriverPort {
  accept(offerIds: string[], operations: unknown[], refuseSeconds?: number): Promise<number>;
  decline(offerIds: string[], refuseSeconds?: number): Promise<number>;
  revive(roles?: string[]): Promise<number>;
  suppress(roles?: string[]): Promise<number>;
  kill(taskId: string, agentId?: string): Promise<number>;
  acknowledge(status: TaskStatusV1): Promise<number>;
}

export interface EngineOptions {
  failureRetryMs: number;
  role: string;
  clock: Clock;
  log: Logger;
}

export type TimerKind = 's' | 'r' | 'c' | 'l';

/** The engine of a leadership term that ended: the request should go to the new leader. */
export class EngineStoppedError extends Error {
  constructor() {
    super('this instance stopped leading; retry against the new leader');
    this.name = 'EngineStoppedError';
    Object.setPrototypeOf(this, EngineStoppedError.prototype);
  }
}
export type DueHandler = (kind: TimerKind, ids: string[]) => Promise<void>;

export class Engine {
  readonly due: DueQueue<string>;
  private chain: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private dueHandler?: DueHandler;
  /** Whether we told the master to stop sending offers (nothing to launch). */
  suppressed = false;
  /** Why queued runs have not launched yet (in memory only, diagnostic). */
  readonly waiting = new WaitingLog();

  constructor(
    readonly model: Model,
    readonly store: ChronosStore,
    readonly driver: DriverPort,
    readonly opts: EngineOptions,
  ) {
    this.due = new DueQueue<string>((batch) => this.onDue(batch.map((b) => b.key)), opts.clock);
  }

  get log(): Logger {
    return this.opts.log;
  }

  now(): number {
    return this.opts.clock.now();
  }

  onDueTimers(handler: DueHandler): void {
    this.dueHandler = handler;
  }

  /** Runs `fn` after every earlier state change finished; errors go to the caller. */
  serial<T>(fn: () => Promise<T> | T): Promise<T> {
    const run = this.chain.then(() => (this.stopped ? Promise.reject(new EngineStoppedError()) : fn()));
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Persists one state change, then applies it to memory. */
  async commit(ops: Op[], apply: () => void): Promise<void> {
    await this.store.commit(ops);
    apply();
  }

  timer(kind: TimerKind, id: string, at: number | undefined): void {
    if (this.stopped) return;
    const key = `${kind}:${id}`;
    if (at === undefined) this.due.delete(key);
    else this.due.set(key, at);
  }

  private onDue(keys: string[]): void {
    const groups = new Map<TimerKind, string[]>();
    for (const k of keys) {
      const kind = k.slice(0, 1) as TimerKind;
      groups.set(kind, [...(groups.get(kind) ?? []), k.slice(2)]);
    }
    for (const [kind, ids] of groups) {
      void this.serial(() => this.dueHandler?.(kind, ids)).catch((err: unknown) => this.log.error({ err: (err as Error).message, kind }, 'handling due timers failed'));
    }
  }

  /** Asks for offers again when something waits to launch (after a suppress or filters). */
  wantOffers(): void {
    if (this.stopped) return;
    this.suppressed = false;
    void this.driver.revive();
  }

  stop(): void {
    this.stopped = true;
    this.due.stop();
  }

  get running(): boolean {
    return !this.stopped;
  }
}
