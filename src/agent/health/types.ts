/**
 * Health checks run by the agent (mesos `docs/health-checks.md`, `HealthCheck` in mesos.proto):
 * COMMAND (exit 0 = healthy), HTTP (GET 127.0.0.1:port, 200–399 healthy), TCP (connect succeeds).
 * Defaults: delay 15 s, interval 10 s, timeout 20 s, consecutive failures 3, grace period 10 s.
 */
export interface HealthCheckV1 {
  type?: 'COMMAND' | 'HTTP' | 'TCP';
  command?: { value?: string; shell?: boolean; arguments?: string[]; environment?: unknown };
  http?: { scheme?: string; port: number; path?: string; statuses?: number[]; protocol?: string };
  tcp?: { port: number };
  delay_seconds?: number;
  interval_seconds?: number;
  timeout_seconds?: number;
  consecutive_failures?: number;
  grace_period_seconds?: number;
}

/** What the checker tells the agent. */
export interface HealthEvents {
  /** Health changed (first result counts as a change): send TASK_RUNNING with `healthy`. */
  onHealthChange(healthy: boolean): void;
  /** `consecutive_failures` reached after the grace period: kill the task. */
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
