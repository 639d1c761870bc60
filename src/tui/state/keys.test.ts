import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { handleInput, handleKey, type KeyContext } from './keys.js';
import { initialUi, type UiState } from './ui.js';

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};
const k = (over: Partial<Key>): Key => ({ ...NO_KEY, ...over });
const ctx: KeyContext = {
  rows: 10,
  page: 4,
  framework: { id: 'f1', name: 'web', tasks: 2 },
  task: { id: 't1', frameworkId: 'f1', agentId: 'a1', framework: 'web', agent: 'alpha', live: true, state: 'TASK_RUNNING' },
};
const press = (ui: UiState, input: string, key: Key = NO_KEY, c: KeyContext = ctx) => handleKey(ui, input, key, c);

describe('handleKey', () => {
  it('switches views by digit, Tab and arrows, and quits on q or Ctrl-C', () => {
    const ui = initialUi();
    expect(press(ui, '4').ui.view).toBe('tasks');
    expect(press(ui, '', k({ tab: true })).ui.view).toBe('agents');
    expect(press(ui, '', k({ tab: true, shift: true })).ui.view).toBe('jobs');
    expect(press(ui, '', k({ leftArrow: true })).ui.view).toBe('jobs');
    expect(press(ui, 'q').intent).toEqual({ type: 'quit' });
    expect(press(ui, 'c', k({ ctrl: true })).intent).toEqual({ type: 'quit' });
  });

  it('moves the selection within the rows: arrows, j/k, pages, Home/End', () => {
    let ui = initialUi('agents');
    ui = press(ui, '', k({ downArrow: true })).ui;
    ui = press(ui, 'j').ui;
    expect(ui.selected.agents).toBe(2);
    ui = press(ui, '', k({ pageDown: true })).ui;
    expect(ui.selected.agents).toBe(6);
    ui = press(ui, 'G').ui;
    expect(ui.selected.agents).toBe(9);
    ui = press(ui, '', k({ downArrow: true })).ui;
    expect(ui.selected.agents).toBe(9);
    ui = press(ui, 'g').ui;
    expect(ui.selected.agents).toBe(0);
    expect(ui.selected.tasks).toBe(0); // each view keeps its own selection
  });

  it('asks before a teardown; only y confirms', () => {
    const asked = press(initialUi('frameworks'), 'x').ui;
    expect(asked.confirm).toEqual({ kind: 'teardown', frameworkId: 'f1', name: 'web', tasks: 2 });
    expect(press(asked, 'q').intent).toBeUndefined(); // q answers the question (no), it does not quit
    const no = press(asked, 'n');
    expect([no.ui.confirm, no.intent, no.ui.message?.text]).toEqual([undefined, undefined, 'teardown cancelled']);
    const yes = press(asked, 'y');
    expect(yes.intent).toEqual({ type: 'action', action: { kind: 'teardown', frameworkId: 'f1', name: 'web', tasks: 2 } });
    expect(yes.ui.message?.text).toBe('tearing down web…');
    expect(yes.ui.confirm).toBeUndefined();
    expect(press(initialUi('frameworks'), 'x', NO_KEY, { rows: 0, page: 4 }).ui.message).toEqual({ text: 'no framework selected', error: true });
    expect(press(initialUi('agents'), 'x').ui.confirm).toBeUndefined(); // x means nothing there
  });

  it('filters tasks by typing after /; Enter keeps the filter, Esc clears it', () => {
    let ui = press(initialUi('tasks'), '/').ui;
    expect(ui.filtering).toBe(true);
    for (const ch of 'wxb') ui = press(ui, ch).ui;
    ui = press(ui, '', k({ backspace: true })).ui;
    expect(ui.filter).toBe('wx');
    expect(press(ui, 'q').intent).toBeUndefined(); // a letter while typing
    ui = press(ui, '', k({ return: true })).ui;
    expect([ui.filter, ui.filtering]).toEqual(['wx', false]);
    ui = press(ui, '', k({ escape: true })).ui;
    expect(ui.filter).toBe('');
  });

  it('applies pasted text one character at a time', () => {
    const r = handleInput(initialUi('tasks'), '/web', NO_KEY, ctx);
    expect([r.ui.filtering, r.ui.filter]).toEqual([true, 'web']);
    expect(handleInput(initialUi(), '4q', NO_KEY, ctx)).toMatchObject({ ui: { view: 'tasks' }, intent: { type: 'quit' } });
  });

  it('opens a task pane and scrolls, follows, switches file and closes it', () => {
    let ui = press(initialUi('tasks'), '', k({ return: true })).ui;
    expect(ui.pane).toEqual({ frameworkId: 'f1', taskId: 't1', file: 'stdout', scroll: 0 });
    ui = press(ui, '', k({ upArrow: true })).ui;
    ui = press(ui, '', k({ pageUp: true })).ui;
    expect(ui.pane?.scroll).toBe(5);
    ui = press(ui, 'f').ui;
    expect(ui.pane?.scroll).toBe(0);
    ui = press(ui, 's').ui;
    expect(ui.pane?.file).toBe('stderr');
    expect(press(ui, '1').ui).toMatchObject({ view: 'tasks', pane: { file: 'stderr' } }); // digits do not leave the pane
    expect(press(ui, '', k({ escape: true })).ui.pane).toBeUndefined();
    expect(press(initialUi('tasks'), 'e').ui.pane?.file).toBe('stderr');
    expect(press(initialUi('tasks'), 'o', NO_KEY, { rows: 0, page: 4 }).ui.message?.text).toBe('no task selected');
  });
});
