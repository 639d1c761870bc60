/**
 * The keys the help bar lists: exactly the ones `keys.ts` acts on in the current mode and view,
 * most useful first (the bar is cut at the screen edge on an 80-column terminal).
 */
import type { KeyHelp } from '../components/HelpBar.js';
import { verb } from './actions.js';
import type { UiState } from './ui.js';

export function helpKeys(ui: UiState): KeyHelp[] {
  if (ui.confirm) return [{ key: 'y', label: verb(ui.confirm) }, { key: 'n/Esc', label: 'cancel' }];
  if (ui.prompt) return [{ key: '0-9', label: 'instances' }, { key: 'Enter', label: 'next' }, { key: 'Esc', label: 'cancel' }];
  if (ui.pane) {
    return [
      { key: 'Esc/q', label: 'close' },
      { key: '↑↓ PgUp/PgDn', label: 'scroll' },
      { key: 'End/f', label: 'follow' },
      { key: 's', label: ui.pane.file === 'stdout' ? 'stderr' : 'stdout' },
      { key: 'Home', label: 'top' },
    ];
  }
  if (ui.filtering) return [{ key: 'type', label: 'filter' }, { key: 'Enter', label: 'keep' }, { key: 'Esc', label: 'clear' }, { key: '↑↓', label: 'select' }];
  const byView: Record<string, KeyHelp[]> = {
    frameworks: [{ key: 'x', label: 'tear down' }],
    tasks: [{ key: '/', label: 'filter' }, { key: 'x', label: 'kill' }, { key: 'Enter/o', label: 'stdout' }, { key: 'e', label: 'stderr' }],
    apps: [{ key: 's', label: 'scale' }, { key: 'r', label: 'restart' }],
    jobs: [{ key: 'r', label: 'run now' }],
  };
  return [
    { key: 'q', label: 'quit' },
    ...(byView[ui.view] ?? []),
    { key: '1-6/Tab', label: 'views' },
    { key: '↑↓', label: 'select' },
    { key: 'PgUp/PgDn', label: 'page' },
  ];
}
