import { describe, expect, it } from 'vitest';
import type { LegacyFramework, LegacyTask, MasterState } from '../client/legacy-types.js';
import { UsageError, UserError } from './errors.js';
import { MAX_CANDIDATES, lastState, resolveTask, taskPools } from './task-resolve.js';

const M = '5e2d9b8c-1f3a-4c8e-9b7d-2a6f0c4e8d11';

function task(id: string, fw: string, state = 'TASK_RUNNING', statuses: string[] = [state]): LegacyTask {
  return {
    id, name: id.split('.')[0]!, framework_id: fw, executor_id: '', slave_id: `${M}-S0`, state: state as LegacyTask['state'],
    resources: {}, statuses: statuses.map((s, i) => ({ state: s as LegacyTask['state'], timestamp: i })),
  };
}

function framework(id: string, name: string, parts: Partial<LegacyFramework>): LegacyFramework {
  return { id, name, hostname: 'h', active: true, tasks: [], completed_tasks: [], unreachable_tasks: [], ...parts };
}

const marathon = `${M}-0000`;
const chronos = `${M}-0011`;
const state: MasterState = {
  frameworks: [
    framework(marathon, 'marathon', {
      tasks: [task('web.3f6c2a1e', marathon), task('web.77aa0b12', marathon), task('cache.91aa', marathon, 'TASK_STAGING', [])],
      unreachable_tasks: [task('db.0001', marathon, 'TASK_UNREACHABLE')],
      completed_tasks: [task('batch.5b5b', marathon, 'TASK_FINISHED'), task('web.3f6c2a1e', marathon, 'TASK_KILLED')],
    }),
    framework(chronos, 'chronos', { tasks: [task('web-report.11', chronos)] }),
  ],
  completed_frameworks: [framework(`${M}-0002`, 'old', { completed_tasks: [task('legacy-job.9', `${M}-0002`, 'TASK_FAILED')] })],
};

const id = (q: string, framework?: string) => resolveTask(state, q, { framework }).task.id;

function errorOf(f: () => unknown): UserError {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('resolveTask', () => {
  it('an exact id wins, and a live task beats a completed one with the same id', () => {
    const r = resolveTask(state, 'web.3f6c2a1e');
    expect(r.task.id).toBe('web.3f6c2a1e');
    expect(r.completed).toBe(false);
    expect(r.framework.name).toBe('marathon');
  });

  it('takes a unique prefix, then a unique substring, of a live task id', () => {
    expect(id('web.3f')).toBe('web.3f6c2a1e');
    expect(id('77aa')).toBe('web.77aa0b12');
    expect(id('cache')).toBe('cache.91aa');
    expect(id('db.0')).toBe('db.0001'); // unreachable tasks count as live
  });

  it('prefers a unique prefix over substring matches elsewhere', () => {
    expect(id('web-')).toBe('web-report.11');
    expect(id('report')).toBe('web-report.11');
  });

  it('falls back to completed tasks, including those of completed frameworks', () => {
    const r = resolveTask(state, 'batch');
    expect(r.task.id).toBe('batch.5b5b');
    expect(r.completed).toBe(true);
    expect(id('legacy')).toBe('legacy-job.9');
    expect(id('5b5b')).toBe('batch.5b5b');
  });

  it('an ambiguous id lists the candidates with framework and state, and suggests --framework', () => {
    const e = errorOf(() => resolveTask(state, 'web'));
    expect(e.message).toContain('3 tasks match "web"');
    expect(e.message).toContain(`    web.3f6c2a1e   marathon (${marathon})  TASK_RUNNING`);
    expect(e.message).toContain(`    web-report.11  chronos (${chronos})  TASK_RUNNING`);
    expect(e.hint).toMatch(/longer prefix.*--framework/);
    expect(e.exitCode).toBe(1);
  });

  it('--framework narrows by id, id prefix or name', () => {
    expect(id('web', chronos)).toBe('web-report.11');
    expect(id('web', 'chronos')).toBe('web-report.11');
    expect(id('web', `${M}-001`)).toBe('web-report.11');
    expect(() => id('web', 'marathon')).toThrow(/2 tasks match/);
    expect(errorOf(() => id('web', 'nope')).message).toBe('no framework matches --framework "nope"');
    expect(errorOf(() => id('web', M)).message).toContain('3 frameworks match');
  });

  it('lists at most 10 candidates', () => {
    const many: MasterState = { frameworks: [framework(marathon, 'm', { tasks: Array.from({ length: 13 }, (_, i) => task(`t.${i}`, marathon)) })] };
    const e = errorOf(() => resolveTask(many, 't.'));
    expect(e.message.split('\n').filter((l) => l.startsWith('    t.'))).toHaveLength(MAX_CANDIDATES);
    expect(e.message).toContain('… and 3 more');
  });

  it('no match says so and points at `task list --all`; an empty id is a usage error', () => {
    const e = errorOf(() => resolveTask(state, 'zzz'));
    expect(e.message).toBe('no task matches "zzz"');
    expect(e.hint).toContain('tsmesos task list --all');
    expect(errorOf(() => resolveTask(state, 'zzz', { framework: 'chronos' })).message).toBe('no task matches "zzz" in framework "chronos"');
    expect(() => resolveTask(state, ' ')).toThrow(UsageError);
  });
});

describe('lastState and taskPools', () => {
  it('uses the last status update, else the task state', () => {
    expect(lastState(task('a', marathon, 'TASK_RUNNING', ['TASK_STAGING', 'TASK_FAILED']))).toBe('TASK_FAILED');
    expect(lastState(task('a', marathon, 'TASK_STAGING', []))).toBe('TASK_STAGING');
  });
  it('splits live and completed tasks', () => {
    const { live, completed } = taskPools(state);
    expect(live.map((r) => r.task.id)).toEqual(['web.3f6c2a1e', 'web.77aa0b12', 'cache.91aa', 'db.0001', 'web-report.11']);
    expect(completed.map((r) => r.task.id)).toEqual(['batch.5b5b', 'web.3f6c2a1e', 'legacy-job.9']);
  });
});
