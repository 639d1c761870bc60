/**
 * Reliable, ordered status updates on the agent side (mesos-api.md §2.1 rule 6): per task, one update
 * in flight at a time; it is re-sent with backoff (upstream 10 s doubling to 10 min) until the
 * framework's ACKNOWLEDGE for its uuid arrives, then the next one goes.
 */
import type { TaskStatusV1 } from '../protocol/v1/types.js';

export interface PendingUpdate {
  frameworkId: string;
  status: TaskStatusV1;
}

export interface UpdateSender {
  /** Sends one update to the master; resolves true when the master accepted it (202). */
  (u: PendingUpdate): Promise<boolean>;
}

export class StatusUpdateManager {
  private readonly queues = new Map<string, PendingUpdate[]>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly send: UpdateSender,
    private readonly minRetryMs = 10_000,
    private readonly maxRetryMs = 600_000,
  ) {}

  private key(frameworkId: string, taskId: string): string {
    return `${frameworkId}/${taskId}`;
  }

  enqueue(u: PendingUpdate): void {
    const k = this.key(u.frameworkId, u.status.task_id.value);
    const q = this.queues.get(k) ?? [];
    q.push(u);
    this.queues.set(k, q);
    if (q.length === 1) this.flush(k, this.minRetryMs);
  }

  /** The framework acknowledged `uuid`: drop it and release the task's next update. */
  acknowledge(frameworkId: string, taskId: string, uuid: string): boolean {
    const k = this.key(frameworkId, taskId);
    const q = this.queues.get(k);
    if (!q?.length || q[0]!.status.uuid !== uuid) return false;
    q.shift();
    clearTimeout(this.timers.get(k));
    this.timers.delete(k);
    if (q.length === 0) this.queues.delete(k);
    else this.flush(k, this.minRetryMs);
    return true;
  }

  /** Re-sends every head-of-queue update now (after re-registering with a master). */
  resendAll(): void {
    for (const k of this.queues.keys()) this.flush(k, this.minRetryMs);
  }

  /** Unacknowledged updates, oldest first per task. */
  pending(): PendingUpdate[] {
    return [...this.queues.values()].flat();
  }

  /** Unacknowledged updates of one task, oldest first (for checkpointing). */
  pendingFor(frameworkId: string, taskId: string): PendingUpdate[] {
    return [...(this.queues.get(this.key(frameworkId, taskId)) ?? [])];
  }

  /** Forgets every update of a framework that was shut down (nobody will acknowledge them). */
  dropFramework(frameworkId: string): void {
    for (const k of [...this.queues.keys()]) {
      if (!k.startsWith(`${frameworkId}/`)) continue;
      clearTimeout(this.timers.get(k));
      this.timers.delete(k);
      this.queues.delete(k);
    }
  }

  private flush(k: string, delay: number): void {
    clearTimeout(this.timers.get(k));
    const head = this.queues.get(k)?.[0];
    if (!head) return;
    void this.send(head).catch(() => false);
    const t = setTimeout(() => this.flush(k, Math.min(delay * 2, this.maxRetryMs)), delay);
    t.unref();
    this.timers.set(k, t);
  }

  stop(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
