import { describe, expect, it } from 'vitest';
import type { TaskRecord } from '../../model.js';
import { makeFramework, makeTask, makeView, status } from './fixtures.test-helpers.js';
import { sampleView } from './sample-cluster.test-helpers.js';
import { renderTasks } from './tasks.js';

const ids = (out: { tasks: Array<Record<string, unknown>> }) => out.tasks.map((t) => t.id);

describe('renderTasks', () => {
  // Latest status times: t-old 800, t-done 990, t-exec 1005, t-run 1010, t-unreach 1020.
  it('defaults to newest first and includes live, unreachable and completed tasks of all frameworks', () => {
    expect(ids(renderTasks(sampleView()))).toEqual(['t-unreach', 't-run', 't-exec', 't-done', 't-old']);
  });

  it('order=asc with limit=-1 returns every task, oldest first', () => {
    expect(ids(renderTasks(sampleView(), { order: 'asc', limit: -1 }))).toEqual(['t-old', 't-done', 't-exec', 't-run', 't-unreach']);
  });

  it('pages with offset and limit', () => {
    expect(ids(renderTasks(sampleView(), { order: 'asc', offset: 1, limit: 2 }))).toEqual(['t-done', 't-exec']);
    expect(ids(renderTasks(sampleView(), { offset: 10 }))).toEqual([]);
    expect(ids(renderTasks(sampleView(), { limit: 0 }))).toEqual([]);
  });

  it('filters by framework_id and task_id', () => {
    expect(ids(renderTasks(sampleView(), { frameworkId: 'M-0002' }))).toEqual(['t-old']);
    expect(ids(renderTasks(sampleView(), { taskId: 't-run' }))).toEqual(['t-run']);
    expect(ids(renderTasks(sampleView(), { frameworkId: 'M-0001', taskId: 't-run' }))).toEqual([]);
  });

  it('caps the default page at 100 tasks but limit=-1 returns all', () => {
    const tasks = new Map<string, TaskRecord>();
    for (let i = 0; i < 150; i++) {
      const id = `t${String(i).padStart(3, '0')}`;
      tasks.set(id, makeTask({ taskId: id, statuses: [status(id, 'TASK_RUNNING', i)] }));
    }
    const view = makeView({ frameworks: [makeFramework({ id: 'M-0000', tasks })] });
    const page = renderTasks(view);
    expect(page.tasks).toHaveLength(100);
    expect(page.tasks[0]!.id).toBe('t149');
    expect(renderTasks(view, { limit: -1 }).tasks).toHaveLength(150);
  });

  it('every listed task carries the keys strict clients index', () => {
    for (const t of renderTasks(sampleView(), { limit: -1 }).tasks) {
      for (const key of ['id', 'name', 'framework_id', 'executor_id', 'slave_id', 'state', 'resources', 'statuses']) {
        expect(t, key).toHaveProperty(key);
      }
    }
  });

  it('sorts tasks without statuses as oldest', () => {
    const bare = makeTask({ taskId: 'bare', statuses: [] });
    const view = makeView({ frameworks: [makeFramework({ id: 'M-0000', tasks: new Map([['bare', bare], ['x', makeTask({ taskId: 'x' })]]) })] });
    expect(ids(renderTasks(view, { order: 'asc' }))).toEqual(['bare', 'x']);
  });
});
