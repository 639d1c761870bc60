/**
 * The bash completion script. The tree becomes four lookup functions (`case` on the command path),
 * and one fixed function `_tsmesos` walks COMP_WORDS with them: subcommands extend the path, an
 * option declared `<value>` swallows the next word, anything else is a positional argument. So the
 * logic is written once and only the tables change when a command or option is added.
 */
import { type CommandModel, acceptedOptions, allCommands, valueCompletion } from './command-model.js';
import { GENERATED_NOTE, shQuote } from './quote.js';

/** What `__tsmesos_values` answers: words, `@files`, `@dirs` or '' (complete nothing). */
function replyFor(valueName: string | undefined, choices: string[]): string {
  const v = valueCompletion(valueName, choices);
  return v.kind === 'words' ? v.words.join(' ') : v.kind === 'files' ? '@files' : v.kind === 'dirs' ? '@dirs' : '';
}

function caseFunction(name: string, comment: string, entries: Array<[pattern: string, reply: string]>): string {
  const lines = entries.map(([p, r]) => `    ${p}) REPLY=${shQuote(r)} ;;`);
  return `# ${comment}\n${name}() {\n  case "$1" in\n${lines.join('\n')}\n    *) REPLY='' ;;\n  esac\n}\n`;
}

function optionWords(cmd: CommandModel, only: (o: ReturnType<typeof acceptedOptions>[number]) => boolean): string {
  return acceptedOptions(cmd)
    .filter(only)
    .flatMap((o) => [o.long, o.short].filter((f): f is string => Boolean(f)))
    .join(' ');
}

function valueEntries(cmd: CommandModel, key: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const o of acceptedOptions(cmd)) {
    if (!o.valueRequired && !o.valueOptional) continue;
    const reply = replyFor(o.valueName, o.choices);
    if (!reply) continue;
    for (const f of [o.long, o.short]) if (f) out.push([shQuote(`${key}|${f}`), reply]);
  }
  const args = cmd.args.map((a) => replyFor(a.valueName, a.choices));
  const last = cmd.args[cmd.args.length - 1];
  const variadic = last?.variadic === true && args[args.length - 1] !== '';
  args.forEach((reply, i) => {
    if (reply || variadic) out.push([shQuote(`${key}|#${i + 1}`), reply]);
  });
  // A variadic last argument also completes every later position.
  if (variadic) out.push([`${shQuote(`${key}|#`)}*`, args[args.length - 1]!]);
  return out;
}

/** Renders the whole script for the tree under `root`. */
export function bashScript(root: CommandModel): string {
  const commands = allCommands(root);
  const key = (c: CommandModel) => c.path.join(' ');
  const pat = (c: CommandModel) => shQuote(key(c));
  const tables = [
    caseFunction(
      '__tsmesos_commands',
      'Subcommands of a command path ("" is tsmesos itself), into REPLY.',
      commands.filter((c) => c.subcommands.length > 0).map((c) => [pat(c), c.subcommands.map((s) => s.name).join(' ')]),
    ),
    caseFunction(
      '__tsmesos_options',
      'Every option a command path accepts: its own and the global ones.',
      commands.map((c) => [pat(c), optionWords(c, () => true)]),
    ),
    caseFunction(
      '__tsmesos_value_options',
      'Options declared `--flag <value>`: the next word is their value, never a command.',
      commands.map((c) => [pat(c), optionWords(c, (o) => o.valueRequired)] as [string, string]).filter(([, r]) => r !== ''),
    ),
    caseFunction(
      '__tsmesos_values',
      'Completions for "<path>|<option>" or "<path>|#<n>" (n-th argument): words, @files, @dirs or none.',
      commands.flatMap((c) => valueEntries(c, key(c))),
    ),
  ];
  return [`# bash completion for tsmesos                                   -*- shell-script -*-`, `# ${GENERATED_NOTE}`, INSTALL, '', ...tables, MAIN].join(
    '\n',
  );
}

const INSTALL = `# Install: tsmesos completion bash > /etc/bash_completion.d/tsmesos
#      or: echo 'source <(tsmesos completion bash)' >> ~/.bashrc`;

const MAIN = `# Sets COMPREPLY from $1 (words, @files or @dirs) matching $2, each prefixed with $3.
__tsmesos_reply() {
  local line
  case "$1" in
    @files) compopt -o filenames 2>/dev/null; set -- "$(compgen -f -- "$2")" "$2" "$3" ;;
    @dirs) compopt -o filenames 2>/dev/null; set -- "$(compgen -d -- "$2")" "$2" "$3" ;;
    *) set -- "$(compgen -W "$1" -- "$2")" "$2" "$3" ;;
  esac
  while IFS= read -r line; do
    [[ -n $line ]] && COMPREPLY+=("$3$line")
  done <<< "$1"
}

_tsmesos() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local path='' word last='' opt='' prefix='' npos=0 value=0 i REPLY
  COMPREPLY=()
  # Walk the words before the cursor. "=" is a word of its own when COMP_WORDBREAKS holds it.
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    if ((value)); then
      value=0
      [[ $word == = ]] && value=1
      continue
    fi
    case "$word" in
      =) value=1 ;;
      -*=*) ;;
      -*)
        last=$word
        __tsmesos_value_options "$path"
        [[ " $REPLY " == *" $word "* ]] && value=1
        ;;
      *)
        __tsmesos_commands "$path"
        if ((npos == 0)) && [[ " $REPLY " == *" $word "* ]]; then
          path="\${path:+$path }$word"
        else
          npos=$((npos + 1))
        fi
        ;;
    esac
  done
  # Is the cursor on an option's value?
  if [[ $cur == = ]]; then
    opt=$prev cur=''
  elif ((value)); then
    opt=$last
  elif [[ $cur == -*=* ]]; then
    opt="\${cur%%=*}" prefix="\${cur%%=*}=" cur="\${cur#*=}"
  elif [[ $prev == -* && $cur != -* ]]; then
    # An optional value ([bool]) offers its words; a plain switch does not.
    __tsmesos_values "$path|$prev"
    [[ -n $REPLY ]] && opt=$prev
  fi
  if [[ -n $opt ]]; then
    # Values with nothing to offer complete nothing rather than guessing.
    __tsmesos_values "$path|$opt"
    __tsmesos_reply "$REPLY" "$cur" "$prefix"
  elif [[ $cur == -* ]]; then
    __tsmesos_options "$path"
    __tsmesos_reply "$REPLY" "$cur" ''
  else
    REPLY=''
    ((npos == 0)) && __tsmesos_commands "$path"
    [[ -z $REPLY ]] && __tsmesos_values "$path|#$((npos + 1))"
    __tsmesos_reply "$REPLY" "$cur" ''
  fi
  return 0
}

complete -F _tsmesos tsmesos
`;
