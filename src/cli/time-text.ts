/**
 * Times for `tsmesos app` and `tsmesos job` tables: how long ago (`42s`, `5m`, `3h12m`, `2d4h`)
 * and durations between two instants (`1m05s`). Tables are for eyes; `--json` keeps the ISO strings.
 */

/** Milliseconds as the two largest units: `850ms`, `42s`, `1m05s`, `3h12m`, `2d4h`. */
export function formatElapsed(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '-';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d${h % 24}h`;
}

/** How long before `now` an ISO timestamp was: `5m12s ago`; `-` when absent or unparsable. */
export function formatAgo(iso: string | null | undefined, now: number): string {
  const t = parseTime(iso);
  if (t === undefined) return '-';
  return now >= t ? `${formatElapsed(now - t)} ago` : `in ${formatElapsed(t - now)}`;
}

/** The time between two ISO timestamps (`end` defaults to `now`, for what is still running). */
export function formatBetween(start: string | null | undefined, end: string | null | undefined, now: number): string {
  const a = parseTime(start);
  if (a === undefined) return '-';
  const b = parseTime(end) ?? now;
  return formatElapsed(b - a);
}

/** Epoch ms of an ISO string; `undefined` for null, `""` or garbage. */
export function parseTime(iso: string | null | undefined): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
}
