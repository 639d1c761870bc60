/**
 * Apps and Jobs: Marathon and Chronos modes do not exist in tsmesos yet, so there is nothing to
 * connect to. The view says so plainly; it never shows made-up data.
 */
import { Box, Text } from 'ink';

export interface UnavailableViewProps {
  title: string;
  /** Which framework mode would feed this view. */
  source: string;
  width: number;
  height: number;
}

export function UnavailableView({ title, source, width, height }: UnavailableViewProps) {
  return (
    <Box flexDirection="column" width={width} height={height} paddingTop={1} paddingLeft={2}>
      <Text dimColor bold>
        {title}: not configured
      </Text>
      <Text dimColor wrap="wrap">
        This view shows {source} when its endpoint is configured and reachable. tsmesos has no {source} mode yet, so
        there is nothing to show.
      </Text>
    </Box>
  );
}
