import { describe, expect, it } from 'vitest';
import { recoveryAction, taskAlive } from './process-recover.js';

const listed = (running: boolean) => ({ containerId: 'c', pid: 42, running, exitCode: running ? null : 3, signal: null });

describe('recovery decisions', () => {
  it('trusts the live launcher first', () => {
    expect(recoveryAction({ listed: listed(true), alive: true })).toEqual({ kind: 'running', pid: 42 });
    expect(recoveryAction({ listed: listed(false), alive: false })).toEqual({ kind: 'ended', status: { exitCode: 3, signal: null } });
  });

  it('then the termination checkpoint, then the pid', () => {
    expect(recoveryAction({ termination: { exitCode: 7, signal: null }, pid: 42, alive: false })).toEqual({
      kind: 'ended',
      status: { exitCode: 7, signal: null },
    });
    expect(recoveryAction({ pid: 42, alive: true })).toEqual({ kind: 'orphan', pid: 42 });
    expect(recoveryAction({ pid: 42, alive: false })).toEqual({ kind: 'lost' });
    expect(recoveryAction({ alive: false })).toEqual({ kind: 'unknown' });
  });

  it('does not take a process that leads no session of its own for a task', async () => {
    expect(await taskAlive(process.pid)).toBe(false); // the test worker is not a session leader
    expect(await taskAlive(2 ** 22 + 1)).toBe(false);
  });
});
