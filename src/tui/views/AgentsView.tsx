/**
 * Agents view: each agent's resources in use against its total as bars (usage is summed from its
 * live tasks, since the stream carries no per-agent usage updates), its state, attributes and the
 * offers outstanding on it.
 */
import { Box } from 'ink';
import { Table, type TableColumn } from '../components/Table.js';
import { barText, loadColor } from '../components/layout.js';
import { formatAmount } from '../state/resources.js';
import type { AgentRow } from '../state/selectors.js';

export interface AgentsViewProps {
  rows: readonly AgentRow[];
  width: number;
  height: number;
  selected: number;
}

/** `████░░ 2/4` for one resource of one agent; `-` when the agent has none of it. */
export function usageCell(row: AgentRow, name: string, barWidth: number): string {
  const total = row.total[name];
  if (total === undefined || total === 0) return '-';
  const used = row.used[name] ?? 0;
  return `${barText(used / total, barWidth)} ${formatAmount(name, used)}/${formatAmount(name, total)}`;
}

function fraction(row: AgentRow, name: string): number {
  const total = row.total[name] ?? 0;
  return total > 0 ? (row.used[name] ?? 0) / total : 0;
}

export function agentColumns(width: number): Array<TableColumn<AgentRow>> {
  const bar = width >= 140 ? 16 : width >= 100 ? 10 : 5;
  const usage = (name: string): TableColumn<AgentRow> => ({
    header: name.toUpperCase(),
    cell: (a) => usageCell(a, name, bar),
    color: (a) => loadColor(fraction(a, name)),
    min: bar + 4,
  });
  const cols: Array<TableColumn<AgentRow>> = [
    { header: 'HOSTNAME', cell: (a) => a.hostname },
    { header: 'STATE', cell: (a) => (a.active ? 'active' : 'inactive'), color: (a) => (a.active ? undefined : 'red') },
    usage('cpus'),
    usage('mem'),
  ];
  if (width >= 100) cols.push(usage('disk'));
  cols.push(
    { header: 'TASKS', align: 'right', cell: (a) => String(a.tasks) },
    { header: 'OFFERS', align: 'right', cell: (a) => String(a.offers) },
    { header: 'ATTRIBUTES', cell: (a) => a.attributes || '-' },
  );
  return cols;
}

export function AgentsView({ rows, width, height, selected }: AgentsViewProps) {
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Table
        columns={agentColumns(width)}
        rows={rows}
        rowKey={(a) => a.id}
        width={width}
        height={height}
        selected={selected}
        empty="no agents registered: start one with `tsmesos agent --master=…`"
        dim={(a) => !a.active}
      />
    </Box>
  );
}
