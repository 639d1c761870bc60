/**
 * The pure bookkeeping of one health check of one task (upstream `Health` + `HealthCheckActor`):
 * results fold into `healthCheckResults` entries; failures within the grace period (counted from
 * the task's start) do not count until the first success ends the grace for good; a task is killed
 * once `maxConsecutiveFailures` counted failures follow each other (0 = never, for Marathon-level
 * checks).
 * @module
 */

/** One `healthCheckResults` entry (types/health.raml). */
export interface HealthResult {
  alive: boolean;
  consecutiveFailures: number;
  firstSuccess: string | null;
  lastSuccess: string | null;
  lastFailure: string | null;
  lastFailureCause: string | null;
  instanceId: string;
  taskId: string;
}

export function initialResult(taskId: string, instanceId: string): HealthResult {
  return { alive: false, consecutiveFailures: 0, firstSuccess: null, lastSuccess: null, lastFailure: null, lastFailureCause: null, instanceId, taskId };
}

/** Upstream instance ids are the task id without the `._app.N` incarnation suffix. */
export function instanceIdOf(taskId: string): string {
  return taskId.replace(/\._app\.\d+$/, '');
}

export function recordSuccess(r: HealthResult, now: number): HealthResult {
  const at = new Date(now).toISOString();
  return { ...r, alive: true, consecutiveFailures: 0, firstSuccess: r.firstSuccess ?? at, lastSuccess: at };
}

/** A failure; `counted` false inside the grace period (the result is kept but not counted). */
export function recordFailure(r: HealthResult, now: number, cause: string, counted: boolean): HealthResult {
  const at = new Date(now).toISOString();
  if (!counted) return { ...r, lastFailure: at, lastFailureCause: cause };
  return { ...r, alive: false, consecutiveFailures: r.consecutiveFailures + 1, lastFailure: at, lastFailureCause: cause };
}

/** Whether a failure now still falls in the grace period (no success yet and not past the grace). */
export function inGrace(r: HealthResult, startedAtMs: number, gracePeriodSeconds: number, now: number): boolean {
  return r.firstSuccess === null && now - startedAtMs < gracePeriodSeconds * 1000;
}

export function shouldKill(r: HealthResult, maxConsecutiveFailures: number): boolean {
  return maxConsecutiveFailures > 0 && r.consecutiveFailures >= maxConsecutiveFailures;
}

/** Overall health of a task from its checks: undefined until every check has a verdict. */
export function overallHealth(results: ReadonlyArray<HealthResult | undefined>, checks: number): boolean | undefined {
  if (checks === 0) return undefined;
  if (results.some((r) => r !== undefined && !r.alive && (r.consecutiveFailures > 0 || r.lastSuccess !== null))) return false;
  if (results.length < checks || results.some((r) => r === undefined || !r.alive)) return undefined;
  return true;
}
