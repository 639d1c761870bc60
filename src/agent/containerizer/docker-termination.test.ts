import { describe, expect, it } from 'vitest';
import { dockerTermination } from './docker-termination.js';

describe('dockerTermination', () => {
  it('words exits like the command executor', () => {
    expect(dockerTermination({ exitCode: 3, oomKilled: false, stopping: false })).toEqual({ exitCode: 3, signal: null, oom: false, message: 'Command exited with status 3' });
  });
  it('reads 128+N as signal N only when the containerizer was stopping the container', () => {
    expect(dockerTermination({ exitCode: 143, oomKilled: false, stopping: true })).toEqual({ exitCode: null, signal: 'SIGTERM', oom: false, message: 'Command terminated with signal Terminated' });
    expect(dockerTermination({ exitCode: 137, oomKilled: false, stopping: true })).toMatchObject({ signal: 'SIGKILL', message: 'Command terminated with signal Killed' });
    expect(dockerTermination({ exitCode: 137, oomKilled: false, stopping: false })).toMatchObject({ exitCode: 137, signal: null });
  });
  it('reports an OOM kill as the memory limitation, whatever the exit code', () => {
    expect(dockerTermination({ exitCode: 0, oomKilled: true, stopping: false, memLimitBytes: 32 << 20 })).toEqual({ exitCode: 0, signal: null, oom: true, message: 'Memory limit exceeded: Requested: 32MB, Maximum Used: 32MB' });
    expect(dockerTermination({ exitCode: 137, oomKilled: true, stopping: true, memLimitBytes: 32 << 20 })).toMatchObject({ signal: 'SIGKILL', oom: true });
  });
  it('says so when the exit status is unknown', () => {
    expect(dockerTermination({ exitCode: null, oomKilled: false, stopping: false }).message).toMatch(/could not be read/);
  });
});
