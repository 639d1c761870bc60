/**
 * The rows of the master's views, computed for the view on screen only: with ten thousand tasks,
 * building and sorting the Tasks rows on every batch while the Offers view is shown was most of
 * top's CPU (bench/tui). The other views get empty lists until they are shown.
 */
import { type AgentRow, type FrameworkRow, type OfferRow, type TaskRow, agentRows, frameworkRows, offerRows, taskRows, usage } from './selectors.js';
import type { TopState } from './types.js';
import type { ViewName } from './ui.js';

export interface MasterRows {
  offers: OfferRow[];
  agents: AgentRow[];
  frameworks: FrameworkRow[];
  tasks: TaskRow[];
}

const NONE: MasterRows = { offers: [], agents: [], frameworks: [], tasks: [] };

/** Usage (summed over every live task) is only computed for the views that show it. */
export function masterRows(view: ViewName, state: TopState, now: number, filter: string): MasterRows {
  switch (view) {
    case 'offers':
      return { ...NONE, offers: offerRows(state, now) };
    case 'agents':
      return { ...NONE, agents: agentRows(state, usage(state)) };
    case 'frameworks':
      return { ...NONE, frameworks: frameworkRows(state, usage(state)) };
    case 'tasks':
      return { ...NONE, tasks: taskRows(state, filter) };
    default:
      return NONE;
  }
}
