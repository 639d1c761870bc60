import { describe, expect, it } from 'vitest';
import { makeExecutor, makeFramework, makeView } from '../fixtures.test-helpers.js';
import { agentAttachments, agentAttachmentTable, AGENT_LOG_PATH, executorVirtualPath } from './attachments.js';

const run = (ex: string, c: string) => `/w/slaves/S/frameworks/F/executors/${ex}/runs/${c}`;

describe('agentAttachments', () => {
  const live = makeExecutor({ executorId: 'e1', frameworkId: 'F', directory: run('e1', 'c2') });
  const oldRun = makeExecutor({ executorId: 'e1', frameworkId: 'F', directory: run('e1', 'c1') });
  const done = makeExecutor({ executorId: 'e0', frameworkId: 'F', directory: run('e0', 'c0') });
  const view = makeView({
    frameworks: new Map([['F', makeFramework({ id: 'F', executors: new Map([['e1', live]]), completedExecutors: [oldRun, done] })]]),
  });

  it('attaches every run directory under its real path', () => {
    const t = agentAttachmentTable(view);
    for (const dir of [run('e1', 'c2'), run('e1', 'c1'), run('e0', 'c0')]) expect(t.get(dir)?.root).toBe(dir);
  });

  it('points runs/latest and the virtual path at the live run, not an older one', () => {
    const t = agentAttachmentTable(view);
    expect(t.get(executorVirtualPath('F', 'e1'))?.root).toBe(run('e1', 'c2'));
    expect(t.get('/w/slaves/S/frameworks/F/executors/e1/runs/latest')?.root).toBe(run('e1', 'c2'));
  });

  it('keeps a completed executor reachable by its virtual path', () => {
    expect(agentAttachmentTable(view).get(executorVirtualPath('F', 'e0'))?.root).toBe(run('e0', 'c0'));
  });

  it('adds the agent log only when there is one', () => {
    expect(agentAttachments(view).some((a) => a.name === AGENT_LOG_PATH)).toBe(false);
    expect(agentAttachmentTable(view, '/var/log/a.log').get(AGENT_LOG_PATH)).toEqual({ name: AGENT_LOG_PATH, root: '/var/log/a.log', kind: 'file' });
  });

  it('matches the virtual layout of paths.ts', () => {
    expect(executorVirtualPath('F', 'e1')).toBe('/frameworks/F/executors/e1/runs/latest');
  });
});
