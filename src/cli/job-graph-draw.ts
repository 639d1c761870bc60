/**
 * Draws the layered DAG of job-graph-layout.ts as plain text: one column of boxes per layer, left
 * to right, edges as box-drawing lines ending in `▶`. Lines are kept on a grid of direction bits,
 * so joins come out as `┬ ├ ┼` by themselves. Rule that keeps it unambiguous: in the gap between
 * two columns, every text row carries the lines of at most ONE source job, and every source gets
 * its own vertical lane; crossings are `┼`, forks are `├ ┬ ┴`. Falls back to `a ──▶ b` lines
 * when the drawing is wider than the terminal.
 */
import type { GraphNode } from '../client/chronos-types.js';
import type { Layout, LayoutItem } from './job-graph-layout.js';

const U = 1;
const D = 2;
const L = 4;
const R = 8;
const GLYPH: Record<number, string> = {
  [L]: '─', [R]: '─', [L | R]: '─', [U]: '│', [D]: '│', [U | D]: '│',
  [D | R]: '┌', [D | L]: '┐', [U | R]: '└', [U | L]: '┘',
  [U | D | R]: '├', [U | D | L]: '┤', [L | R | D]: '┬', [L | R | U]: '┴', [U | D | L | R]: '┼',
};
const MAX_LABEL = 24;

/** `✓ success`, `✗ failure`, `· fresh`, plus the state when not idle. */
export function statusText(n: GraphNode): string {
  const mark = n.lastState === 'success' ? '✓' : n.lastState === 'failure' ? '✗' : '·';
  const state = n.state && n.state !== 'idle' && n.state !== '?' ? `, ${n.state}` : '';
  return `${mark} ${n.lastState || 'fresh'}${state}`;
}

function clip(s: string): string {
  return [...s].length > MAX_LABEL ? `${[...s].slice(0, MAX_LABEL - 1).join('')}…` : s;
}

interface Placed {
  item: LayoutItem;
  top: number;
  bottom: number;
  /** Row where its line leaves to the right. */
  exit: number;
  /** Row where each `from` key's line arrives. */
  entry: Map<string, number>;
}

/** Places items top-down, aligning each with its first parent's exit row when the rows allow. */
function place(layers: LayoutItem[][]): Placed[][] {
  const placed: Placed[][] = [];
  for (let k = 0; k < layers.length; k++) {
    const owner = new Map<number, string>(); // gap k-1: row → source key
    const exitOf = new Map<string, number>();
    for (const p of placed[k - 1] ?? []) {
      owner.set(p.exit, p.item.key);
      exitOf.set(p.item.key, p.exit);
    }
    const col: Placed[] = [];
    let cursor = 0;
    for (const item of layers[k]!) {
      const froms = [...item.from].sort((a, b) => exitOf.get(a)! - exitOf.get(b)!);
      const wanted = froms.length ? exitOf.get(froms[0]!)! : cursor;
      const taken = new Set<number>();
      const free = (row: number, src: string) => !taken.has(row) && (owner.get(row) ?? src) === src;
      const entry = new Map<string, number>();
      if (!item.node) {
        const src = froms[0]!;
        let row = Math.max(cursor, exitOf.get(src)!);
        while (!free(row, src)) row++;
        entry.set(src, row);
        col.push({ item, top: row, bottom: row, exit: row, entry });
        cursor = row + 2;
        continue;
      }
      const top = Math.max(cursor, wanted - 1);
      let last = top + 2; // two label rows at top+1, top+2
      for (const src of froms) {
        let row = Math.max(top + 1, exitOf.get(src)!);
        while (!free(row, src)) row++;
        taken.add(row);
        entry.set(src, row);
        last = Math.max(last, row);
      }
      col.push({ item, top, bottom: last + 1, exit: top + 1, entry });
      cursor = last + 3;
    }
    placed.push(col);
  }
  return placed;
}

