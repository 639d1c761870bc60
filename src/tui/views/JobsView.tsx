/**
 * Jobs view: Chronos's jobs (`GET /v1/scheduler/jobs/summary` for the state, `GET
 * /v1/scheduler/jobs` for the counts) with their schedule or parents, last result, state and
 * success/error counts; `r` runs the selected job now, after a question. Disabled jobs are dimmed.
 */
import { Box } from 'ink';
import { ServiceHeader } from '../components/ServiceHeader.js';
import { Table, type TableColumn } from '../components/Table.js';
import type { Feed } from '../feed.js';
import { type JobRow, trigger } from '../state/service-rows.js';

export interface JobsViewProps {
  url: string;
  feed: Feed<unknown>;
  rows: readonly JobRow[];
  now: number;
  width: number;
  height: number;
  selected: number;
}

const STATUS_COLOR: Record<string, string> = { success: 'green', failure: 'red' };

export function jobColumns(width: number): Array<TableColumn<JobRow>> {
  const cols: Array<TableColumn<JobRow>> = [
    { header: 'NAME', cell: (j) => j.name, cut: 'middle' },
    { header: 'SCHEDULE', cell: trigger, cut: 'middle' },
    { header: 'LAST', cell: (j) => j.lastStatus, color: (j) => STATUS_COLOR[j.lastStatus] },
    { header: 'STATE', cell: (j) => (j.disabled ? 'disabled' : j.state), color: (j) => (/running/.test(j.state) ? 'cyan' : j.state === 'queued' ? 'yellow' : undefined) },
    { header: 'OK', align: 'right', cell: (j) => String(j.successCount) },
    { header: 'ERR', align: 'right', cell: (j) => String(j.errorCount), color: (j) => (j.errorCount > 0 ? 'red' : undefined) },
  ];
  return width < 60 ? cols.filter((c) => c.header !== 'SCHEDULE') : cols;
}

export function jobsTally(rows: readonly JobRow[]): string {
  const running = rows.filter((j) => /running/.test(j.state)).length;
  const failing = rows.filter((j) => j.lastStatus === 'failure').length;
  return `${rows.length} job${rows.length === 1 ? '' : 's'}${running ? `  ${running} running` : ''}${failing ? `  ${failing} failing` : ''}`;
}

export function JobsView({ url, feed, rows, now, width, height, selected }: JobsViewProps) {
  const empty = feed.state === 'ok' ? 'no jobs in Chronos' : feed.state === 'loading' ? 'reading jobs…' : 'no jobs read yet';
  return (
    <Box flexDirection="column" width={width} height={height}>
      <ServiceHeader title="Chronos" url={url} feed={feed} tally={jobsTally(rows)} now={now} width={width} />
      <Table columns={jobColumns(width)} rows={rows} rowKey={(j) => j.name} width={width} height={height - 1} selected={selected} empty={empty} dim={(j) => j.disabled} />
    </Box>
  );
}
