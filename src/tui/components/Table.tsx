/**
 * A borderless table sized to the screen, like the CLI's `renderTable` (same upper-case headers,
 * two-space gaps and "…" cuts, so the TUI and `tsmesos ps` read alike), plus a highlighted
 * selected row and a window that scrolls to keep it visible. Generic over the row type, after
 * Shopify cli-kit's `Table<T>`; pure: everything it shows comes from props.
 */
import { Box, Text } from 'ink';
import { fitWidths } from '../../cli/output/table.js';
import { fit, windowStart } from './layout.js';

export interface TableColumn<T> {
  header: string;
  cell: (row: T) => string;
  align?: 'left' | 'right';
  cut?: 'end' | 'middle';
  color?: (row: T) => string | undefined;
  /** Never narrower than this (e.g. bars keep their shape). */
  min?: number;
}

export interface TableProps<T> {
  columns: ReadonlyArray<TableColumn<T>>;
  rows: readonly T[];
  rowKey: (row: T) => string;
  width: number;
  /** Lines available, header included. */
  height: number;
  /** Index into `rows`, or -1 for none. */
  selected?: number;
  /** Shown instead of rows when there are none. */
  empty?: string;
  dim?: (row: T) => boolean;
}

const GAP = 2;
/** Natural widths are measured on this many rows around the window, so a huge list costs little. */
const MEASURE_ROWS = 200;

export function Table<T>({ columns, rows, rowKey, width, height, selected = -1, empty = 'nothing to show', dim }: TableProps<T>) {
  const bodyHeight = Math.max(0, height - 1);
  const start = windowStart(Math.max(0, selected), bodyHeight, rows.length);
  const visible = rows.slice(start, start + bodyHeight);
  const measured = rows.slice(Math.max(0, start - MEASURE_ROWS / 2), start + MEASURE_ROWS / 2);
  const natural = columns.map((c) => Math.max(c.header.length, c.min ?? 0, ...measured.map((r) => [...c.cell(r)].length)));
  const widths = fitWidths(natural, width, columns.map((c) => Math.max(c.min ?? 0, Math.min(c.header.length, 6))));
  const line = (cells: string[]) => cells.map((cell, i) => fit(cell, widths[i]!, columns[i]!.align, columns[i]!.cut));
  return (
    <Box flexDirection="column" height={height} width={width}>
      <Text bold wrap="truncate">
        {line(columns.map((c) => c.header)).join(' '.repeat(GAP)).trimEnd()}
      </Text>
      {rows.length === 0 ? (
        <Text dimColor>{fit(empty, width)}</Text>
      ) : (
        visible.map((row, i) => {
          const cells = line(columns.map((c) => c.cell(row)));
          const isSelected = start + i === selected;
          return (
            <Text key={rowKey(row)} wrap="truncate" inverse={isSelected} dimColor={dim?.(row) ?? false}>
              {cells.map((cell, j) => (
                <Text key={j} color={columns[j]!.color?.(row)}>
                  {j === 0 ? '' : ' '.repeat(GAP)}
                  {cell}
                </Text>
              ))}
            </Text>
          );
        })
      )}
    </Box>
  );
}
