/**
 * The y/N question before anything destructive. The default is "no": any key but `y` cancels,
 * so a stray keystroke never tears a framework down.
 */
import { Text } from 'ink';
import { truncate } from '../../cli/output/table.js';
import type { Confirm } from '../state/ui.js';

export function ConfirmPrompt({ confirm, width }: { confirm: Confirm; width: number }) {
  const tasks = confirm.tasks === 1 ? '1 task' : `${confirm.tasks} tasks`;
  const text = `Tear down framework ${confirm.name} (${confirm.frameworkId})? Its ${tasks} will be killed. [y/N]`;
  return (
    <Text color="yellow" bold wrap="truncate">
      {truncate(text, width, 'middle')}
    </Text>
  );
}
