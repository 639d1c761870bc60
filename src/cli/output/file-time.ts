/**
 * File times for `ls`-style listings (`tsmesos task ls`). `ls -l`'s default switches between
 * "Nov 22 10:15" and "Nov 22  2023" by age, which is hard to sort and to parse; this prints the
 * `--time-style=long-iso` form `2024-11-22 10:15` in the local time zone (set TZ to choose).
 */
export function formatFileTime(epochSeconds: number | undefined): string {
  if (epochSeconds === undefined || !Number.isFinite(epochSeconds)) return '-';
  const d = new Date(epochSeconds * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
