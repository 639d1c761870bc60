import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { UnavailableView } from './UnavailableView.js';

describe('UnavailableView', () => {
  it('says the view is not configured and how to configure it, with no data at all', () => {
    const frame = render(<UnavailableView title="Apps" source="Marathon apps" option="--marathon" width={60} height={6} />).lastFrame()!;
    expect(frame).toContain('Apps: not configured');
    expect(frame.replace(/\s+/g, ' ')).toContain('This view shows Marathon apps when top knows where to find them: start it with --marathon=HOST:PORT.');
    expect(frame.split('\n').every((l) => l.length <= 60)).toBe(true);
  });
});
