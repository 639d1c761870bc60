/**
 * Apps or Jobs when top has no Marathon or Chronos to read (only when the App is rendered without
 * that source: `tsmesos top` itself always resolves an address, the default one at worst, and then
 * the view says whether it is reachable). It never shows made-up data.
 */
import { Box, Text } from 'ink';

export interface UnavailableViewProps {
  title: string;
  /** Which framework mode would feed this view: "Marathon apps". */
  source: string;
  /** The option that configures it: "--marathon". */
  option: string;
  width: number;
  height: number;
}

export function UnavailableView({ title, source, option, width, height }: UnavailableViewProps) {
  return (
    <Box flexDirection="column" width={width} height={height} paddingTop={1} paddingLeft={2}>
      <Text dimColor bold>
        {title}: not configured
      </Text>
      <Text dimColor wrap="wrap">
        This view shows {source} when top knows where to find them: start it with {option}=HOST:PORT.
      </Text>
    </Box>
  );
}
