/**
 * Launch backoff per app (upstream `RateLimiter`, docs/backoff.md, marathon-chronos-api.md §3.4):
 * the first failure delays the next launch by `backoffSeconds`, each further one multiplies the delay
 * by `backoffFactor`, capped at `maxLaunchDelaySeconds`. A new app version, an explicit reset
 * (DELETE /v2/queue/{id}/delay) or a quiet spell of delay + maxLaunchDelay starts over.
 */
import type { AppDefinition } from '../app-model/types.js';

type BackoffFields = Pick<AppDefinition, 'id' | 'version' | 'backoffSeconds' | 'backoffFactor' | 'maxLaunchDelaySeconds'>;

interface Delay {
  version: string;
  /** The delay applied by the last failure, ms. */
  delayMs: number;
  /** No launch before this time (epoch ms). */
  until: number;
  maxMs: number;
}

export class LaunchDelay {
  private readonly delays = new Map<string, Delay>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A task of `app` failed: pushes its next launch out; returns the delay applied (ms). */
  failure(app: BackoffFields, at = this.now()): number {
    const maxMs = app.maxLaunchDelaySeconds * 1000;
    const prev = this.current(app.id, at);
    const delayMs = prev && prev.version === app.version ? Math.min(prev.delayMs * app.backoffFactor, maxMs) : Math.min(app.backoffSeconds * 1000, maxMs);
    this.delays.set(app.id, { version: app.version, delayMs, until: at + delayMs, maxMs });
    return delayMs;
  }

  /** Forgets the delay (new version, or DELETE /v2/queue/{id}/delay); true when there was one. */
  reset(appId: string): boolean {
    return this.delays.delete(appId);
  }

  /** Milliseconds until `appId` may launch again (0 = now). */
  due(appId: string, now = this.now()): number {
    const d = this.current(appId, now);
    return d ? Math.max(0, d.until - now) : 0;
  }

  /** A delay exists and has run out (`/v2/queue` shows `overdue: true`). */
  overdue(appId: string, now = this.now()): boolean {
    const d = this.current(appId, now);
    return d !== undefined && now >= d.until;
  }

  /** The `/v2/queue` `delay` object, or undefined when the app has no delay. */
  queueInfo(appId: string, now = this.now()): { timeLeftSeconds: number; overdue: boolean } | undefined {
    const d = this.current(appId, now);
    if (!d) return undefined;
    return { timeLeftSeconds: Math.max(0, Math.ceil((d.until - now) / 1000)), overdue: now >= d.until };
  }

  /** The live delay, dropping it after a quiet spell of delay + maxLaunchDelay. */
  private current(appId: string, now: number): Delay | undefined {
    const d = this.delays.get(appId);
    if (d && now > d.until + d.maxMs) {
      this.delays.delete(appId);
      return undefined;
    }
    return d;
  }
}
