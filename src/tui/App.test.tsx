import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import type { OperatorEvent } from '../client/operator-types.js';
import type { WatchStatus } from '../client/operator-watch.js';
import { App } from './App.js';
import type { KillTarget, TopServices } from './services.js';
import { agent, ev, framework, offer, task } from './state/events.test-helpers.js';

const T0 = 1_700_000_000_000;

/** Scripted services: the test plays the master's stream and records the actions taken. */
function fake(teardownError?: Error) {
  let handlers: { onEvent: (e: OperatorEvent) => void; onStatus: (s: WatchStatus) => void } | undefined;
  const calls = { teardown: [] as string[], kill: [] as KillTarget[], follow: [] as string[], stopped: 0 };
  const services: TopServices = {
    watch(h) {
      handlers = h;
      return () => void calls.stopped++;
    },
    async teardown(id) {
      calls.teardown.push(id);
      if (teardownError) throw teardownError;
    },
    async killTask(target) {
      calls.kill.push(target);
      if (teardownError) throw teardownError;
    },
    async followOutput(target, sink, signal) {
      calls.follow.push(`${target.taskId}/${target.file}`);
      sink.data(Buffer.from(`first ${target.file} line\nsecond li`));
      sink.data(Buffer.from('ne\n'));
      sink.note('/sandbox/stdout on alpha');
      await new Promise((r) => signal.addEventListener('abort', r));
    },
  };
  return {
    services,
    calls,
    play: (...events: OperatorEvent[]) => events.forEach((e) => handlers!.onEvent(e)),
    status: (s: WatchStatus) => handlers!.onStatus(s),
  };
}

const cluster = [
  ev.subscribed([agent('a1', 'alpha')], [framework('fw-1', 'web')], [task('fw-1', 'web.1', 'a1')]),
  ev.offer('SENT', offer('offer-9', 'fw-1', 'a1', 'cpus:3;mem:3072', 'alpha')),
];

function start(f = fake()) {
  const app = render(<App services={f.services} refreshMs={5} size={{ columns: 80, rows: 14 }} clock={() => T0} />);
  const frame = () => app.lastFrame() ?? '';
  const until = (text: string | RegExp) => vi.waitFor(() => expect(frame()).toMatch(text), { timeout: 2000 });
  const press = async (keys: string, expected: string | RegExp) => {
    app.stdin.write(keys);
    await until(expected);
  };
  return { ...app, f, frame, until, press };
}

