/**
 * Tasks view: every task the master knows, live ones first, with state, agent, resources and
 * health; `/` filters by typing (id, name, state, framework or agent), Enter opens its stdout.
 */
import { Box, Text } from 'ink';
import { truncate } from '../../cli/output/table.js';
import { Table, type TableColumn } from '../components/Table.js';
import { formatAmount } from '../state/resources.js';
import type { TaskRow } from '../state/selectors.js';

export interface TasksViewProps {
  rows: readonly TaskRow[];
  filter: string;
  filtering: boolean;
  width: number;
  height: number;
  selected: number;
}

const STATE_COLOR: Record<string, string> = {
  TASK_RUNNING: 'green',
  TASK_STAGING: 'yellow',
  TASK_STARTING: 'yellow',
  TASK_KILLING: 'yellow',
  TASK_FAILED: 'red',
  TASK_ERROR: 'red',
  TASK_LOST: 'red',
  TASK_DROPPED: 'red',
  TASK_UNREACHABLE: 'red',
  TASK_KILLED: 'magenta',
};

export function health(t: TaskRow): string {
  return t.healthy === undefined ? '-' : t.healthy ? 'healthy' : 'unhealthy';
}

export function taskColumns(width: number): Array<TableColumn<TaskRow>> {
  const cols: Array<TableColumn<TaskRow>> = [
    { header: 'ID', cell: (t) => t.id, cut: 'middle' },
    { header: 'STATE', cell: (t) => t.state.replace(/^TASK_/, ''), color: (t) => STATE_COLOR[t.state] },
    { header: 'FRAMEWORK', cell: (t) => t.framework, cut: 'middle' },
    { header: 'AGENT', cell: (t) => t.agent },
    { header: 'CPUS', align: 'right', cell: (t) => formatAmount('cpus', t.resources.cpus) },
    { header: 'MEM', align: 'right', cell: (t) => formatAmount('mem', t.resources.mem) },
    { header: 'HEALTH', cell: health, color: (t) => (t.healthy === false ? 'red' : t.healthy ? 'green' : undefined) },
  ];
  if (width >= 110) cols.splice(1, 0, { header: 'NAME', cell: (t) => t.name });
  return cols;
}

export function TasksView({ rows, filter, filtering, width, height, selected }: TasksViewProps) {
  const hasFilter = filtering || filter !== '';
  const filterLine = filtering ? `/${filter}█  (Enter keeps, Esc clears)` : `filter: ${filter}  (/ edits, Esc clears)`;
  return (
    <Box flexDirection="column" width={width} height={height}>
      {hasFilter && (
        <Text color="cyan" wrap="truncate">
          {truncate(`${filterLine}  ${rows.length} match${rows.length === 1 ? '' : 'es'}`, width)}
        </Text>
      )}
      <Table
        columns={taskColumns(width)}
        rows={rows}
        rowKey={(t) => t.key}
        width={width}
        height={height - (hasFilter ? 1 : 0)}
        selected={selected}
        empty={filter ? `no task matches "${filter}"` : 'no tasks'}
        dim={(t) => !t.live}
      />
    </Box>
  );
}
