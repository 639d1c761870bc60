import { describe, expect, it } from 'vitest';
import type { TaskStatusV1 } from '../../protocol/v1/types.js';
import { checkUpdate, healthUpdate, initialCheckStatus, unhealthyKillTerminal } from './status.js';

const running: TaskStatusV1 = {
  task_id: { value: 't1' },
  state: 'TASK_RUNNING',
  source: 'SOURCE_EXECUTOR',
  uuid: 'old',
  timestamp: 1,
  check_status: { type: 'TCP', tcp: {} },
  container_status: { container_id: { value: 'c' } },
};

describe('status fields for the agent core', () => {
  it('health update: TASK_RUNNING, healthy, health reason, keeps check_status, drops uuid/timestamp', () => {
    expect(healthUpdate(running, false)).toEqual({
      task_id: { value: 't1' },
      state: 'TASK_RUNNING',
      source: 'SOURCE_EXECUTOR',
      reason: 'REASON_TASK_HEALTH_CHECK_STATUS_UPDATED',
      healthy: false,
      check_status: { type: 'TCP', tcp: {} },
      container_status: { container_id: { value: 'c' } },
    });
  });

  it('check update: TASK_RUNNING, check_status, check reason, keeps a known healthy', () => {
    const after = checkUpdate(healthUpdate(running, true), { type: 'TCP', tcp: { succeeded: true } });
    expect(after).toMatchObject({
      state: 'TASK_RUNNING',
      reason: 'REASON_TASK_CHECK_STATUS_UPDATED',
      healthy: true,
      check_status: { type: 'TCP', tcp: { succeeded: true } },
    });
    expect(after.uuid).toBeUndefined();
  });

  it('terminal status after a failed-health-check kill: TASK_KILLED, healthy false, no reason', () => {
    const t = unhealthyKillTerminal('Command terminated with signal Terminated');
    expect(t).toEqual({ state: 'TASK_KILLED', healthy: false, message: 'Command terminated with signal Terminated' });
    expect('reason' in t).toBe(false);
  });

  it('initial check_status for tasks with a check', () => {
    expect(initialCheckStatus(undefined)).toBeUndefined();
    expect(initialCheckStatus({ type: 'HTTP', http: { port: 1 } })).toEqual({ type: 'HTTP', http: {} });
  });
});
