import { describe, expect, it } from 'vitest';
import { checkStatusOf, emptyCheckStatus, sameCheckStatus, stepCheck } from './check-core.js';

describe('check core', () => {
  it('empty statuses per type', () => {
    expect(emptyCheckStatus('COMMAND')).toEqual({ type: 'COMMAND', command: {} });
    expect(emptyCheckStatus('HTTP')).toEqual({ type: 'HTTP', http: {} });
    expect(emptyCheckStatus('TCP')).toEqual({ type: 'TCP', tcp: {} });
  });

  it('an attempt that could not run becomes the empty status', () => {
    expect(checkStatusOf('HTTP', { ok: false, error: 'refused' })).toEqual({ type: 'HTTP', http: {} });
  });

  it('compares by value', () => {
    expect(sameCheckStatus({ type: 'HTTP', http: { status_code: 200 } }, { type: 'HTTP', http: { status_code: 200 } })).toBe(true);
    expect(sameCheckStatus({ type: 'HTTP', http: { status_code: 200 } }, { type: 'HTTP', http: {} })).toBe(false);
    expect(sameCheckStatus({ type: 'TCP', tcp: { succeeded: false } }, { type: 'TCP', tcp: {} })).toBe(false);
  });

  it('from the initial empty status: the first result is a change, an early error is not', () => {
    const empty = emptyCheckStatus('COMMAND');
    expect(stepCheck(empty, { ok: false, error: 'x' }).changed).toBe(false);
    const first = stepCheck(empty, { ok: true, status: { type: 'COMMAND', command: { exit_code: 0 } } });
    expect(first).toEqual({ status: { type: 'COMMAND', command: { exit_code: 0 } }, changed: true });
    expect(stepCheck(first.status, { ok: true, status: { type: 'COMMAND', command: { exit_code: 0 } } }).changed).toBe(false);
    expect(stepCheck(first.status, { ok: true, status: { type: 'COMMAND', command: { exit_code: 2 } } }).changed).toBe(true);
    expect(stepCheck(first.status, { ok: false, error: 'timed out' })).toEqual({ status: empty, changed: true });
  });
});
