/**
 * The key help at the bottom: the keys that work right now (they change with the view, the
 * filter, the log pane and a pending confirmation), cut to the width rather than wrapped so the
 * layout never jumps.
 */
import { Text } from 'ink';
import { truncate } from '../../cli/output/table.js';

export interface KeyHelp {
  key: string;
  label: string;
}

export function HelpBar({ keys, width }: { keys: readonly KeyHelp[]; width: number }) {
  const text = keys.map((k) => `${k.key} ${k.label}`).join('  ');
  return (
    <Text dimColor wrap="truncate">
      {truncate(text, width)}
    </Text>
  );
}
