/**
 * Key bindings of `tsmesos top`, as a pure function from (screen state, key press, what is
 * selected) to a new screen state plus an intent for the App to carry out. Modes are checked in
 * order: confirmation, number prompt, log pane, filter typing, then the per-view and global keys,
 * so a `q` typed into the filter is a letter, and a `q` in the log pane closes the pane.
 */
import type { Key } from 'ink';
import { type KeyResult, type Selection, actionKey, confirmKey, promptKey } from './action-keys.js';
import { type SandboxFile, type UiState, VIEWS, selectedIndex, switchView, withSelected } from './ui.js';

export type { Intent, KeyResult } from './action-keys.js';

export interface KeyContext extends Selection {
  /** Rows of the current view (after the filter). */
  rows: number;
  /** Rows that fit on one page, for PgUp/PgDn. */
  page: number;
}

/**
 * Several characters can arrive in one read (a paste, a fast typist, `tmux send-keys`); plain
 * text is applied one character at a time so `/web` means "filter, then w, e, b".
 */
export function handleInput(ui: UiState, input: string, key: Key, ctx: KeyContext): KeyResult {
  const chars = [...input];
  const plain = chars.length > 1 && !key.ctrl && !key.meta && !key.escape && !/[\x00-\x1f]/.test(input);
  if (!plain) return handleKey(ui, input, key, ctx);
  let result: KeyResult = { ui };
  for (const ch of chars) {
    result = handleKey(result.ui, ch, key, ctx);
    if (result.intent) return result;
  }
  return result;
}

export function handleKey(ui: UiState, input: string, key: Key, ctx: KeyContext): KeyResult {
  if (key.ctrl && input === 'c') return { ui, intent: { type: 'quit' } };
  if (ui.confirm) return confirmKey(ui, input);
  if (ui.prompt) return promptKey(ui, input, key);
  if (ui.pane) return { ui: paneKey(ui, input, key, ctx.page) };
  if (ui.filtering) return { ui: filterKey(ui, input, key, ctx) };
  const moved = moveKey(ui, input, key, ctx);
  if (moved) return { ui: moved };
  if (input === 'q') return { ui, intent: { type: 'quit' } };
  const view = VIEWS.find((v) => v.key === input);
  if (view) return { ui: { ...ui, view: view.name, filtering: false, message: undefined } };
  if (key.tab || key.rightArrow) return { ui: switchView(ui, key.shift ? -1 : 1) };
  if (key.leftArrow) return { ui: switchView(ui, -1) };
  const action = actionKey(ui, input, ctx);
  if (action) return action;
  if (ui.view === 'tasks') return { ui: tasksKey(ui, input, key, ctx) };
  return { ui };
}

function moveKey(ui: UiState, input: string, key: Key, ctx: KeyContext): UiState | undefined {
  const at = Math.max(0, selectedIndex(ui, ctx.rows));
  const last = Math.max(0, ctx.rows - 1);
  let to: number | undefined;
  if (key.upArrow || input === 'k') to = at - 1;
  else if (key.downArrow || input === 'j') to = at + 1;
  else if (key.pageUp) to = at - ctx.page;
  else if (key.pageDown) to = at + ctx.page;
  else if (key.home || input === 'g') to = 0;
  else if (key.end || input === 'G') to = last;
  return to === undefined ? undefined : withSelected(ui, Math.min(Math.max(0, to), last));
}

function tasksKey(ui: UiState, input: string, key: Key, ctx: KeyContext): UiState {
  if (input === '/') return { ...ui, filtering: true, message: undefined };
  if (key.escape) return withSelected({ ...ui, filter: '' }, 0);
  const file: SandboxFile | undefined = key.return || input === 'o' ? 'stdout' : input === 'e' ? 'stderr' : undefined;
  if (!file) return ui;
  if (!ctx.task) return { ...ui, message: { text: 'no task selected', error: true } };
  return { ...ui, message: undefined, pane: { frameworkId: ctx.task.frameworkId, taskId: ctx.task.id, file, scroll: 0 } };
}

function filterKey(ui: UiState, input: string, key: Key, ctx: KeyContext): UiState {
  if (key.escape) return withSelected({ ...ui, filter: '', filtering: false }, 0);
  if (key.return) return { ...ui, filtering: false };
  if (key.upArrow || key.downArrow || key.pageUp || key.pageDown) return moveKey(ui, '', key, ctx) ?? ui;
  if (key.backspace || key.delete) return withSelected({ ...ui, filter: [...ui.filter].slice(0, -1).join('') }, 0);
  if (key.ctrl || key.meta || input === '' || /[\x00-\x1f]/.test(input)) return ui;
  return withSelected({ ...ui, filter: ui.filter + input }, 0);
}

/** In the pane, arrows scroll the output; End or `f` follows again; `s` switches stdout/stderr. */
function paneKey(ui: UiState, input: string, key: Key, page: number): UiState {
  const pane = ui.pane!;
  const scroll = (n: number) => ({ ...ui, pane: { ...pane, scroll: Math.max(0, n) } });
  if (key.escape || input === 'q') return { ...ui, pane: undefined };
  if (key.upArrow || input === 'k') return scroll(pane.scroll + 1);
  if (key.downArrow || input === 'j') return scroll(pane.scroll - 1);
  if (key.pageUp) return scroll(pane.scroll + page);
  if (key.pageDown) return scroll(pane.scroll - page);
  if (key.home || input === 'g') return scroll(Number.MAX_SAFE_INTEGER);
  if (key.end || input === 'G' || input === 'f') return scroll(0);
  if (input === 's') return { ...ui, pane: { ...pane, file: pane.file === 'stdout' ? 'stderr' : 'stdout', scroll: 0 } };
  return ui;
}
