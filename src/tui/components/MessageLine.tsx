/** The outcome of the last action ("framework torn down", an error with its hint), or nothing. */
import { Text } from 'ink';
import { truncate } from '../../cli/output/table.js';
import type { Message } from '../state/ui.js';

export function MessageLine({ message, width }: { message?: Message; width: number }) {
  if (!message) return <Text> </Text>;
  return (
    <Text color={message.error ? 'red' : 'cyan'} wrap="truncate">
      {truncate(message.text, width)}
    </Text>
  );
}
