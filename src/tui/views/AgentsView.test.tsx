import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { AgentsView, usageCell } from './AgentsView.js';
import { sample } from './rows.test-helpers.js';

describe('AgentsView', () => {
  it('shows used/total bars for cpus and mem, state, tasks, offers and attributes at 80 columns', () => {
    const { lastFrame } = render(<AgentsView rows={sample.agents} width={80} height={4} selected={0} />);
    expect(lastFrame()).toMatchInlineSnapshot(`
      "HOSTNAME       STATE     CPUS       MEM          TASKS  OFFERS  ATTRIBUTES
      alpha.example  active    ███░░ 2/4  █░░░░ 1G/4G      1       1  rack:r1
      beta.example   inactive  █░░░░ 1/4  █████ 4G/4G      1       0  rack:r1
      "
    `);
  });

  it('adds disk and longer bars on a wide screen', () => {
    const frame = render(<AgentsView rows={sample.agents} width={150} height={4} selected={-1} />).lastFrame()!;
    expect(frame.split('\n')[0]).toMatch(/HOSTNAME +STATE +CPUS +MEM +DISK +TASKS +OFFERS +ATTRIBUTES/);
    expect(frame).toContain('████████░░░░░░░░ 2/4');
  });

  it('says how to get an agent when there is none', () => {
    expect(render(<AgentsView rows={[]} width={80} height={3} selected={-1} />).lastFrame()).toContain('no agents registered');
  });

  it('a usage cell is a bar plus used/total, or "-" for a resource the agent lacks', () => {
    const a = sample.agents[0]!;
    expect(usageCell(a, 'mem', 4)).toBe('█░░░ 1G/4G');
    expect(usageCell(a, 'gpus', 4)).toBe('-');
  });
});
