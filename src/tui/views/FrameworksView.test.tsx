import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { FrameworksView } from './FrameworksView.js';
import { sample } from './rows.test-helpers.js';

describe('FrameworksView', () => {
  it('shows roles, state, DRF share with its dominant resource, tasks and offers held', () => {
    const { lastFrame } = render(<FrameworksView rows={sample.frameworks} width={80} height={4} selected={1} />);
    expect(lastFrame()).toMatchInlineSnapshot(`
      "NAME   ID       ROLES  STATE         SHARE               TASKS  OFFERS
      batch  fw-0002  *      disconnected  ███░░░  50.0% mem       1       0
      web    fw-0001  *      active        ██░░░░  25.0% cpus      1       1
      "
    `);
  });

  it('adds used cpus and mem on a wide screen', () => {
    const frame = render(<FrameworksView rows={sample.frameworks} width={130} height={4} selected={-1} />).lastFrame()!;
    expect(frame.split('\n')[0]).toMatch(/NAME +ID +ROLES +STATE +SHARE +TASKS +OFFERS +CPUS +MEM/);
    expect(frame).toContain('fw-0001');
  });

  it('says so when no framework is subscribed', () => {
    expect(render(<FrameworksView rows={[]} width={80} height={3} selected={-1} />).lastFrame()).toContain('no frameworks subscribed');
  });
});
