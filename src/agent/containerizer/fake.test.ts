import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TaskInfoV1 } from '../../protocol/v1/types.js';
import type { ContainerStatus } from './containerizer.js';
import { FakeContainerizer } from './fake.js';

const task = (id: string) => ({ name: id, task_id: { value: id }, agent_id: { value: 'a' }, resources: [] }) as unknown as TaskInfoV1;

afterEach(() => vi.useRealTimers());

describe('FakeContainerizer', () => {
  it('runs at once by default, and after startAfterMs when asked (a stand-in for a container start)', () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    const fc = new FakeContainerizer((t) => (t.task_id.value === 'slow' ? { startAfterMs: 500, exitAfterMs: 100 } : {}));
    fc.launch('fw', task('quick'), (s: ContainerStatus) => seen.push(`quick ${s.state}`));
    fc.launch('fw', task('slow'), (s: ContainerStatus) => seen.push(`slow ${s.state}`));
    expect(seen).toEqual(['quick TASK_STARTING', 'quick TASK_RUNNING', 'slow TASK_STARTING']);
    vi.advanceTimersByTime(499);
    expect(fc.running().map((r) => `${r.task.task_id.value} ${r.state}`)).toEqual(['quick TASK_RUNNING', 'slow TASK_STARTING']);
    vi.advanceTimersByTime(1);
    expect(seen.at(-1)).toBe('slow TASK_RUNNING');
    vi.advanceTimersByTime(100);
    expect(seen.at(-1)).toBe('slow TASK_FINISHED');
  });

  it('a kill while still starting cancels the start', () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    const fc = new FakeContainerizer(() => ({ startAfterMs: 500 }));
    fc.launch('fw', task('t'), (s: ContainerStatus) => seen.push(s.state));
    fc.kill('fw', 't');
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual(['TASK_STARTING', 'TASK_KILLED']);
  });
});
