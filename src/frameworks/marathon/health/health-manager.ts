/**
 * Health of running tasks (upstream `MarathonHealthCheckManager`): Marathon-level checks (HTTP,
 * HTTPS, TCP) are probed from here on a timer per task and check; Mesos-level checks (COMMAND,
 * MESOS_HTTP/HTTPS/TCP) run on the agent and arrive as TaskStatus.healthy. A task failing
 * `maxConsecutiveFailures` Marathon-level probes in a row (outside its grace period) is killed
 * with the reason kept for lastTaskFailure; the agent kills for Mesos-level ones itself.
 * @module
 */
import type { Logger } from '../../../lib/logger.js';
import type { AppDefinition, HealthCheck } from '../app-model/types.js';
import type { EventBus } from '../event-bus.js';
import type { Instance } from '../scheduler/instance.js';
import { type HealthResult, inGrace, initialResult, instanceIdOf, overallHealth, recordFailure, recordSuccess, shouldKill } from './health-state.js';
import { probeHttp, probeTcp, type ProbeOutcome } from './probes.js';

export const MARATHON_LEVEL = new Set(['HTTP', 'HTTPS', 'TCP']);

export interface HealthDeps {
  bus: EventBus;
  log: Logger;
  now: () => number;
  appFor: (i: Instance) => AppDefinition | undefined;
  instance: (taskId: string) => Instance | undefined;
  /** Kill because of failed health checks (the task is replaced; backoff applies). */
  killUnhealthy: (i: Instance, reason: string) => void;
  /** Something about health changed (deployments may progress). */
  changed: () => void;
}

interface Tracked {
  results: Array<HealthResult | undefined>;
  timers: Array<NodeJS.Timeout | undefined>;
  healthy?: boolean;
}

export class HealthManager {
  private readonly tracked = new Map<string, Tracked>();
  private stopped = false;

  constructor(private readonly d: HealthDeps) {}

  /** Starts probing a task that turned RUNNING (idempotent). */
  track(i: Instance): void {
    if (this.stopped || this.tracked.has(i.taskId)) return;
    const app = this.d.appFor(i);
    if (!app || app.healthChecks.length === 0) return;
    const t: Tracked = { results: app.healthChecks.map(() => undefined), timers: [] };
    this.tracked.set(i.taskId, t);
    app.healthChecks.forEach((hc, index) => {
      if (MARATHON_LEVEL.has(hc.protocol)) this.schedule(i.taskId, index, hc, 0);
    });
  }

  /** The task is gone or being killed: stop probing and forget its results. */
  untrack(taskId: string): void {
    const t = this.tracked.get(taskId);
    if (!t) return;
    for (const timer of t.timers) clearTimeout(timer);
    this.tracked.delete(taskId);
  }

  stop(): void {
    this.stopped = true;
    for (const id of [...this.tracked.keys()]) this.untrack(id);
  }

  /** healthCheckResults of a task (entries with a result only). */
  results(taskId: string): HealthResult[] {
    return (this.tracked.get(taskId)?.results ?? []).filter((r): r is HealthResult => r !== undefined);
  }

  /** true = every check passes, false = some check fails, undefined = no verdict (or no checks). */
  healthOf(taskId: string): boolean | undefined {
    return this.tracked.get(taskId)?.healthy;
  }

  /** A TaskStatus with `healthy` for a task with a Mesos-level check. */
  onMesosHealth(i: Instance, healthy: boolean, message?: string): void {
    const app = this.d.appFor(i);
    const index = app?.healthChecks.findIndex((hc) => !MARATHON_LEVEL.has(hc.protocol)) ?? -1;
    if (!app || index < 0) return;
    if (!this.tracked.has(i.taskId)) this.track(i);
    const t = this.tracked.get(i.taskId);
    if (!t) return;
    const prev = t.results[index] ?? initialResult(i.taskId, instanceIdOf(i.taskId));
    const next = healthy ? recordSuccess(prev, this.d.now()) : recordFailure(prev, this.d.now(), message ?? 'Mesos health check failed', true);
    this.apply(i, app, app.healthChecks[index]!, index, prev, next);
  }

