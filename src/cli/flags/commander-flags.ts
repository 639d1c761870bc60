/** Bridges a daemon's FlagSpec list to commander options, keeping upstream `--snake_case` names. */
import { type Command, Option } from 'commander';
import type { FlagSpec } from './flag-spec.js';

export function addFlagOptions(cmd: Command, specs: FlagSpec[], envPrefix: string): Command {
  for (const s of specs) {
    const value = s.valueName ?? (s.type === 'duration' ? 'duration' : 'value');
    const flag = s.type === 'bool' ? `--${s.name} [bool]` : `--${s.name} <${value}>`;
    const def = s.default !== undefined && s.default !== '' ? ` (default: ${s.default})` : '';
    const option = new Option(flag, `${s.help}${def}; env ${envPrefix}${s.name.toUpperCase()}`);
    if (s.choices) option.choices(s.choices);
    cmd.addOption(option);
  }
  return cmd;
}

/** The command-line values commander parsed, by flag name (commander keeps snake_case names as is). */
export function cliValues(cmd: Command, specs: FlagSpec[]): Record<string, string | boolean | undefined> {
  const opts = cmd.opts() as Record<string, string | boolean | undefined>;
  const out: Record<string, string | boolean | undefined> = {};
  for (const s of specs) out[s.name] = opts[s.name];
  return out;
}
