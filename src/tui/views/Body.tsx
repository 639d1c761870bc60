/**
 * The middle of the screen: the current view, or the log pane of a task when one is open. A
 * plain switch over props, so the App's layout stays readable and each view stays pure.
 */
import { Box, Text } from 'ink';
import type { ServiceFeed } from '../hooks/use-service-feeds.js';
import type { TaskOutput } from '../hooks/use-task-output.js';
import { LogPane } from '../components/LogPane.js';
import { rateSeries } from '../state/offers.js';
import type { AppRow, JobRow } from '../state/service-rows.js';
import type { TopState } from '../state/types.js';
import type { MasterRows } from '../state/view-rows.js';
import type { UiState } from '../state/ui.js';
import { AgentsView } from './AgentsView.js';
import { AppsView } from './AppsView.js';
import { FrameworksView } from './FrameworksView.js';
import { JobsView } from './JobsView.js';
import { OffersView } from './OffersView.js';
import { TasksView } from './TasksView.js';
import { UnavailableView } from './UnavailableView.js';

export interface BodyProps {
  ui: UiState;
  state: TopState;
  /** The rows of the master view on screen (state/view-rows.ts). */
  data: MasterRows;
  /** Marathon's apps and Chronos's jobs; absent when not configured. */
  apps?: ServiceFeed<AppRow>;
  jobs?: ServiceFeed<JobRow>;
  output: TaskOutput;
  now: number;
  selected: number;
  width: number;
  height: number;
}

export function Body({ ui, state, data, apps, jobs, output, now, selected, width, height }: BodyProps) {
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
  const common = { width, height, selected, now };
  if (ui.view === 'apps') {
    if (!apps) return <UnavailableView title="Apps" source="Marathon apps" option="--marathon" width={width} height={height} />;
    return <AppsView {...common} url={apps.url} feed={apps.feed} rows={apps.rows} />;
  }
  if (ui.view === 'jobs') {
    if (!jobs) return <UnavailableView title="Jobs" source="Chronos jobs" option="--chronos" width={width} height={height} />;
    return <JobsView {...common} url={jobs.url} feed={jobs.feed} rows={jobs.rows} />;
  }
  if (!state.synced) {
    return (
      <Box width={width} height={height} paddingLeft={2} paddingTop={1}>
        <Text dimColor>waiting for the master's first snapshot…</Text>
      </Box>
    );
  }
  switch (ui.view) {
    case 'offers':
      return <OffersView width={width} height={height} selected={selected} rows={data.offers} held={state.offers.open.size} totals={state.offers.totals} rate={rateSeries(state.offers, now, 60)} />;
    case 'agents':
      return <AgentsView width={width} height={height} selected={selected} rows={data.agents} />;
    case 'frameworks':
      return <FrameworksView width={width} height={height} selected={selected} rows={data.frameworks} />;
    case 'tasks':
      return <TasksView width={width} height={height} selected={selected} rows={data.tasks} filter={ui.filter} filtering={ui.filtering} />;
  }
}
