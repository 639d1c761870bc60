/**
 * Pure text helpers shared by the components: bars, sparklines, ages and the scrolling window of
 * a long list. Kept out of the .tsx files so they are unit-tested without rendering.
 */
import { truncate } from '../../cli/output/table.js';

const BLOCKS = '▁▂▃▄▅▆▇█';

/** One character per value, scaled so the largest is a full block; zeros are the lowest block. */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  return values.map((v) => (max === 0 ? BLOCKS[0] : BLOCKS[Math.min(7, Math.round((v / max) * 7))])).join('');
}

/** `███░░░` for a fraction 0..1 in `width` cells (rounded, never over-full). */
export function barText(fraction: number, width: number): string {
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  const full = Math.round(f * width);
  return '█'.repeat(full) + '░'.repeat(Math.max(0, width - full));
}

/** Green under 70%, yellow under 90%, red above: the usual load colours. */
export function loadColor(fraction: number): 'green' | 'yellow' | 'red' {
  return fraction < 0.7 ? 'green' : fraction < 0.9 ? 'yellow' : 'red';
}

/** `42s`, `3m`, `2h`, `5d`: the shortest age that still reads at a glance. */
export function formatAge(ms: number): string {
  const s = Math.floor(Math.max(0, ms) / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86_400)}d`;
}

/** The first row to show so that `selected` stays visible in `height` rows. */
export function windowStart(selected: number, height: number, total: number): number {
  if (height <= 0 || total <= height) return 0;
  const centred = selected - Math.floor(height / 2);
  return Math.min(Math.max(0, centred), total - height);
}

/** `text` padded or cut to exactly `width` characters. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left', cut: 'end' | 'middle' = 'end'): string {
  const cell = truncate(text, Math.max(0, width), cut);
  const pad = ' '.repeat(Math.max(0, width - [...cell].length));
  return align === 'right' ? pad + cell : cell + pad;
}

/** A short id for narrow screens: Mesos ids share long prefixes, so keep the distinctive end. */
export function shortId(id: string, width = 14): string {
  return truncate(id, width, 'middle');
}
