import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { LogPane, printable } from './LogPane.js';

const lines = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);

describe('LogPane', () => {
  it('follows: the newest lines at the bottom, the file and agent in the title', () => {
    const { lastFrame } = render(<LogPane title="stdout of web.1 on alpha" lines={lines} scroll={0} width={40} height={6} />);
    expect(lastFrame()).toMatchInlineSnapshot(`
      "stdout of web.1 on alpha — following
      line 27
      line 28
      line 29
      line 30
      30 lines"
    `);
  });

  it('scrolled up, it shows older lines and how to follow again; the scroll is clamped at the top', () => {
    const up = render(<LogPane title="stdout" lines={lines} scroll={10} width={40} height={5} />).lastFrame()!;
    expect(up.split('\n').slice(1, 4)).toEqual(['line 18', 'line 19', 'line 20']);
    expect(up).toContain('10 lines up (End follows)');
    const top = render(<LogPane title="stdout" lines={lines} scroll={1e9} width={40} height={5} />).lastFrame()!;
    expect(top.split('\n')[1]).toBe('line 1');
  });

  it('shows a note or an error under the output', () => {
    const frame = render(<LogPane title="stderr" lines={[]} scroll={0} note="can not reach the agent" error width={40} height={4} />).lastFrame()!;
    expect(frame).toContain('can not reach the agent');
  });

  it('strips colours, control characters and tabs from task output', () => {
    expect(printable('\x1b[31mred\x1b[0m\tok\x07\r')).toBe('red  ok');
  });
});
