import { describe, expect, it } from 'vitest';
import { jobKind, jobName, parentsFirst } from './job-add.js';
import { chronosRow, jobCells, metronomeRow, metronomeRuns, runCells, waitingText } from './job-rows.js';
import { parseSandboxLink, pickRun } from './job-sandbox.js';
import { parseJsonText } from './json-file.js';

const NOW = Date.parse('2024-05-01T12:00:00.000Z');

describe('job list rows', () => {
  it('Chronos: schedule with zone, or the parents; last result from the summary or the timestamps', () => {
    const j = { name: 'tick', command: 'date  >>  /tmp/t', schedule: 'R/2024-05-01T00:00:00Z/PT10S', scheduleTimeZone: 'Europe/Berlin', successCount: 5, errorCount: 1, lastSuccess: '2024-05-01T11:59:50.000Z', lastError: '2024-05-01T11:00:00.000Z' };
    const row = chronosRow(j);
    expect(row).toMatchObject({ schedule: 'R/2024-05-01T00:00:00Z/PT10S (Europe/Berlin)', status: 'success', state: 'idle', lastRun: '2024-05-01T11:59:50.000Z', command: 'date >> /tmp/t' });
    expect(jobCells(row, NOW)).toEqual(['tick', 'R/2024-05-01T00:00:00Z/PT10S (Europe/Berlin)', 'success', 'idle', '5', '1', '10s ago', 'date >> /tmp/t']);
    expect(chronosRow({ name: 'child', parents: ['a', 'b'], lastSuccess: '', lastError: '2024-05-01T11:00:00.000Z' }).status).toBe('failure');
    expect(chronosRow({ name: 'child', parents: ['a', 'b'] }, { name: 'child', status: 'fresh', state: '1 running' })).toMatchObject({ schedule: 'after a, b', status: 'fresh', state: '1 running' });
    expect(jobCells(chronosRow({ name: 'off', disabled: true }), NOW)[3]).toBe('idle (disabled)');
  });

  it('Metronome: cron with zone, history summary, active runs', () => {
    const row = metronomeRow({
      id: 'prod.backup',
      run: { cmd: 'backup.sh', cpus: 1, mem: 128, disk: 0 },
      schedules: [{ id: 'nightly', cron: '0 2 * * *', timezone: 'America/New_York' }],
      historySummary: { successCount: 2, failureCount: 1, lastSuccessAt: '2024-05-01T06:00:00.000Z', lastFailureAt: '2024-04-30T06:00:00.000Z' },
      activeRuns: [{ id: 'r1' }],
    });
    expect(row).toEqual({ name: 'prod.backup', api: 'metronome', schedule: '0 2 * * * (America/New_York)', status: 'success', state: 'running', disabled: false, successCount: 2, errorCount: 1, lastRun: '2024-05-01T06:00:00.000Z', command: 'backup.sh' });
  });
});

