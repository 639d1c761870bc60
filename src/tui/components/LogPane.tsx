/**
 * A task's stdout or stderr in a scrolling pane. It follows new output while `scroll` is 0 (the
 * newest lines at the bottom, like `tail -f`); scrolling up freezes the window on older lines
 * until End or `f`. Pure: the lines come from the `useTaskOutput` hook.
 */
import { Box, Text } from 'ink';
import { truncate } from '../../cli/output/table.js';

export interface LogPaneProps {
  title: string;
  lines: readonly string[];
  /** Lines scrolled up from the newest (clamped here). */
  scroll: number;
  /** "waiting for the sandbox…", an error, or undefined while streaming. */
  note?: string;
  error?: boolean;
  width: number;
  height: number;
}

export function LogPane({ title, lines, scroll, note, error = false, width, height }: LogPaneProps) {
  const body = Math.max(1, height - 2);
  const maxScroll = Math.max(0, lines.length - body);
  const s = Math.min(scroll, maxScroll);
  const end = lines.length - s;
  const shown = lines.slice(Math.max(0, end - body), end);
  const where = s === 0 ? 'following' : `${s} lines up (End follows)`;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold wrap="truncate">
        {truncate(`${title} — ${where}`, width)}
      </Text>
      <Box flexDirection="column" height={body}>
        {shown.map((l, i) => (
          <Text key={end - shown.length + i} wrap="truncate">
            {truncate(printable(l), width) || ' '}
          </Text>
        ))}
      </Box>
      <Text color={error ? 'red' : undefined} dimColor={!error} wrap="truncate">
        {truncate(note ?? `${lines.length} lines`, width)}
      </Text>
    </Box>
  );
}

/** Task output may hold colours, cursor moves and tabs; only plain text is safe inside the pane. */
export function printable(line: string): string {
  return line
    .replace(/\x1b\[[0-9;?]*[ -\/]*[@-~]/g, '')
    .replace(/\t/g, '  ')
    .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
}
