/**
 * The view tabs across the top: the current one highlighted, views that have nothing to show
 * (Apps and Jobs until Marathon and Chronos modes exist) greyed out but still reachable, so the
 * user can read why they are empty.
 */
import { Box, Text } from 'ink';
import { VIEWS, type ViewName } from '../state/ui.js';

export interface TabBarProps {
  current: ViewName;
  unavailable: ReadonlySet<ViewName>;
  width: number;
}

export function TabBar({ current, unavailable, width }: TabBarProps) {
  const compact = width < 72;
  return (
    <Box width={width}>
      <Text bold color="cyan">
        tsmesos top{' '}
      </Text>
      {VIEWS.map((v) => {
        const label = compact ? `${v.key}:${v.title.slice(0, 4)}` : `${v.key} ${v.title}`;
        const active = v.name === current;
        return (
          <Text key={v.name} inverse={active} dimColor={!active && unavailable.has(v.name)} bold={active}>
            {` ${label} `}
          </Text>
        );
      })}
    </Box>
  );
}
