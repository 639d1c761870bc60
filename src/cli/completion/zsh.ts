/**
 * The zsh completion script (`#compdef tsmesos`): one function per command. A command with
 * subcommands uses `_arguments -C` with `1: :->command` / `*:: :->args` and `_describe` for the
 * menu, then hands the shifted words to the subcommand's function, the usual pattern of zsh's
 * own completions for git-like tools. Options carry their help text as the menu description.
 */
import { type ArgumentModel, type CommandModel, type OptionModel, acceptedOptions, allCommands, valueCompletion } from './command-model.js';
import { GENERATED_NOTE, oneLine, shQuote } from './quote.js';

function functionName(cmd: CommandModel): string {
  return ['_tsmesos', ...cmd.path].join('_').replace(/[^A-Za-z0-9_]/g, '_');
}

/** Text inside `[…]` of an `_arguments` spec: brackets and backslashes are special there. */
function bracketText(s: string): string {
  return oneLine(s).replace(/\\/g, '\\\\').replace(/\[/g, '\\[').replace(/\]/g, '\\]');
}

/** A message or action field of a spec: colons separate fields, so escape them. */
function field(s: string): string {
  return oneLine(s).replace(/\\/g, '\\\\').replace(/:/g, '\\:');
}

function action(valueName: string | undefined, choices: string[]): string {
  const v = valueCompletion(valueName, choices);
  if (v.kind === 'words') return `(${v.words.map((w) => w.replace(/([\\() ])/g, '\\$1')).join(' ')})`;
  if (v.kind === 'files') return '_files';
  if (v.kind === 'dirs') return '_files -/';
  return ' '; // a single space: show the message, offer nothing
}

function optionSpec(o: OptionModel): string {
  const names = [o.short, o.long].filter((f): f is string => Boolean(f));
  const desc = `[${bracketText(o.description)}]`;
  let value = '';
  if (o.valueRequired || o.valueOptional) {
    value = `${o.valueOptional ? '::' : ':'}${field(o.valueName ?? 'value')}:${action(o.valueName, o.choices)}`;
  }
  // `--long=` takes `--long=v` or `--long v`; `-s+` takes `-sv` or `-s v`.
  const suffix = (n: string) => (value ? (n.startsWith('--') ? '=' : '+') : '');
  if (names.length === 1) return shQuote(`${names[0]}${suffix(names[0]!)}${desc}${value}`);
  const excl = `(${names.join(' ')})`;
  return `${shQuote(excl)}{${names.map((n) => `${n}${suffix(n)}`).join(',')}}${shQuote(`${desc}${value}`)}`;
}

function argumentSpec(a: ArgumentModel, i: number): string {
  const message = a.description ? `${a.name} -- ${a.description}` : a.name;
  const position = a.variadic ? '*' : String(i + 1);
  const optional = a.required ? '' : ':';
  return shQuote(`${position}:${optional}${field(message)}:${action(a.valueName, a.choices)}`);
}

function specLines(specs: string[]): string {
  return specs.map((s) => `    ${s}`).join(' \\\n');
}

function leafFunction(cmd: CommandModel): string {
  const specs = [...acceptedOptions(cmd).map(optionSpec), ...cmd.args.map(argumentSpec)];
  return `${functionName(cmd)}() {\n  _arguments -s -S \\\n${specLines(specs)}\n}\n`;
}

function parentFunction(cmd: CommandModel): string {
  const specs = [...acceptedOptions(cmd).map(optionSpec), shQuote('1: :->command'), shQuote('*:: :->args')];
  const menu = cmd.subcommands.map((s) => `        ${shQuote(`${s.name.replace(/:/g, '\\:')}:${oneLine(s.summary)}`)}`);
  const dispatch = cmd.subcommands.map((s) => `        ${s.name}) ${functionName(s)} && ret=0 ;;`);
  const title = ['tsmesos', ...cmd.path].join(' ');
  return `${functionName(cmd)}() {
  local curcontext="$curcontext" state line ret=1
  typeset -A opt_args
  _arguments -C -s -S \\
${specLines(specs)} && ret=0
  case $state in
    command)
      local -a commands
      commands=(
${menu.join('\n')}
      )
      _describe -t commands ${shQuote(`${title} command`)} commands && ret=0
      ;;
    args)
      curcontext="\${curcontext%:*:*}:${['tsmesos', ...cmd.path].join('-')}-$words[1]:"
      case $words[1] in
${dispatch.join('\n')}
      esac
      ;;
  esac
  return ret
}
`;
}

/** Renders the whole script for the tree under `root`. */
export function zshScript(root: CommandModel): string {
  const functions = allCommands(root).map((c) => (c.subcommands.length > 0 ? parentFunction(c) : leafFunction(c)));
  return `#compdef tsmesos
# zsh completion for tsmesos. ${GENERATED_NOTE}
# Install: tsmesos completion zsh > "\${fpath[1]}/_tsmesos"   (then start a new shell)
#      or: echo 'source <(tsmesos completion zsh)' >> ~/.zshrc   (after compinit)

${functions.join('\n')}
# Autoloaded from $fpath: run now. Sourced: register for later.
if [[ "$funcstack[1]" == _tsmesos ]]; then
  _tsmesos "$@"
else
  compdef _tsmesos tsmesos
fi
`;
}
