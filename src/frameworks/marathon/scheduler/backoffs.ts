/**
 * Launch backoff as the scheduler uses it: CORE `LaunchDelay` (launch/launch-delay.ts) per app,
 * with the answers the launcher and /v2/queue need. Failures that count (TASK_FAILED,
 * TASK_FINISHED, TASK_ERROR, kills for failed health checks, not a plain TASK_KILLED) are decided
 * by the tracker; a new config version resets the delay (deployments.ts).
 * @module
 */
import type { AppDefinition } from '../app-model/types.js';
import { LaunchDelay } from '../launch/launch-delay.js';

type BackoffFields = Pick<AppDefinition, 'id' | 'version' | 'backoffSeconds' | 'backoffFactor' | 'maxLaunchDelaySeconds'>;

export class Backoffs {
  private readonly delays: LaunchDelay;

  constructor(private readonly now: () => number) {
    this.delays = new LaunchDelay(now);
  }

  /** A task of `app` failed: the next launch waits. */
  failure(app: BackoffFields): void {
    this.delays.failure(app, this.now());
  }

  /** Milliseconds until `app` may launch again (0 = now). */
  msLeft(app: Pick<AppDefinition, 'id'>, now = this.now()): number {
    return this.delays.due(app.id, now);
  }

  /** Whether the app has a delay at all (DELETE /v2/queue/{id}/delay answers 404 otherwise). */
  has(appId: string): boolean {
    return this.delays.queueInfo(appId, this.now()) !== undefined;
  }

  reset(appId: string): void {
    this.delays.reset(appId);
  }

  /** `delay` of a /v2/queue entry. */
  queueDelay(app: Pick<AppDefinition, 'id'>): { timeLeftSeconds: number; overdue: boolean } {
    return this.delays.queueInfo(app.id, this.now()) ?? { timeLeftSeconds: 0, overdue: true };
  }
}
