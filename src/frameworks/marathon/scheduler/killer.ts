/**
 * Killing tasks: mark the instance as being killed (it no longer counts toward `instances`, so a
 * replacement may launch), persist that, and ask the master. Kills that got no terminal update are
 * asked again every 10 s (a kill sent while disconnected, or lost on the way). The kill policy's
 * grace period (`taskKillGracePeriodSeconds`) travels in the TaskInfo: the agent applies it.
 * @module
 */
import { instanceIdOf } from '../health/health-state.js';
import type { Instance } from './instance.js';
import type { MarathonScheduler } from './marathon-scheduler.js';

const RETRY_MS = 10_000;

export interface KillOptions {
  reason?: string;
  /** Forget the instance once gone, and do not replace it (DELETE …?wipe=true). */
  wipe?: boolean;
  /** Killed for failing health checks: reported, counted as a failure (backoff, lastTaskFailure). */
  unhealthy?: boolean;
  /** Counts as a failure (backoff, lastTaskFailure) without being a health kill. */
  failure?: boolean;
}

export class Killer {
  private readonly sentAt = new Map<string, number>();

  constructor(private readonly s: MarathonScheduler) {}

  kill(i: Instance, opts: KillOptions = {}): void {
    const s = this.s;
    const now = s.now();
    if (!i.killing) {
      i.killing = { at: new Date(now).toISOString(), ...(opts.reason ? { reason: opts.reason } : {}), ...(opts.wipe ? { wipe: true } : {}) };
      if (opts.unhealthy || opts.failure) Object.assign(i.killing, { failure: true });
      s.store.putInstance(i);
      s.health.untrack(i.taskId);
      if (opts.unhealthy) {
        s.bus.publish('unhealthy_instance_kill_event', {
          appId: i.appId,
          taskId: i.taskId,
          instanceId: instanceIdOf(i.taskId),
          version: i.version,
          reason: opts.reason ?? 'failed health checks',
          host: i.host,
          slaveId: i.agentId,
        });
      }
    }
    this.send(i, now);
    s.schedule();
  }

  private send(i: Instance, now: number): void {
    this.sentAt.set(i.taskId, now);
    if (this.s.driver?.connected) void this.s.driver.kill(i.taskId, i.agentId);
  }

  /** Asks again for kills that have gone unanswered. */
  retryStale(): void {
    const now = this.s.now();
    for (const i of this.s.store.instances.values()) {
      if (!i.killing) continue;
      const last = this.sentAt.get(i.taskId) ?? 0;
      if (now - last >= RETRY_MS) this.send(i, now);
    }
    for (const id of this.sentAt.keys()) if (!this.s.store.instances.has(id)) this.sentAt.delete(id);
  }

  stop(): void {
    this.sentAt.clear();
  }
}
