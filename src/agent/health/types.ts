/**
 * Health checks run by the agent (mesos `docs/health-checks.md`, `HealthCheck` in mesos.proto):
 * COMMAND (exit 0 = healthy), HTTP (GET 127.0.0.1:port, 200–399 healthy), TCP (connect succeeds).
 * Defaults: delay 15 s, interval 10 s, timeout 20 s, consecutive failures 3, grace period 10 s.
 *
 * Also the generalized checks (`CheckInfo` / `CheckStatusInfo` in mesos.proto, Mesos 1.4+), which
 * only report a result to the framework and never act on it.
 */
import type { Clock } from '../../lib/clock.js';

export interface HealthCheckV1 {
  type?: 'COMMAND' | 'HTTP' | 'TCP';
  command?: { value?: string; shell?: boolean; arguments?: string[]; environment?: unknown };
  http?: { scheme?: string; port: number; path?: string; statuses?: number[]; protocol?: string };
  tcp?: { port: number; protocol?: string };
  delay_seconds?: number;
  interval_seconds?: number;
  timeout_seconds?: number;
  consecutive_failures?: number;
  grace_period_seconds?: number;
}

/** What the checker tells the agent. */
export interface HealthEvents {
  /**
   * Send TASK_RUNNING with `healthy` and REASON_TASK_HEALTH_CHECK_STATUS_UPDATED (see `status.ts`).
   * Called, as upstream's built-in executors do, on the first success, on the first success after
   * failures, and on *every* failure counted outside the grace period (not only on a change).
   */
  onHealthChange(healthy: boolean): void;
  /**
   * `consecutive_failures` reached after the grace period: kill the task. Comes right after the
   * `onHealthChange(false)` of the same failure; checking has stopped by then. The message is for
   * logs: upstream puts no health text in any TaskStatus (see `status.ts`).
   */
  onUnhealthyKill(message: string): void;
}

export interface HealthCheckContext {
  /** For COMMAND checks: run in this directory with this environment. */
  sandbox: string;
  env: Record<string, string>;
}

export interface HealthChecker {
  stop(): void;
}

/** `CheckInfo` (mesos.proto): a generalized check. Defaults: delay 15 s, interval 10 s, timeout 20 s. */
export interface CheckInfoV1 {
  type?: 'COMMAND' | 'HTTP' | 'TCP';
  /** Note the nesting: `CheckInfo.Command` wraps a `CommandInfo` in its `command` field. */
  command?: { command?: HealthCheckV1['command'] };
  http?: { port: number; path?: string };
  tcp?: { port: number };
  delay_seconds?: number;
  interval_seconds?: number;
  timeout_seconds?: number;
}

/**
 * `CheckStatusInfo` (mesos.proto). A check that could not produce a result (timed out, could not
 * connect for HTTP, killed by a signal) is reported with the type's message left empty, e.g.
 * `{ type: 'HTTP', http: {} }`, which is also what a task reports before its first result.
 */
export interface CheckStatusInfoV1 {
  type: 'COMMAND' | 'HTTP' | 'TCP';
  command?: { exit_code?: number };
  http?: { status_code?: number };
  tcp?: { succeeded?: boolean };
}

/** One attempt's outcome: a status when the check ran, an error when it could not. */
export type ProbeResult = { ok: true; status: CheckStatusInfoV1 } | { ok: false; error: string };

/** Runs one attempt. Must stop its I/O (and kill any process) when `signal` aborts. */
export type Prober = (signal: AbortSignal) => Promise<ProbeResult>;

/** Test and embedding seams shared by `startHealthCheck` and `startCheck`. */
export interface CheckOptions {
  /** Drives delay, interval, timeout and the grace period; defaults to the system clock. */
  clock?: Clock;
  /** Replaces the COMMAND/HTTP/TCP prober built from the definition. */
  prober?: Prober;
  /** Called if an event handler throws; checking goes on either way. */
  onError?: (err: unknown) => void;
}

export interface HealthCheckOptions extends CheckOptions {
  /** Epoch ms the grace period counts from (e.g. after agent recovery); default: now. */
  taskStartedAt?: number;
}
