/**
 * The middle of the screen: the current view, or the log pane of a task when one is open. A
 * plain switch over props, so the App's layout stays readable and each view stays pure.
 */
import { Box, Text } from 'ink';
import type { TaskOutput } from '../hooks/use-task-output.js';
import { LogPane } from '../components/LogPane.js';
import { rateSeries } from '../state/offers.js';
import type { AgentRow, FrameworkRow, OfferRow, TaskRow } from '../state/selectors.js';
import type { TopState } from '../state/types.js';
import type { UiState } from '../state/ui.js';
import { AgentsView } from './AgentsView.js';
import { FrameworksView } from './FrameworksView.js';
import { OffersView } from './OffersView.js';
import { TasksView } from './TasksView.js';
import { UnavailableView } from './UnavailableView.js';

export interface BodyProps {
  ui: UiState;
  state: TopState;
  data: { offers: OfferRow[]; agents: AgentRow[]; frameworks: FrameworkRow[]; tasks: TaskRow[] };
  output: TaskOutput;
  now: number;
  selected: number;
  width: number;
  height: number;
}

export function Body({ ui, state, data, output, now, selected, width, height }: BodyProps) {
  if (ui.pane) {
    const task = state.tasks.get(`${ui.pane.frameworkId}/${ui.pane.taskId}`);
    const where = task ? ` on ${state.agents.get(task.agentId)?.hostname ?? task.agentId} (${task.state.replace(/^TASK_/, '')})` : '';
    return (
      <LogPane
        title={`${ui.pane.file} of ${ui.pane.taskId}${where}`}
        lines={output.lines}
        scroll={ui.pane.scroll}
        note={output.note}
        error={output.error}
        width={width}
        height={height}
      />
    );
  }
  if (!state.synced) {
    return (
      <Box width={width} height={height} paddingLeft={2} paddingTop={1}>
        <Text dimColor>waiting for the master's first snapshot…</Text>
      </Box>
    );
  }
  const common = { width, height, selected };
  switch (ui.view) {
    case 'offers':
      return <OffersView {...common} rows={data.offers} held={state.offers.open.size} totals={state.offers.totals} rate={rateSeries(state.offers, now, 60)} />;
    case 'agents':
      return <AgentsView {...common} rows={data.agents} />;
    case 'frameworks':
      return <FrameworksView {...common} rows={data.frameworks} />;
    case 'tasks':
      return <TasksView {...common} rows={data.tasks} filter={ui.filter} filtering={ui.filtering} />;
    case 'apps':
      return <UnavailableView title="Apps" source="Marathon apps" width={width} height={height} />;
    case 'jobs':
      return <UnavailableView title="Jobs" source="Chronos jobs" width={width} height={height} />;
  }
}
