import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { taskRows } from '../state/selectors.js';
import { TasksView } from './TasksView.js';
import { sample, sampleState } from './rows.test-helpers.js';

describe('TasksView', () => {
  it('lists live tasks first with state, framework, agent, resources and health', () => {
    const { lastFrame } = render(<TasksView rows={sample.tasks} filter="" filtering={false} width={80} height={5} selected={0} />);
    expect(lastFrame()).toMatchInlineSnapshot(`
      "ID     STATE    FRAMEWORK  AGENT          CPUS  MEM  HEALTH
      job.7  STAGING  batch      beta.example      1   4G  -
      web.1  RUNNING  web        alpha.example     2   1G  healthy
      web.0  KILLED   web        alpha.example     2   1G  -
      "
    `);
  });

  it('shows the filter being typed and how many tasks match', () => {
    const rows = taskRows(sampleState, 'web');
    const frame = render(<TasksView rows={rows} filter="web" filtering width={80} height={5} selected={0} />).lastFrame()!;
    const lines = frame.split('\n');
    expect(lines[0]).toBe('/web█  (Enter keeps, Esc clears)  2 matches');
    expect(lines.slice(2).filter((l) => l.trim()).map((l) => l.split(/ +/)[0])).toEqual(['web.1', 'web.0']);
  });

  it('keeps a finished filter visible and says when nothing matches', () => {
    const frame = render(<TasksView rows={[]} filter="zzz" filtering={false} width={80} height={4} selected={-1} />).lastFrame()!;
    expect(frame).toContain('filter: zzz  (/ edits, Esc clears)  0 matches');
    expect(frame).toContain('no task matches "zzz"');
  });

  it('adds the task name on a wide screen', () => {
    const frame = render(<TasksView rows={sample.tasks} filter="" filtering={false} width={120} height={5} selected={-1} />).lastFrame()!;
    expect(frame.split('\n')[0]).toMatch(/^ID +NAME +STATE +FRAMEWORK +AGENT +CPUS +MEM +HEALTH$/);
  });
});
