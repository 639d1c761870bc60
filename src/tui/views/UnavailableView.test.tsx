import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { UnavailableView } from './UnavailableView.js';

describe('UnavailableView', () => {
  it('says the view is not configured and why, with no data at all', () => {
    const frame = render(<UnavailableView title="Apps" source="Marathon apps" width={60} height={6} />).lastFrame()!;
    expect(frame).toContain('Apps: not configured');
    expect(frame.replace(/\s+/g, ' ')).toContain('tsmesos has no Marathon apps mode yet, so there is nothing to show.');
    expect(frame.split('\n').every((l) => l.length <= 60)).toBe(true);
  });
});
