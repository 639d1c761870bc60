import { describe, expect, it } from 'vitest';
import { healthPolicyOf } from './defaults.js';
import { INITIAL_HEALTH_STATE, interpretHealth, stepHealth, type HealthState, type HealthVerdict } from './health-core.js';

const pass: HealthVerdict = { healthy: true };
const fail: HealthVerdict = { healthy: false, why: 'boom' };
const policy = healthPolicyOf({ type: 'TCP', tcp: { port: 1 } }); // defaults: 3 failures, 10 s grace

/** Runs verdicts at the given elapsed times and returns the reports and the final state. */
function run(steps: Array<[HealthVerdict, number]>, p = policy) {
  let state: HealthState = INITIAL_HEALTH_STATE;
  const reports: unknown[] = [];
  for (const [v, t] of steps) {
    const s = stepHealth(p, state, v, t);
    state = s.state;
    reports.push(s.report ?? (s.forgiven ? 'forgiven' : null));
  }
  return { reports, state };
}

describe('interpretHealth', () => {
  it('COMMAND: exit status 0 only', () => {
    expect(interpretHealth({ ok: true, status: { type: 'COMMAND', command: { exit_code: 0 } } })).toEqual(pass);
    expect(interpretHealth({ ok: true, status: { type: 'COMMAND', command: { exit_code: 1 } } }).healthy).toBe(false);
  });
  it('HTTP: 200 to 399 inclusive', () => {
    const h = (code: number) => interpretHealth({ ok: true, status: { type: 'HTTP', http: { status_code: code } } }).healthy;
    expect([199, 200, 302, 399, 400, 404, 500].map(h)).toEqual([false, true, true, true, false, false, false]);
  });
  it('TCP: connected', () => {
    expect(interpretHealth({ ok: true, status: { type: 'TCP', tcp: { succeeded: true } } }).healthy).toBe(true);
    expect(interpretHealth({ ok: true, status: { type: 'TCP', tcp: { succeeded: false } } }).healthy).toBe(false);
  });
  it('an attempt that could not run is a failure carrying its error', () => {
    expect(interpretHealth({ ok: false, error: 'timed out' })).toEqual({ healthy: false, why: 'timed out' });
  });
});

describe('stepHealth', () => {
  it('reports the first success, then stays quiet while healthy', () => {
    expect(run([[pass, 20_000], [pass, 30_000], [pass, 40_000]]).reports).toEqual([{ healthy: true }, null, null]);
  });

  it('forgives failures inside the grace period before any success (boundary included)', () => {
    const r = run([[fail, 1_000], [fail, 5_000], [fail, 10_000]]);
    expect(r.reports).toEqual(['forgiven', 'forgiven', 'forgiven']);
    expect(r.state).toEqual(INITIAL_HEALTH_STATE);
  });

  it('counts failures once the grace period is over', () => {
    expect(run([[fail, 10_001]]).reports).toEqual([{ healthy: false, consecutive_failures: 1, kill_task: false }]);
  });

  it('a success ends the grace period: later failures count even inside it', () => {
    const r = run([[fail, 1_000], [pass, 2_000], [fail, 3_000]]);
    expect(r.reports).toEqual(['forgiven', { healthy: true }, { healthy: false, consecutive_failures: 1, kill_task: false }]);
  });

  it('reports every counted failure and asks for the kill at consecutive_failures', () => {
    const r = run([[fail, 11_000], [fail, 21_000], [fail, 31_000]]);
    expect(r.reports).toEqual([
      { healthy: false, consecutive_failures: 1, kill_task: false },
      { healthy: false, consecutive_failures: 2, kill_task: false },
      { healthy: false, consecutive_failures: 3, kill_task: true },
    ]);
  });

  it('a success between failures resets the count and is reported', () => {
    const r = run([[fail, 11_000], [fail, 21_000], [pass, 31_000], [fail, 41_000], [fail, 51_000]]);
    expect(r.reports.map((x) => (x as { kill_task?: boolean; healthy: boolean }).healthy)).toEqual([false, false, true, false, false]);
    expect(r.state.consecutiveFailures).toBe(2);
    expect(r.reports.some((x) => (x as { kill_task?: boolean }).kill_task)).toBe(false);
  });

  it('grace period 0 forgives nothing', () => {
    const p = healthPolicyOf({ type: 'TCP', tcp: { port: 1 }, grace_period_seconds: 0 });
    expect(run([[fail, 0]], p).reports[0]).toMatchObject({ healthy: false, consecutive_failures: 1 });
  });

  it('honours a custom consecutive_failures (1 kills on the first counted failure)', () => {
    const p = healthPolicyOf({ type: 'TCP', tcp: { port: 1 }, consecutive_failures: 1 });
    expect(run([[fail, 60_000]], p).reports[0]).toMatchObject({ kill_task: true });
  });
});
