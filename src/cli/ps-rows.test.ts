import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExecutorStatistics, MasterState } from '../client/legacy-types.js';
import { TASK_STATES } from '../protocol/v1/types.js';
import { psCells } from './ps.js';
import { STATE_LETTERS, agentsToQuery, buildPsRows, collectTasks, stateLetter } from './ps-rows.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url), 'utf8'));
const state = fixture('master-state.json') as MasterState;
const agentStats = fixture('agent-monitor-statistics.json') as ExecutorStatistics[];
const M = '5e2d9b8c-1f3a-4c8e-9b7d-2a6f0c4e8d11';

describe('stateLetter', () => {
  it('maps every upstream task state to one documented letter', () => {
    for (const s of TASK_STATES) expect(STATE_LETTERS[s]).toMatch(/^[A-Z?]$/);
    expect(stateLetter('TASK_RUNNING')).toBe('R');
    expect(stateLetter('TASK_STAGING')).toBe('S');
    expect(stateLetter('TASK_STARTING')).toBe('S');
    expect(stateLetter('TASK_KILLING')).toBe('K');
    expect(stateLetter('TASK_FINISHED')).toBe('F');
    expect(stateLetter('TASK_FAILED')).toBe('X');
    expect(stateLetter('TASK_SOMETHING_NEW')).toBe('?');
  });
});

describe('collectTasks', () => {
  it('lists live tasks only, unless --all', () => {
    expect(collectTasks(state, false).map((r) => r.task.name)).toEqual(['web', 'worker', 'cache', 'nightly-report']);
    expect(collectTasks(state, true).map((r) => `${r.task.name}:${r.task.state}`)).toEqual([
      'web:TASK_RUNNING',
      'worker:TASK_RUNNING',
      'cache:TASK_STAGING',
      'nightly-report:TASK_KILLING',
      'batch:TASK_UNREACHABLE',
      'web:TASK_FINISHED',
      'probe:TASK_FAILED',
    ]);
  });

  it('asks only agents that run a non-terminal task', () => {
    expect([...agentsToQuery(collectTasks(state, true))].sort()).toEqual([`${M}-S0`, `${M}-S1`]);
    expect([...agentsToQuery(collectTasks({ ...state, frameworks: [] }, true))]).toEqual([]);
  });
});

describe('buildPsRows', () => {
  const rows = buildPsRows(state, new Map([[`${M}-S0`, agentStats]]), false);

  it('joins a command task with its executor statistics (executor id = task id)', () => {
    expect(rows[0]).toEqual({
      id: 'web.3f6c2a1e-a8b4-11ef-9c1a-0242ac110002',
      name: 'web',
      command: 'web',
      state: 'TASK_RUNNING',
      state_letter: 'R',
      user: 'www',
      framework_id: `${M}-0000`,
      framework: 'marathon',
      agent_id: `${M}-S0`,
      agent_hostname: 'node-a.example.com',
      cpus: 1,
      mem_mb: 512,
      time_secs: 73.75,
      rss_bytes: 47185920,
      mem_percent: 8.3,
    });
    expect(psCells(rows[0]!)).toEqual(['1:13', 'R', '45M', '1', '8.3', 'web', 'www', 'marathon', rows[0]!.id]);
  });

  it('uses the executor id for tasks with a custom executor, and the framework user as fallback', () => {
    const nightly = rows.find((r) => r.name === 'nightly-report')!;
    expect(nightly).toMatchObject({ state_letter: 'K', user: 'ops', time_secs: 3725.5, rss_bytes: 20971520, mem_percent: 31.3 });
    expect(psCells(nightly).slice(0, 3)).toEqual(['1:02:05', 'K', '20M']);
  });

  it('blanks the statistics of tasks whose agent did not answer', () => {
    const worker = rows.find((r) => r.name === 'worker')!;
    expect(worker).toMatchObject({ user: 'root', time_secs: null, rss_bytes: null, mem_percent: null, cpus: 0.5 });
    expect(psCells(worker).slice(0, 5)).toEqual(['-', 'R', '-', '0.5', '-']);
  });

  it('never attaches statistics to completed tasks', () => {
    const all = buildPsRows(state, new Map([[`${M}-S0`, agentStats]]), true);
    expect(all.find((r) => r.state === 'TASK_FINISHED')).toMatchObject({ state_letter: 'F', time_secs: null });
    expect(all.find((r) => r.state === 'TASK_FAILED')).toMatchObject({ framework: 'probe-framework', state_letter: 'X' });
  });
});
