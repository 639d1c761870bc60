/**
 * Frameworks view: roles, the DRF dominant share (the biggest fraction of the cluster a framework
 * uses of any one resource, which is what the allocator balances), live tasks and offers held.
 * `x` asks to tear the selected framework down (operator `TEARDOWN`).
 */
import { Box } from 'ink';
import { Table, type TableColumn } from '../components/Table.js';
import { barText, loadColor, shortId } from '../components/layout.js';
import { formatAmount } from '../state/resources.js';
import type { FrameworkRow } from '../state/selectors.js';

export interface FrameworksViewProps {
  rows: readonly FrameworkRow[];
  width: number;
  height: number;
  selected: number;
}

export function shareCell(f: FrameworkRow, barWidth: number): string {
  const pct = `${(f.share * 100).toFixed(1)}%`;
  return `${barText(f.share, barWidth)} ${pct.padStart(6)}${f.shareResource ? ` ${f.shareResource}` : ''}`;
}

export function frameworkState(f: FrameworkRow): string {
  if (!f.connected) return 'disconnected';
  return f.active ? 'active' : 'inactive';
}

export function frameworkColumns(width: number): Array<TableColumn<FrameworkRow>> {
  const bar = width >= 120 ? 12 : 6;
  const cols: Array<TableColumn<FrameworkRow>> = [
    { header: 'NAME', cell: (f) => f.name },
    { header: 'ID', cell: (f) => shortId(f.id, width >= 120 ? 40 : 14), cut: 'middle' },
    { header: 'ROLES', cell: (f) => f.roles.join(',') },
    { header: 'STATE', cell: frameworkState, color: (f) => (frameworkState(f) === 'active' ? undefined : 'yellow') },
    { header: 'SHARE', cell: (f) => shareCell(f, bar), color: (f) => loadColor(f.share), min: bar + 7 },
    { header: 'TASKS', align: 'right', cell: (f) => String(f.tasks) },
    { header: 'OFFERS', align: 'right', cell: (f) => String(f.offersHeld) },
  ];
  if (width >= 100) {
    cols.push(
      { header: 'CPUS', align: 'right', cell: (f) => formatAmount('cpus', f.used.cpus ?? 0) },
      { header: 'MEM', align: 'right', cell: (f) => formatAmount('mem', f.used.mem ?? 0) },
    );
  }
  return cols;
}

export function FrameworksView({ rows, width, height, selected }: FrameworksViewProps) {
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Table
        columns={frameworkColumns(width)}
        rows={rows}
        rowKey={(f) => f.id}
        width={width}
        height={height}
        selected={selected}
        empty="no frameworks subscribed"
        dim={(f) => !f.connected}
      />
    </Box>
  );
}