  private schedule(taskId: string, index: number, hc: HealthCheck, delayMs: number): void {
    const t = this.tracked.get(taskId);
    if (!t) return;
    t.timers[index] = setTimeout(() => void this.probe(taskId, index, hc), delayMs);
    t.timers[index]!.unref();
  }

  private async probe(taskId: string, index: number, hc: HealthCheck): Promise<void> {
    const i = this.d.instance(taskId);
    const t = this.tracked.get(taskId);
    if (!i || !t || i.killing || this.stopped) return this.untrack(taskId);
    const app = this.d.appFor(i);
    if (!app) return this.untrack(taskId);
    const port = hc.port ?? i.hostPorts[hc.portIndex ?? 0];
    const timeoutMs = hc.timeoutSeconds * 1000;
    const outcome: ProbeOutcome =
      port === undefined
        ? { kind: 'fail', cause: `the task has no port with index ${hc.portIndex ?? 0}` }
        : hc.protocol === 'TCP'
          ? await probeTcp(i.host, port, timeoutMs)
          : await probeHttp({ protocol: hc.protocol === 'HTTPS' ? 'HTTPS' : 'HTTP', host: i.host, port, path: hc.path ?? '/', timeoutMs, ignoreHttp1xx: hc.ignoreHttp1xx });
    if (!this.tracked.has(taskId) || this.d.instance(taskId)?.killing) return;
    const prev = t.results[index] ?? initialResult(taskId, instanceIdOf(taskId));
    const now = this.d.now();
    let next = prev;
    if (outcome.kind === 'pass') next = recordSuccess(prev, now);
    else if (outcome.kind === 'fail') {
      const started = Date.parse(i.startedAt ?? i.stagedAt);
      next = recordFailure(prev, now, outcome.cause, !inGrace(prev, started, hc.gracePeriodSeconds, now));
    }
    this.apply(i, app, hc, index, prev, next);
    if (this.tracked.has(taskId)) this.schedule(taskId, index, hc, hc.intervalSeconds * 1000);
  }

  private apply(i: Instance, app: AppDefinition, hc: HealthCheck, index: number, prev: HealthResult, next: HealthResult): void {
    const t = this.tracked.get(i.taskId)!;
    t.results[index] = next;
    const { bus } = this.d;
    if (next.lastFailure !== prev.lastFailure && next.consecutiveFailures > prev.consecutiveFailures) {
      bus.publish('failed_health_check_event', { appId: i.appId, taskId: i.taskId, instanceId: instanceIdOf(i.taskId), version: i.version, healthCheck: hc });
    }
    if (next.alive !== prev.alive || prev.lastSuccess === null && next.lastSuccess !== null) {
      bus.publish('health_status_changed_event', { appId: i.appId, taskId: i.taskId, instanceId: instanceIdOf(i.taskId), version: i.version, alive: next.alive });
    }
    const healthy = overallHealth(t.results, app.healthChecks.length);
    if (healthy !== t.healthy) {
      t.healthy = healthy;
      if (healthy !== undefined) bus.publish('instance_health_changed_event', { instanceId: instanceIdOf(i.taskId), runSpecId: i.appId, runSpecVersion: i.version, healthy });
      this.d.changed();
    }
    if (MARATHON_LEVEL.has(hc.protocol) && shouldKill(next, hc.maxConsecutiveFailures)) {
      const reason = `${hc.protocol} health check failed ${next.consecutiveFailures} times in a row (maxConsecutiveFailures ${hc.maxConsecutiveFailures}): ${next.lastFailureCause ?? 'failed'}`;
      this.d.log.info({ taskId: i.taskId, reason }, 'killing an unhealthy task');
      this.untrack(i.taskId);
      this.d.killUnhealthy(i, reason);
    }
  }
}
