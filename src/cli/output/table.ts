/**
 * The plain-text table every list command prints (`tsmesos ps`, `framework list`, `agent list`),
 * in the spirit of the upstream `mesos` CLI's tables: upper-case headers, columns separated by two
 * spaces, no borders, so `grep`/`awk` keep working. The table never wraps: when it is wider than the
 * terminal, the widest column is narrowed (repeatedly) and its cells end in "…". Scripts should use
 * `--json`, which is never truncated.
 */

export interface Column {
  header: string;
  /** Numbers read better right-aligned. */
  align?: 'left' | 'right';
  /**
   * Where a too-long cell loses characters. Mesos ids share long prefixes (`<masterId>-0000`,
   * `<masterId>-S1`) and differ at the end, so id columns cut in the middle to stay distinguishable.
   */
  cut?: 'end' | 'middle';
  /** Shrinks only after every other column is as narrow as it can be (ids the user copies into the next command). */
  keep?: boolean;
}

const GAP = '  ';
/** No column shrinks below this; a cell of 3 still shows two characters and the ellipsis. */
const MIN_WIDTH = 3;
/** How far a `keep` column narrows before the others go below their headers. */
const KEEP_WIDTH = 30;

/**
 * The width to fit: the terminal's columns on a TTY; otherwise `$COLUMNS` when set (lets pipes and
 * tests choose), else 80.
 */
export function terminalWidth(stdout: { isTTY?: boolean; columns?: number }, env: NodeJS.ProcessEnv = {}): number {
  if (stdout.isTTY && stdout.columns && stdout.columns > 0) return stdout.columns;
  const fromEnv = Number(env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 80;
}

/** Renders header + rows as lines ending in "\n"; rows shorter than the header get blank cells. */
export function renderTable(columns: Array<Column | string>, rows: string[][], width = 80): string {
  const cols: Column[] = columns.map((c) => (typeof c === 'string' ? { header: c } : c));
  const natural = cols.map((c, i) => Math.max(len(c.header), ...rows.map((r) => len(r[i] ?? ''))));
  const widths = fitWidths(natural, width, cols.map((c) => len(c.header)), cols.map((c) => c.keep === true));
  const line = (cells: string[]) =>
    cols
      .map((c, i) => {
        const cell = truncate(cells[i] ?? '', widths[i]!, c.cut);
        const pad = ' '.repeat(widths[i]! - len(cell));
        return c.align === 'right' ? pad + cell : cell + pad;
      })
      .join(GAP)
      .trimEnd();
  return [line(cols.map((c) => c.header)), ...rows.map(line)].map((l) => `${l}\n`).join('');
}

/**
 * Narrows the widest column one character at a time until the row fits. First no column goes
 * below its header's width (headers stay readable); only if that is not enough, down to 3.
 * Columns marked `keep` (ids to copy) narrow last: only to KEEP_WIDTH while others still fit their headers.
 */
export function fitWidths(natural: number[], width: number, headers: number[] = [], keep: boolean[] = []): number[] {
  const widths = [...natural];
  let total = widths.reduce((a, b) => a + b, 0) + GAP.length * Math.max(0, widths.length - 1);
  const headerFloor = (i: number) => Math.max(MIN_WIDTH, headers[i] ?? 0);
  const kept = (i: number) => keep[i] === true;
  // Order: the others down to their headers; kept ones down to KEEP_WIDTH (a middle-cut id still
  // shows enough of both ends to be told apart and matched); the others to the minimum; then all.
  const passes: Array<(i: number) => number> = [
    (i) => (kept(i) ? Number.POSITIVE_INFINITY : headerFloor(i)),
    (i) => (kept(i) ? Math.max(KEEP_WIDTH, headerFloor(i)) : Number.POSITIVE_INFINITY),
    (i) => (kept(i) ? Number.POSITIVE_INFINITY : MIN_WIDTH),
    headerFloor,
    () => MIN_WIDTH,
  ];
  for (const floorOf of passes) {
    while (total > width) {
      let widest = -1;
      for (let i = 0; i < widths.length; i++) {
        if (widths[i]! > floorOf(i) && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
      }
      if (widest < 0) break;
      widths[widest]!--;
      total--;
    }
  }
  return widths;
}

/** Cuts `text` to `width` characters with one "…", at the end or in the middle. */
export function truncate(text: string, width: number, cut: 'end' | 'middle' = 'end'): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 1) return '…'.slice(0, width);
  if (cut === 'middle') {
    const tail = Math.floor((width - 1) / 2);
    return `${chars.slice(0, width - 1 - tail).join('')}…${chars.slice(chars.length - tail).join('')}`;
  }
  return `${chars.slice(0, width - 1).join('')}…`;
}

/** Length in code points, so an id with accents or emoji is not over-counted. */
function len(text: string): number {
  return [...text].length;
}
