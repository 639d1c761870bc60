/**
 * Apps view: Marathon's apps (`GET /v2/apps?embed=apps.counts&embed=apps.deployments`) with their
 * instances running / staged / healthy against the target, resources per instance and deployments
 * in progress; `s` scales the selected app and `r` restarts it, each after a question.
 */
import { Box } from 'ink';
import { ServiceHeader } from '../components/ServiceHeader.js';
import { Table, type TableColumn } from '../components/Table.js';
import type { Feed } from '../feed.js';
import { formatAmount } from '../state/resources.js';
import type { AppRow } from '../state/service-rows.js';

export interface AppsViewProps {
  url: string;
  feed: Feed<unknown>;
  rows: readonly AppRow[];
  now: number;
  width: number;
  height: number;
  selected: number;
}

/** Green when every instance runs (and none is unhealthy), yellow while short, red when none runs. */
function runningColor(a: AppRow): string | undefined {
  if (a.instances === 0) return undefined;
  if (a.running === 0) return 'red';
  return a.running >= a.instances && a.unhealthy === 0 ? 'green' : 'yellow';
}

export function appColumns(width: number): Array<TableColumn<AppRow>> {
  const cols: Array<TableColumn<AppRow>> = [
    { header: 'ID', cell: (a) => a.id, cut: 'middle' },
    { header: 'RUNNING', align: 'right', cell: (a) => `${a.running}/${a.instances}`, color: runningColor },
    { header: 'STAGED', align: 'right', cell: (a) => String(a.staged) },
    { header: 'HEALTHY', align: 'right', cell: (a) => (a.healthy + a.unhealthy === 0 ? '-' : `${a.healthy}/${a.healthy + a.unhealthy}`), color: (a) => (a.unhealthy > 0 ? 'red' : undefined) },
    { header: 'CPUS', align: 'right', cell: (a) => formatAmount('cpus', a.cpus) },
    { header: 'MEM', align: 'right', cell: (a) => formatAmount('mem', a.mem) },
    { header: 'DEPLOYMENTS', cell: (a) => (a.deployments === 0 ? '-' : `${a.deployments} in progress`), color: (a) => (a.deployments > 0 ? 'cyan' : undefined) },
  ];
  if (width < 76) cols.splice(2, 1); // STAGED goes first on a narrow screen
  return cols;
}

export function appsTally(rows: readonly AppRow[]): string {
  const deploying = rows.filter((a) => a.deployments > 0).length;
  return `${rows.length} app${rows.length === 1 ? '' : 's'}${deploying ? `  ${deploying} deploying` : ''}`;
}

export function AppsView({ url, feed, rows, now, width, height, selected }: AppsViewProps) {
  const empty = feed.state === 'ok' ? 'no apps in Marathon' : feed.state === 'loading' ? 'reading apps…' : 'no apps read yet';
  return (
    <Box flexDirection="column" width={width} height={height}>
      <ServiceHeader title="Marathon" url={url} feed={feed} tally={appsTally(rows)} now={now} width={width} />
      <Table columns={appColumns(width)} rows={rows} rowKey={(a) => a.id} width={width} height={height - 1} selected={selected} empty={empty} dim={(a) => a.instances === 0} />
    </Box>
  );
}
