/** The libprocess `system/*` metrics both the master and the agent report in `/metrics/snapshot`. */
import { cpus, freemem, loadavg, totalmem } from 'node:os';

export function systemMetrics(out: Record<string, number>): void {
  const [l1, l5, l15] = loadavg();
  out['system/cpus_total'] = cpus().length;
  out['system/load_1min'] = l1 ?? 0;
  out['system/load_5min'] = l5 ?? 0;
  out['system/load_15min'] = l15 ?? 0;
  out['system/mem_total_bytes'] = totalmem();
  out['system/mem_free_bytes'] = freemem();
}
