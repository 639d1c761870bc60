import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { question } from './actions.js';
import { handleKey, type KeyContext } from './keys.js';
import { initialUi, type UiState } from './ui.js';

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};
const k = (over: Partial<Key>): Key => ({ ...NO_KEY, ...over });
const task = { id: 'web.1', frameworkId: 'f1', agentId: 'a1', framework: 'web', agent: 'alpha', live: true, state: 'TASK_RUNNING' };
const ctx: KeyContext = { rows: 3, page: 4, task, app: { id: '/prod/api', instances: 3 }, job: { name: 'nightly' } };
const press = (ui: UiState, input: string, key: Key = NO_KEY, c: KeyContext = ctx) => handleKey(ui, input, key, c);
const type = (ui: UiState, text: string) => [...text].reduce((u, ch) => press(u, ch).ui, ui);

describe('action keys', () => {
  it('x in Tasks asks to kill the selected live task; y sends the kill intent, n cancels', () => {
    const asked = press(initialUi('tasks'), 'x').ui;
    expect(asked.confirm).toEqual({ kind: 'kill', taskId: 'web.1', frameworkId: 'f1', agentId: 'a1', framework: 'web', agent: 'alpha' });
    expect(question(asked.confirm!)).toBe('Kill task web.1 of web on alpha? [y/N]');
    expect(press(asked, 'y')).toMatchObject({ intent: { type: 'action', action: { kind: 'kill', taskId: 'web.1' } }, ui: { message: { text: 'killing web.1…' } } });
    const no = press(asked, 'n');
    expect([no.intent, no.ui.confirm, no.ui.message?.text]).toEqual([undefined, undefined, 'kill cancelled']);
    expect(press(asked, '', k({ escape: true })).intent).toBeUndefined();
  });

  it('refuses to kill a finished task or nothing', () => {
    const done = { ...ctx, task: { ...task, live: false, state: 'TASK_FINISHED' } };
    const refused = press(initialUi('tasks'), 'x', NO_KEY, done).ui;
    expect([refused.confirm, refused.message]).toEqual([undefined, { text: 'web.1 has already finished (FINISHED)', error: true }]);
    expect(press(initialUi('tasks'), 'x', NO_KEY, { rows: 0, page: 4 }).ui.message).toEqual({ text: 'no task selected', error: true });
  });

  it('s in Apps asks for the instance count, then asks to confirm the scale', () => {
    let ui = press(initialUi('apps'), 's').ui;
    expect(ui.prompt).toEqual({ kind: 'scale', appId: '/prod/api', from: 3, text: '' });
    ui = type(ui, '0512');
    ui = press(ui, '', k({ backspace: true })).ui;
    expect(ui.prompt?.text).toBe('51');
    expect(press(ui, 'q').ui).toMatchObject({ prompt: { text: '51' }, message: { error: true } }); // letters are refused, q does not quit
    expect(press(ui, 'q').intent).toBeUndefined();
    ui = press(ui, '', k({ return: true })).ui;
    expect(ui.prompt).toBeUndefined();
    expect(ui.confirm).toEqual({ kind: 'scale', appId: '/prod/api', from: 3, to: 51 });
    expect(question(ui.confirm!)).toBe('Scale app /prod/api from 3 to 51 instances? [y/N]');
    expect(press(ui, 'y').intent).toEqual({ type: 'action', action: { kind: 'scale', appId: '/prod/api', from: 3, to: 51 } });
  });

  it('the scale prompt: Esc or an empty Enter cancels, the same count changes nothing, a huge one is refused', () => {
    const open = press(initialUi('apps'), 's').ui;
    const outcome = (ui: UiState) => [ui.prompt, ui.confirm, ui.message?.text];
    expect(outcome(press(open, '', k({ escape: true })).ui)).toEqual([undefined, undefined, 'scale cancelled']);
    expect(outcome(press(open, '', k({ return: true })).ui)).toEqual([undefined, undefined, 'scale cancelled']);
    expect(outcome(press(type(open, '3'), '', k({ return: true })).ui)).toEqual([undefined, undefined, '/prod/api already has 3 instances']);
    expect(press(type(open, '0'), '', k({ return: true })).ui.confirm).toEqual({ kind: 'scale', appId: '/prod/api', from: 3, to: 0 });
    expect(press(type(open, '99999'), '', k({ return: true })).ui).toMatchObject({ prompt: { text: '99999' }, message: { error: true } });
  });

  it('r restarts the selected app, and runs the selected job now, each after y', () => {
    const restart = press(initialUi('apps'), 'r').ui.confirm!;
    expect(question(restart)).toBe('Restart app /prod/api (a rolling restart of its 3 instances)? [y/N]');
    const run = press(initialUi('jobs'), 'r').ui.confirm!;
    expect(run).toEqual({ kind: 'run-job', name: 'nightly' });
    expect(question(run)).toBe('Run job nightly now? [y/N]');
    expect(press(initialUi('jobs'), 'r', NO_KEY, { rows: 0, page: 4 }).ui.message).toEqual({ text: 'no job selected', error: true });
    expect(press(initialUi('apps'), 's', NO_KEY, { rows: 0, page: 4 }).ui.message).toEqual({ text: 'no app selected', error: true });
  });
});
