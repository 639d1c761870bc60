/**
 * One line about the event stream: which master we follow, how fresh the data is, and while the
 * stream is down, the reason, what to try, and when the next attempt is. Counts give a sense of
 * scale before switching views.
 */
import { Box, Text } from 'ink';
import { truncate } from '../../cli/output/table.js';
import type { Connection } from '../state/types.js';

export interface StatusLineProps {
  connection: Connection;
  counts: { agents: number; frameworks: number; tasks: number; offers: number };
  now: number;
  width: number;
}

export function StatusLine({ connection, counts, now, width }: StatusLineProps) {
  const tally = `${counts.agents} agents  ${counts.frameworks} frameworks  ${counts.tasks} tasks  ${counts.offers} offers`;
  if (connection.state === 'connected') {
    const text = `● ${connection.url.replace(/\/api\/v1.*$/, '')}  ${tally}`;
    return <Text color="green" wrap="truncate">{truncate(text, width)}</Text>;
  }
  if (connection.state === 'connecting') {
    return <Text color="yellow" wrap="truncate">{truncate(`○ connecting${connection.url ? ` to ${connection.url}` : ''}…`, width)}</Text>;
  }
  const wait = Math.max(0, Math.ceil((connection.retryAt - now) / 1000));
  // The countdown goes first: on a narrow screen the hint is what gets cut, not "when".
  const text = `✕ retrying in ${wait}s: ${connection.error}${connection.hint ? ` (${connection.hint})` : ''}`;
  return (
    <Box width={width}>
      <Text color="red" wrap="truncate">
        {truncate(text, width)}
      </Text>
    </Box>
  );
}
