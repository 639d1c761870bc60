import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { Table, type TableColumn } from './Table.js';

interface Row {
  id: string;
  n: number;
}
const columns: Array<TableColumn<Row>> = [
  { header: 'ID', cell: (r) => r.id, cut: 'middle' },
  { header: 'N', cell: (r) => String(r.n), align: 'right' },
];
const rows: Row[] = Array.from({ length: 100 }, (_, i) => ({ id: `row-${String(i).padStart(3, '0')}`, n: i * 7 }));

describe('Table', () => {
  it('renders upper-case headers, aligned cells and a window around the selected row', () => {
    const { lastFrame } = render(<Table columns={columns} rows={rows} rowKey={(r) => r.id} width={40} height={5} selected={50} />);
    expect(lastFrame()).toMatchInlineSnapshot(`
      "ID         N
      row-048  336
      row-049  343
      row-050  350
      row-051  357"
    `);
  });

  it('cuts the widest column with "…" to fit a narrow screen', () => {
    const long = [{ id: 'a-very-long-identifier-0001', n: 1 }];
    const frame = render(<Table columns={columns} rows={long} rowKey={(r) => r.id} width={16} height={2} />).lastFrame()!;
    expect(frame.split('\n')[1]).toBe('a-very…r-0001  1');
  });

  it('shows the empty message instead of rows', () => {
    expect(render(<Table columns={columns} rows={[]} rowKey={(r) => r.id} width={30} height={3} empty="nothing here" />).lastFrame()).toContain('nothing here');
  });
});
