/**
 * Offers view: the offers the master makes, as they happen (the tsmesos `TSMESOS_OFFER` stream
 * extension): who got which agent's resources, and whether they accepted, declined or lost them
 * (rescinded), with a sparkline of offers sent per second. The list the upstream web UI never
 * had: upstream operators could only poll the offers currently held.
 */
import { Box, Text } from 'ink';
import type { OfferAction } from '../../client/operator-types.js';
import { Table, type TableColumn } from '../components/Table.js';
import { formatAge, shortId, sparkline } from '../components/layout.js';
import { formatScalars } from '../state/resources.js';
import type { OfferRow } from '../state/selectors.js';

export interface OffersViewProps {
  rows: readonly OfferRow[];
  held: number;
  totals: Readonly<Record<OfferAction, number>>;
  /** Offers sent per second, oldest first, one value per sparkline cell. */
  rate: readonly number[];
  width: number;
  height: number;
  selected: number;
}

const ACTION_COLOR: Record<OfferAction, string> = { SENT: 'cyan', ACCEPTED: 'green', DECLINED: 'yellow', RESCINDED: 'red' };

export function offerColumns(width: number): Array<TableColumn<OfferRow>> {
  const cols: Array<TableColumn<OfferRow>> = [
    { header: 'AGE', align: 'right', cell: (o) => formatAge(o.ageMs) },
    { header: 'ACTION', cell: (o) => o.action, color: (o) => ACTION_COLOR[o.action] },
    { header: 'FRAMEWORK', cell: (o) => o.framework, cut: 'middle' },
    { header: 'AGENT', cell: (o) => o.agent },
    { header: 'ROLE', cell: (o) => o.role },
    { header: 'RESOURCES', cell: (o) => formatScalars(o.resources) },
  ];
  if (width >= 110) cols.push({ header: 'OFFER', cell: (o) => shortId(o.id, 24), cut: 'middle' });
  return cols;
}

/** Average offers per second over the last ten whole seconds (the current one is still filling). */
export function recentRate(rate: readonly number[]): number {
  const whole = rate.slice(-11, -1);
  return whole.length === 0 ? 0 : whole.reduce((a, b) => a + b, 0) / whole.length;
}

export function OffersView({ rows, held, totals, rate, width, height, selected }: OffersViewProps) {
  const perSec = recentRate(rate);
  const counts = `held ${held}  sent ${totals.SENT}  accepted ${totals.ACCEPTED}  declined ${totals.DECLINED}  rescinded ${totals.RESCINDED}`;
  const rateText = `${perSec < 10 ? perSec.toFixed(1) : Math.round(perSec)}/s`;
  const sparkWidth = Math.max(0, Math.min(rate.length, width - counts.length - rateText.length - 4));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Box width={width} justifyContent="space-between">
        <Text wrap="truncate">{counts}</Text>
        <Text>
          <Text color="cyan">{sparkline(rate.slice(rate.length - sparkWidth))}</Text> {rateText}
        </Text>
      </Box>
      <Table
        columns={offerColumns(width)}
        rows={rows}
        rowKey={(o) => o.id}
        width={width}
        height={height - 1}
        selected={selected}
        empty="no offers yet: offers appear when agents have free resources and a framework is subscribed"
        dim={(o) => o.action !== 'SENT'}
      />
    </Box>
  );
}