describe('runs', () => {
  it('waiting: why a queued run has not launched, per host; its retry time; nothing for other runs', () => {
    const reason = 'offer from host 127.0.0.1: insufficient disk (needs 256 MB, offered 0)';
    const queued = { runId: 'r9', status: 'queued', waiting: { since: '2024-05-01T11:58:00.000Z', offersDeclined: 12, reasons: [{ reason, at: '2024-05-01T11:59:59.000Z' }], summary: `waiting for resources: ${reason} (12 offers declined)` } };
    const retry = { runId: 'r8', status: 'queued', waiting: { since: '2024-05-01T11:59:00.000Z', retryAt: '2024-05-01T12:01:00.000Z', reasons: [], summary: 'waiting to retry (attempt 1) at 2024-05-01T12:01:00.000Z' } };
    expect(waitingText([queued, retry, { runId: 'r1', status: 'success' }], NOW)).toBe(
      `\nRun r9 queued 2m00s ago, not launched: 12 offer(s) declined, latest per host:\n  ${reason} (1s ago)\nRun r8 queued 1m00s ago, not launched: waiting to retry (attempt 1) at 2024-05-01T12:01:00.000Z\n`,
    );
    expect(waitingText([{ runId: 'r1', status: 'running' }], NOW)).toBe('');
  });

  it('history cells: exit code, attempt, trigger, duration, message', () => {
    const run = { runId: 'r2', taskId: 'ct:1714564800000:1:tick:', attempt: 1, trigger: 'retry', startedAt: '2024-05-01T11:59:00.000Z', finishedAt: '2024-05-01T11:59:05.500Z', status: 'failure', exitCode: 2, host: 'agent-1', message: 'Command exited with status 2' };
    expect(runCells(run, NOW)).toEqual(['1m00s ago', 'failure', '2', '1', 'retry', '5s', 'agent-1', 'Command exited with status 2', 'ct:1714564800000:1:tick:']);
    expect(runCells({ runId: 's', status: 'skipped', scheduledAt: '2024-05-01T11:00:00.000Z', message: 'FORBID: previous run still active' }, NOW)).toEqual([
      '1h00m ago', 'skipped', '-', '-', '-', '-', '-', 'FORBID: previous run still active', '-',
    ]);
    expect(runCells({ runId: 'x', status: 'running', startedAt: '2024-05-01T11:59:30.000Z' }, NOW)[5]).toBe('30s');
  });

  it('Metronome runs map onto the history shape, newest first', () => {
    expect(
      metronomeRuns([
        { id: 'a', status: 'SUCCESS', createdAt: '2024-05-01T10:00:00.000Z', completedAt: '2024-05-01T10:00:09.000Z', tasks: [{ id: 'prod.backup_a.1', startedAt: '2024-05-01T10:00:01.000Z', status: 'TASK_FINISHED' }] },
        { id: 'b', status: 'ACTIVE', createdAt: '2024-05-01T11:00:00.000Z', tasks: [] },
        { id: 'c', createdAt: '2024-05-01T09:00:00.000Z', finishedAt: '2024-05-01T09:00:03.000Z', tasks: ['prod.backup_c.1'] },
      ]),
    ).toEqual([
      { runId: 'b', taskId: null, scheduledAt: '2024-05-01T11:00:00.000Z', startedAt: null, finishedAt: null, state: null, status: 'running' },
      { runId: 'a', taskId: 'prod.backup_a.1', scheduledAt: '2024-05-01T10:00:00.000Z', startedAt: '2024-05-01T10:00:01.000Z', finishedAt: '2024-05-01T10:00:09.000Z', state: 'TASK_FINISHED', status: 'success' },
      { runId: 'c', taskId: 'prod.backup_c.1', scheduledAt: '2024-05-01T09:00:00.000Z', startedAt: null, finishedAt: '2024-05-01T09:00:03.000Z', state: null, status: '' },
    ]);
  });

  it('pickRun: newest with a task; with --follow the newest not skipped; --run by prefix', () => {
    const runs = [
      { runId: '300', status: 'skipped' },
      { runId: '200', status: 'queued' },
      { runId: '100', status: 'success', taskId: 't1' },
    ];
    expect(pickRun(runs, 'j').runId).toBe('100');
    expect(pickRun(runs, 'j', undefined, true).runId).toBe('200');
    expect(pickRun(runs, 'j', '3').runId).toBe('300');
    expect(() => pickRun(runs, 'j', '9')).toThrow('no run "9" of j');
    expect(() => pickRun([], 'j')).toThrow('job j has not run yet');
  });

  it('sandbox links name the agent and the directory', () => {
    expect(parseSandboxLink('http://10.0.0.5:5051/files/browse?path=%2Fvar%2Flib%2Fmesos%2Fslaves%2FS1%2Fruns%2Fabc')).toEqual({ agentUrl: 'http://10.0.0.5:5051', directory: '/var/lib/mesos/slaves/S1/runs/abc' });
    expect(parseSandboxLink('http://a:5051/slave(1)/files/browse.json?path=/x')).toEqual({ agentUrl: 'http://a:5051/slave(1)', directory: '/x' });
    expect(parseSandboxLink(null)).toBeUndefined();
    expect(parseSandboxLink('not a url')).toBeUndefined();
    expect(parseSandboxLink('http://a:5051/files/browse')).toBeUndefined();
  });
});

describe('job add', () => {
  it('Metronome when it has run, else Chronos dependency when it has parents, else iso8601', () => {
    expect(jobKind({ id: 'x', run: { cmd: 'y' } })).toBe('metronome');
    expect(jobKind({ name: 'c', parents: ['p'] })).toBe('dependency');
    expect(jobKind({ name: 'c', parents: [], schedule: 'R/…' })).toBe('iso8601');
    expect(jobKind({ name: 'once' })).toBe('iso8601');
    expect(jobName({ id: 'm', run: {} })).toBe('m');
  });

  it('parents first within a file; others keep their order', () => {
    const jobs = [{ name: 'load', parents: ['transform'] }, { name: 'transform', parents: ['extract'] }, { name: 'solo' }, { name: 'extract', schedule: 'R/x/PT1H' }, { id: 'm2', run: {}, dependencies: [{ id: 'm1' }] }, { id: 'm1', run: {} }];
    expect(parentsFirst(jobs).map(jobName)).toEqual(['extract', 'transform', 'load', 'solo', 'm1', 'm2']);
  });
});

describe('JSON files', () => {
  it('a syntax error names line and column', () => {
    expect(() => parseJsonText('{\n  "a": 1,\n}', 'job.json')).toThrow(/^job\.json:3:1: not valid JSON: /);
    expect(parseJsonText('[1]', 'x')).toEqual([1]);
  });
});
