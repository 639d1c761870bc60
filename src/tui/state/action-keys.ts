/**
 * The keys that start an action (see actions.ts), and the two modes they open: typing an instance
 * count, and the y/N question. Pure, like keys.ts: a key press in, a new screen state and maybe an
 * intent out. Only `y` confirms; anything else cancels, so a stray key never changes the cluster.
 */
import type { Key } from 'ink';
import { type Action, cancelled, progress } from './actions.js';
import type { UiState } from './ui.js';

export type Intent = { type: 'quit' } | { type: 'action'; action: Action };

export interface KeyResult {
  ui: UiState;
  intent?: Intent;
}

/** What is selected in the current view, as far as the actions need to know. */
export interface Selection {
  framework?: { id: string; name: string; tasks: number };
  task?: { id: string; frameworkId: string; agentId: string; framework: string; agent: string; live: boolean; state: string };
  app?: { id: string; instances: number };
  job?: { name: string };
}

/** Instance counts above this are almost certainly a typo (Marathon itself has no limit). */
export const MAX_INSTANCES = 10_000;

const error = (ui: UiState, text: string): KeyResult => ({ ui: { ...ui, message: { text, error: true } } });
const ask = (ui: UiState, action: Action): KeyResult => ({ ui: { ...ui, message: undefined, confirm: action } });

/** `x` tears down / kills, `s` scales, `r` restarts or runs, per view; undefined when the key is not one. */
export function actionKey(ui: UiState, input: string, sel: Selection): KeyResult | undefined {
  if (ui.view === 'frameworks' && input === 'x') {
    if (!sel.framework) return error(ui, 'no framework selected');
    const { id, name, tasks } = sel.framework;
    return ask(ui, { kind: 'teardown', frameworkId: id, name, tasks });
  }
  if (ui.view === 'tasks' && input === 'x') {
    const t = sel.task;
    if (!t) return error(ui, 'no task selected');
    if (!t.live) return error(ui, `${t.id} has already finished (${t.state.replace(/^TASK_/, '')})`);
    return ask(ui, { kind: 'kill', taskId: t.id, frameworkId: t.frameworkId, agentId: t.agentId, framework: t.framework, agent: t.agent });
  }
  if (ui.view === 'apps' && (input === 's' || input === 'r')) {
    if (!sel.app) return error(ui, 'no app selected');
    const { id, instances } = sel.app;
    if (input === 'r') return ask(ui, { kind: 'restart', appId: id, instances });
    return { ui: { ...ui, message: undefined, prompt: { kind: 'scale', appId: id, from: instances, text: '' } } };
  }
  if (ui.view === 'jobs' && input === 'r') {
    if (!sel.job) return error(ui, 'no job selected');
    return ask(ui, { kind: 'run-job', name: sel.job.name });
  }
  return undefined;
}

/** Typing the new instance count: digits, Backspace, Enter asks the question, Esc cancels. */
export function promptKey(ui: UiState, input: string, key: Key): KeyResult {
  const p = ui.prompt!;
  const rest = { ...ui, prompt: undefined };
  if (key.escape) return { ui: { ...rest, message: { text: 'scale cancelled', error: false } } };
  if (key.backspace || key.delete) return { ui: { ...ui, prompt: { ...p, text: p.text.slice(0, -1) } } };
  if (key.return) {
    if (p.text === '') return { ui: { ...rest, message: { text: 'scale cancelled', error: false } } };
    const to = Number(p.text);
    if (to > MAX_INSTANCES) return error(ui, `${to} instances is more than ${MAX_INSTANCES}; type a smaller number`);
    if (to === p.from) return { ui: { ...rest, message: { text: `${p.appId} already has ${to} instance${to === 1 ? '' : 's'}`, error: false } } };
    return ask(rest, { kind: 'scale', appId: p.appId, from: p.from, to });
  }
  if (/^[0-9]$/.test(input) && p.text.length < 6) return { ui: { ...ui, message: undefined, prompt: { ...p, text: (p.text + input).replace(/^0+(?=\d)/, '') } } };
  return error(ui, 'type the number of instances, then Enter (Esc cancels)');
}

/** The y/N answer. */
export function confirmKey(ui: UiState, input: string): KeyResult {
  const action = ui.confirm!;
  const rest = { ...ui, confirm: undefined };
  if (input === 'y' || input === 'Y') return { ui: { ...rest, message: { text: progress(action), error: false } }, intent: { type: 'action', action } };
  return { ui: { ...rest, message: { text: cancelled(action), error: false } } };
}
