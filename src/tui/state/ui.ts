/**
 * The screen's own state (which view, which row, the task filter, an open confirmation, number
 * prompt or log pane), separate from the cluster state so each reducer stays small. Pure: `keys.ts`
 * turns key presses into new `UiState`s, and the App turns intents (quit, actions) into effects.
 */
import type { Action } from './actions.js';

export type ViewName = 'offers' | 'agents' | 'frameworks' | 'tasks' | 'apps' | 'jobs';

export interface ViewInfo {
  name: ViewName;
  title: string;
  /** The digit that selects it. */
  key: string;
}

export const VIEWS: readonly ViewInfo[] = [
  { name: 'offers', title: 'Offers', key: '1' },
  { name: 'agents', title: 'Agents', key: '2' },
  { name: 'frameworks', title: 'Frameworks', key: '3' },
  { name: 'tasks', title: 'Tasks', key: '4' },
  { name: 'apps', title: 'Apps', key: '5' },
  { name: 'jobs', title: 'Jobs', key: '6' },
];

export type SandboxFile = 'stdout' | 'stderr';

/** An action waiting for its y/N answer. */
export type Confirm = Action;

/** Typing a number before a question: the new instance count of an app (`s` in the Apps view). */
export interface Prompt {
  kind: 'scale';
  appId: string;
  from: number;
  text: string;
}

export interface Pane {
  frameworkId: string;
  taskId: string;
  file: SandboxFile;
  /** Lines scrolled up from the newest; 0 follows new output. */
  scroll: number;
}

export interface Message {
  text: string;
  error: boolean;
}

export interface UiState {
  view: ViewName;
  /** Selected row index per view (clamped to the rows at render time). */
  selected: Readonly<Record<ViewName, number>>;
  filter: string;
  /** Typing into the filter after `/`. */
  filtering: boolean;
  confirm?: Confirm;
  prompt?: Prompt;
  pane?: Pane;
  message?: Message;
}

export function initialUi(view: ViewName = 'offers'): UiState {
  return { view, selected: { offers: 0, agents: 0, frameworks: 0, tasks: 0, apps: 0, jobs: 0 }, filter: '', filtering: false };
}

/** The selected index for `rows` rows: the stored one, clamped (rows come and go under it). */
export function selectedIndex(ui: UiState, rows: number): number {
  return rows === 0 ? -1 : Math.min(Math.max(0, ui.selected[ui.view]), rows - 1);
}

export function withSelected(ui: UiState, index: number): UiState {
  return { ...ui, selected: { ...ui.selected, [ui.view]: Math.max(0, index) } };
}

export function switchView(ui: UiState, step: number): UiState {
  const at = VIEWS.findIndex((v) => v.name === ui.view);
  const next = VIEWS[(at + step + VIEWS.length) % VIEWS.length]!;
  return { ...ui, view: next.name, filtering: false, message: undefined };
}