describe('App', () => {
  it('waits for the first snapshot, then shows the Offers view with the stream status', async () => {
    const t = start();
    expect(t.frame()).toContain("waiting for the master's first snapshot");
    t.f.status({ state: 'connected', url: 'http://m1:5050/api/v1?x_tsmesos_offers=true' });
    t.f.play(...cluster);
    await t.until('SENT');
    const lines = t.frame().split('\n');
    expect(lines[0]).toBe('tsmesos top  1 Offers  2 Agents  3 Frameworks  4 Tasks  5 Apps  6 Jobs');
    expect(lines[1]).toBe('● http://m1:5050  1 agents  1 frameworks  1 tasks  1 offers');
    expect(t.frame()).toMatch(/0s +SENT +web +alpha +\* +cpus 3 mem 3G/);
    expect(lines.at(-1)).toMatch(/^q quit +1-6\/Tab views/);
    expect(lines).toHaveLength(13); // one line short of the terminal, so nothing scrolls
    t.unmount();
    expect(t.f.calls.stopped).toBe(1);
  });

  it('switches views with digits and Tab; Apps and Jobs say they are not configured', async () => {
    const t = start();
    t.f.play(...cluster);
    await t.until('SENT');
    await t.press('2', /alpha +active/);
    await t.press('\t', /web +fw-1/);
    await t.press('4', /web\.1 +RUNNING +web +alpha/);
    await t.press('5', 'Apps: not configured');
    await t.press('6', 'Jobs: not configured');
  });

  it('tears a framework down only after y, and reports the outcome', async () => {
    const t = start();
    t.f.play(...cluster);
    await t.until('SENT');
    await t.press('3', /web +fw-1/);
    await t.press('x', 'Tear down framework web (fw-1)? Its 1 task will be killed. [y/N]');
    expect(t.frame()).toMatch(/y tear down +n\/Esc cancel/);
    await t.press('n', 'teardown cancelled');
    expect(t.f.calls.teardown).toEqual([]);
    await t.press('x', '[y/N]');
    await t.press('y', 'framework web (fw-1) torn down');
    expect(t.f.calls.teardown).toEqual(['fw-1']);
    t.f.play(ev.frameworkRemoved('fw-1', 'web'), ev.taskUpdated('fw-1', 'web.1', 'TASK_KILLED'));
    await t.until('no frameworks subscribed');
    await t.press('4', /web\.1 +KILLED/);
  });

  it('shows why a teardown failed', async () => {
    const t = start(fake(Object.assign(new Error('No framework found with specified ID'), { hint: 'list them first' })));
    t.f.play(...cluster);
    await t.until('SENT');
    await t.press('3', /web +fw-1/);
    await t.press('x', '[y/N]');
    await t.press('y', 'teardown of web failed: No framework found with specified ID (list them first)');
  });

  it('filters tasks as you type and opens the selected task output in a following pane', async () => {
    const t = start();
    t.f.play(...cluster, ev.taskAdded(task('fw-1', 'worker.2', 'a1', 'TASK_STAGING')));
    await t.until('SENT');
    await t.press('4', 'worker.2');
    await t.press('/work', /\/work█.*1 match/);
    expect(t.frame()).not.toContain('web.1');
    await t.press('\r', /filter: work/);
    await t.press('o', 'stdout of worker.2 on alpha (STAGING) — following');
    await t.until(/first stdout line\nsecond line/);
    expect(t.frame()).toContain('/sandbox/stdout on alpha');
    await t.press('s', 'first stderr line');
    expect(t.f.calls.follow).toEqual(['worker.2/stdout', 'worker.2/stderr']);
    await t.press('q', /filter: work/); // q closes the pane, not the app
  });

  it('shows the reconnect reason and countdown while the stream is down', async () => {
    const t = start();
    t.f.status({ state: 'retrying', error: 'can not reach the master at http://m1:5050', hint: 'is it running?', retryInMs: 3000, attempt: 2 });
    await t.until('✕ retrying in 3s: can not reach the master at http://m1:5050 (is it running?)');
  });
});

describe('App: killing a task', () => {
  it('kills the selected task after y, says so, and shows it KILLED when the stream says so', async () => {
    const t = start();
    t.f.play(...cluster);
    await t.until('SENT');
    await t.press('4', /web\.1 +RUNNING/);
    expect(t.frame()).toMatch(/x kill/);
    await t.press('x', 'Kill task web.1 of web on alpha? [y/N]');
    expect(t.frame()).toMatch(/y kill +n\/Esc cancel/);
    await t.press('n', 'kill cancelled');
    expect(t.f.calls.kill).toEqual([]);
    await t.press('x', '[y/N]');
    await t.press('y', 'kill of web.1 sent to alpha');
    expect(t.f.calls.kill).toEqual([{ taskId: 'web.1', frameworkId: 'fw-1', agentId: 'a1' }]);
    t.f.play(ev.taskUpdated('fw-1', 'web.1', 'TASK_KILLED'));
    await t.until(/web\.1 +KILLED/);
    await t.press('x', 'web.1 has already finished (KILLED)');
  });

  it('shows why a kill failed', async () => {
    const t = start(fake(new Error("Task 'web.1' has already finished (TASK_FINISHED)")));
    t.f.play(...cluster);
    await t.until('SENT');
    await t.press('4', /web\.1 +RUNNING/);
    await t.press('x', '[y/N]');
    await t.press('y', "kill of web.1 failed: Task 'web.1' has already finished (TASK_FINISHED)");
  });
});
