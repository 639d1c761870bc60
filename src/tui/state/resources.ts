/**
 * Resource arithmetic for the views. The stream carries v1 resource arrays (one entry per name,
 * role and reservation); the views only need a total per name, so everything is summed to
 * `Scalars` (`{cpus: 4, mem: 4096, ports: 1001}`; ranges count their ports, sets their items).
 */
import type { V1Resource } from '../../client/operator-types.js';
import { formatMegabytes, formatScalar } from '../../cli/output/units.js';

export type Scalars = Readonly<Record<string, number>>;

export const EMPTY: Scalars = Object.freeze({});

/** Sums a v1 resource array by name. */
export function scalarsOf(resources: readonly V1Resource[] | undefined): Scalars {
  if (!resources || resources.length === 0) return EMPTY;
  const out: Record<string, number> = {};
  for (const r of resources) {
    let amount = 0;
    if (r.scalar) amount = r.scalar.value;
    else if (r.ranges) amount = (r.ranges.range ?? []).reduce((n, x) => n + (x.end - x.begin + 1), 0);
    else if (r.set) amount = r.set.item?.length ?? 0;
    out[r.name] = (out[r.name] ?? 0) + amount;
  }
  return out;
}

/** `a + b`, name by name (in place on `into` when given, to sum many without copies). */
export function addScalars(a: Scalars, b: Scalars, into: Record<string, number> = { ...a }): Record<string, number> {
  for (const [k, v] of Object.entries(b)) into[k] = (into[k] ?? 0) + v;
  return into;
}

/** mem and disk are megabytes in Mesos; show them as 512M / 4G like `tsmesos ps`. */
export function formatAmount(name: string, value: number | undefined): string {
  if (value === undefined) return '-';
  if (value === 0) return '0';
  return name === 'mem' || name === 'disk' ? formatMegabytes(value) : formatScalar(value);
}

const ORDER = ['cpus', 'gpus', 'mem', 'disk', 'ports'];

/** Names in a stable, familiar order: cpus, gpus, mem, disk, ports, then the rest alphabetically. */
export function resourceNames(s: Scalars): string[] {
  const rank = (n: string) => (ORDER.includes(n) ? ORDER.indexOf(n) : ORDER.length);
  return Object.keys(s).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** `cpus 2 mem 1G`: the compact cell the Offers and Tasks views show. */
export function formatScalars(s: Scalars, names: string[] = resourceNames(s)): string {
  return names
    .filter((n) => s[n] !== undefined && n !== 'ports')
    .map((n) => `${n} ${formatAmount(n, s[n])}`)
    .join(' ');
}

/**
 * The dominant share (DRF): the largest fraction of the cluster's total the framework uses of any
 * one resource. Ports are left out, as the allocator counts only cpus, mem, disk and gpus.
 */
export function dominantShare(used: Scalars, total: Scalars): { share: number; resource?: string } {
  let best = { share: 0, resource: undefined as string | undefined };
  for (const name of ['cpus', 'mem', 'disk', 'gpus']) {
    const t = total[name] ?? 0;
    const u = used[name] ?? 0;
    if (t > 0 && u / t > best.share) best = { share: u / t, resource: name };
  }
  return best;
}
