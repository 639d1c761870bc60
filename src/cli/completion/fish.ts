/**
 * The fish completion script: `complete -c tsmesos …` lines, each guarded by a condition that says
 * which command the line is typed under. A command's condition is "every word of its path was seen,
 * and none of its own subcommands yet", built from `__fish_seen_subcommand_from`, so the options of
 * `framework list` are not offered at `framework` and vice versa.
 */
import { type CommandModel, type OptionModel, acceptedOptions, allCommands, valueCompletion } from './command-model.js';
import { GENERATED_NOTE, fishQuote, oneLine } from './quote.js';

function condition(cmd: CommandModel): string {
  const parts = cmd.path.map((w) => `__fish_seen_subcommand_from ${w}`);
  if (cmd.subcommands.length > 0) parts.push(`not __fish_seen_subcommand_from ${cmd.subcommands.map((s) => s.name).join(' ')}`);
  return parts.join('; and ');
}

/** Flags after `complete -c tsmesos -n …` that say what a value completes to. */
function valueFlags(valueName: string | undefined, choices: string[]): string[] {
  const v = valueCompletion(valueName, choices);
  if (v.kind === 'words') return ['-x', '-a', fishQuote(v.words.join(' '))];
  if (v.kind === 'files') return ['-r', '-F'];
  if (v.kind === 'dirs') return ['-x', '-a', fishQuote('(__fish_complete_directories)')];
  return ['-x'];
}

function optionLine(cond: string, o: OptionModel): string {
  const parts = ['complete -c tsmesos'];
  if (cond) parts.push('-n', fishQuote(cond));
  // fish's -s is a one-letter short option; commander's `-V` style matches it.
  if (o.short && /^-[^-]$/.test(o.short)) parts.push('-s', o.short.slice(1));
  if (o.long) parts.push('-l', o.long.replace(/^--/, ''));
  // An optional value (`[bool]`) stays a plain switch: fish can not complete optional values.
  if (o.valueRequired) parts.push(...valueFlags(o.valueName, o.choices));
  parts.push('-d', fishQuote(oneLine(o.description)));
  return parts.join(' ');
}

function commandLines(cmd: CommandModel): string[] {
  const cond = condition(cmd);
  const guard = cond ? ['-n', fishQuote(cond)] : [];
  const lines = [`# ${['tsmesos', ...cmd.path].join(' ')}`];
  for (const s of cmd.subcommands) {
    lines.push(['complete -c tsmesos', ...guard, '-a', s.name, '-d', fishQuote(oneLine(s.summary))].join(' '));
  }
  for (const o of acceptedOptions(cmd)) lines.push(optionLine(cond, o));
  for (const a of cmd.args) {
    const v = valueCompletion(a.valueName, a.choices);
    if (v.kind === 'none') continue;
    const what = v.kind === 'words' ? ['-a', fishQuote(v.words.join(' '))] : v.kind === 'files' ? ['-F'] : ['-a', fishQuote('(__fish_complete_directories)')];
    lines.push(['complete -c tsmesos', ...guard, ...what, '-d', fishQuote(oneLine(a.description || a.name))].join(' '));
  }
  return lines;
}

/** Renders the whole script for the tree under `root`. */
export function fishScript(root: CommandModel): string {
  const sections = allCommands(root).map((c) => commandLines(c).join('\n'));
  return `# fish completion for tsmesos. ${GENERATED_NOTE}
# Install: tsmesos completion fish > ~/.config/fish/completions/tsmesos.fish

# No file names unless an option or argument asks for them.
complete -c tsmesos -f

${sections.join('\n\n')}
`;
}
