/**
 * Human units for table cells, shared by the list commands. Tables are for eyes; `--json` carries
 * the raw numbers (bytes, megabytes, seconds) so nothing is lost to rounding.
 */

const UNITS = ['B', 'K', 'M', 'G', 'T', 'P'];

/** Bytes as `512B`, `12.3M`, `1.5G`: one decimal below 10 units, none above, like `ps`/`top`. */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '-';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = unit === 0 || value >= 10 ? Math.round(value).toString() : value.toFixed(1).replace(/\.0$/, '');
  return `${text}${UNITS[unit]}`;
}

/** Megabytes (the unit of legacy `mem`/`disk` resources) in the same style. */
export function formatMegabytes(mb: number | undefined): string {
  return mb === undefined ? '-' : formatBytes(mb * 1024 * 1024);
}

/** CPU seconds as `M:SS` or `H:MM:SS`, the shape of the `ps` TIME column. */
export function formatCpuTime(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '-';
  const total = Math.floor(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A scalar resource as Mesos shows it: at most 3 decimals, no trailing zeros (`0.1`, `2`). */
export function formatScalar(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '-';
  return String(Math.round(value * 1000) / 1000);
}
