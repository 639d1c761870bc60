/**
 * The y/N question before anything that changes the cluster, and the instance-count prompt that
 * comes before a scale. The default is "no": any key but `y` cancels, so a stray keystroke never
 * tears a framework down or kills a task.
 */
import { Text } from 'ink';
import { truncate } from '../../cli/output/table.js';
import { question } from '../state/actions.js';
import type { Confirm, Prompt } from '../state/ui.js';

export function ConfirmPrompt({ confirm, width }: { confirm: Confirm; width: number }) {
  return (
    <Text color="yellow" bold wrap="truncate">
      {truncate(question(confirm), width, 'middle')}
    </Text>
  );
}

export function NumberPrompt({ prompt, width }: { prompt: Prompt; width: number }) {
  const text = `Scale app ${prompt.appId} (now ${prompt.from}) to how many instances? ${prompt.text}█  (Enter, Esc cancels)`;
  return (
    <Text color="yellow" bold wrap="truncate">
      {truncate(text, width, 'middle')}
    </Text>
  );
}