/** The drawing, or `undefined` when it would be wider than `width`. */
export function drawLayout(layout: Layout, width: number): string | undefined {
  const placed = place(layout.layers);
  const boxWidth = (it: LayoutItem) => (it.node ? Math.max([...clip(it.node.name)].length, [...statusText(it.node)].length) + 4 : 3);
  const colWidth = layout.layers.map((layer) => Math.max(3, ...layer.map(boxWidth)));
  const lanesOf = placed.map((col, k) => (k + 1 < placed.length ? lanes(col, placed[k + 1]!) : new Map<string, number>()));
  const gapWidth = lanesOf.map((l) => 3 + 2 * l.size);
  const colX: number[] = [];
  let x = 0;
  for (let k = 0; k < colWidth.length; k++) {
    colX.push(x);
    x += colWidth[k]! + (k + 1 < colWidth.length ? gapWidth[k]! : 0);
  }
  if (x > width) return undefined;
  const height = Math.max(0, ...placed.flat().map((p) => p.bottom + 1));
  const text: Array<Array<string | undefined>> = Array.from({ length: height }, () => Array(x).fill(undefined));
  const mask: number[][] = Array.from({ length: height }, () => Array(x).fill(0));
  const hline = (y: number, x0: number, x1: number) => {
    for (let i = Math.min(x0, x1); i < Math.max(x0, x1); i++) {
      mask[y]![i]! |= R;
      mask[y]![i + 1]! |= L;
    }
  };
  const vline = (cx: number, y0: number, y1: number) => {
    for (let j = Math.min(y0, y1); j < Math.max(y0, y1); j++) {
      mask[j]![cx]! |= D;
      mask[j + 1]![cx]! |= U;
    }
  };
  const put = (y: number, x0: number, s: string) => [...s].forEach((ch, i) => (text[y]![x0 + i] = ch));
  for (let k = 0; k < placed.length; k++) {
    const right = colX[k]! + colWidth[k]! - 1;
    for (const p of placed[k]!) {
      const left = colX[k]!;
      if (!p.item.node) {
        hline(p.exit, left, right);
        continue;
      }
      const w = boxWidth(p.item);
      const rows = [clip(p.item.node.name), statusText(p.item.node)];
      put(p.top, left, `┌${'─'.repeat(w - 2)}┐`);
      for (let y = p.top + 1; y < p.bottom; y++) put(y, left, `│ ${(rows[y - p.top - 1] ?? '').padEnd(w - 4)} │`);
      put(p.bottom, left, `└${'─'.repeat(w - 2)}┘`);
      if (k + 1 < placed.length && placed[k + 1]!.some((q) => q.entry.has(p.item.key))) {
        text[p.exit]![left + w - 1] = '├';
        hline(p.exit, left + w - 1, right);
      }
    }
    if (k + 1 >= placed.length) continue;
    const gStart = right + 1;
    const next = colX[k + 1]!;
    for (const p of placed[k]!) {
      const targets = placed[k + 1]!.filter((q) => q.entry.has(p.item.key));
      if (targets.length === 0) continue;
      const lane = lanesOf[k]!.get(p.item.key);
      const rows = targets.map((q) => q.entry.get(p.item.key)!);
      if (lane === undefined) hline(p.exit, right, next);
      else {
        const lx = gStart + 1 + 2 * lane;
        hline(p.exit, right, lx);
        vline(lx, Math.min(p.exit, ...rows), Math.max(p.exit, ...rows));
        for (const r of rows) hline(r, lx, next);
      }
      targets.forEach((q, i) => {
        if (q.item.node) text[rows[i]!]![next - 1] = '▶';
      });
    }
  }
  return `${text.map((row, y) => row.map((ch, i) => ch ?? GLYPH[mask[y]![i]!] ?? ' ').join('').trimEnd()).join('\n')}\n`;
}

/** A lane for every source whose lines are not one straight row, ordered by exit row. */
function lanes(col: Placed[], next: Placed[]): Map<string, number> {
  const out = new Map<string, number>();
  const bent = col.filter((p) => {
    const rows = next.filter((q) => q.entry.has(p.item.key)).map((q) => q.entry.get(p.item.key)!);
    return rows.length > 1 || (rows.length === 1 && rows[0] !== p.exit);
  });
  bent.sort((a, b) => a.exit - b.exit).forEach((p, i) => out.set(p.item.key, i));
  return out;
}
