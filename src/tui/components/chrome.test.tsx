import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { ConfirmPrompt } from './ConfirmPrompt.js';
import { HelpBar } from './HelpBar.js';
import { MessageLine } from './MessageLine.js';
import { StatusLine } from './StatusLine.js';
import { TabBar } from './TabBar.js';

const counts = { agents: 3, frameworks: 2, tasks: 10, offers: 4 };

describe('screen chrome', () => {
  it('TabBar names every view with its key, shortening on narrow screens', () => {
    const unavailable = new Set(['apps', 'jobs'] as const);
    expect(render(<TabBar current="tasks" unavailable={unavailable} width={100} />).lastFrame()).toBe(
      'tsmesos top  1 Offers  2 Agents  3 Frameworks  4 Tasks  5 Apps  6 Jobs',
    );
    expect(render(<TabBar current="tasks" unavailable={unavailable} width={60} />).lastFrame()).toBe(
      'tsmesos top  1:Offe  2:Agen  3:Fram  4:Task  5:Apps  6:Jobs',
    );
  });

  it('StatusLine: the master followed and the counts; or the error, hint and countdown while reconnecting', () => {
    const ok = render(<StatusLine connection={{ state: 'connected', url: 'http://m1:5050/api/v1?x_tsmesos_offers=true', since: 0 }} counts={counts} now={0} width={100} />);
    expect(ok.lastFrame()).toBe('● http://m1:5050  3 agents  2 frameworks  10 tasks  4 offers');
    const down = render(
      <StatusLine connection={{ state: 'retrying', error: 'can not reach the master at http://m1:5050', hint: 'is it running?', retryAt: 4_100, since: 0 }} counts={counts} now={1_000} width={100} />,
    );
    expect(down.lastFrame()).toBe('✕ retrying in 4s: can not reach the master at http://m1:5050 (is it running?)');
    expect(render(<StatusLine connection={{ state: 'connecting', url: 'http://m1:5050', since: 0 }} counts={counts} now={0} width={80} />).lastFrame()).toBe(
      '○ connecting to http://m1:5050…',
    );
  });

  it('HelpBar lists keys and is cut, not wrapped, at the edge', () => {
    const keys = [{ key: 'q', label: 'quit' }, { key: '1-6', label: 'views' }, { key: '↑↓', label: 'select' }];
    expect(render(<HelpBar keys={keys} width={80} />).lastFrame()).toBe('q quit  1-6 views  ↑↓ select');
    expect(render(<HelpBar keys={keys} width={12} />).lastFrame()).toBe('q quit  1-6…');
  });

  it('ConfirmPrompt names the framework and the tasks that will be killed; MessageLine shows outcomes', () => {
    const frame = render(<ConfirmPrompt confirm={{ kind: 'teardown', frameworkId: 'fw-1', name: 'web', tasks: 3 }} width={100} />).lastFrame();
    expect(frame).toBe('Tear down framework web (fw-1)? Its 3 tasks will be killed. [y/N]');
    expect(render(<MessageLine message={{ text: 'framework web torn down', error: false }} width={80} />).lastFrame()).toBe('framework web torn down');
    expect(render(<MessageLine width={80} />).lastFrame()?.trim()).toBe('');
  });
});
