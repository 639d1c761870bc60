/**
 * A plain, sorted snapshot of the live commander tree, which every generator (bash, zsh, fish, man)
 * renders. Reading commander once, here, keeps the generators free of commander internals, and
 * sorting here makes every generated file deterministic, so a test can compare it byte for byte
 * with the committed copy: nothing is hand-maintained per command.
 */
import type { Argument, Command, Option } from 'commander';
import { afterHelpText } from './help-text.js';

export interface OptionModel {
  /** As declared, e.g. `-a, --all` or `--master <addr>`. */
  flags: string;
  long?: string;
  short?: string;
  /** The option-argument's name (`addr`, `path`, `bool`), or undefined for a plain switch. */
  valueName?: string;
  /** `<value>`: the next word (or `=value`) is always the option's value. */
  valueRequired: boolean;
  /** `[value]`: a value may follow. */
  valueOptional: boolean;
  description: string;
  /** Words that complete the value: declared choices, or `true false` for a `[bool]`. */
  choices: string[];
  /** Environment variables named in the help text as `env NAME` (daemon flags, --config, --master). */
  env: string[];
}

export interface ArgumentModel {
  name: string;
  /** The argument's name again, read like an option's value name (`[zoo.cfg]` completes files). */
  valueName: string;
  required: boolean;
  variadic: boolean;
  description: string;
  choices: string[];
}

export interface CommandModel {
  name: string;
  /** Words after `tsmesos`: `[]` for the program, `['framework', 'list']` for a nested one. */
  path: string[];
  /** One line for completion menus: the summary, else the description's first sentence. */
  summary: string;
  description: string;
  /** Commander's usage line, e.g. `[options] <frameworkId>`. */
  usage: string;
  /** Commander's implicit `help [command]`; the man page lists only the program's own. */
  isHelpCommand: boolean;
  /** Own options, sorted by name (including `-h, --help`). */
  options: OptionModel[];
  /** Options of ancestors that commander also accepts here (e.g. `--config`), minus help/version. */
  inherited: OptionModel[];
  args: ArgumentModel[];
  subcommands: CommandModel[];
  /** Text added with `addHelpText('after', …)`: prose and an `Examples:` block. */
  afterHelp: string;
}

const ENV_IN_HELP = /\benv ([A-Z][A-Z0-9_]*)/g;

/** Name used to sort and to identify an option: `all` for `-a, --all`. */
export function optionKey(o: Pick<OptionModel, 'long' | 'short'>): string {
  return (o.long ?? o.short ?? '').replace(/^-+/, '');
}

function optionModel(o: Option): OptionModel {
  const valueName = /[<[]([^>\]]+)[>\]]/.exec(o.flags)?.[1];
  const choices = o.argChoices ? [...o.argChoices] : valueName === 'bool' ? ['true', 'false'] : [];
  return {
    flags: o.flags,
    long: o.long,
    short: o.short,
    valueName,
    valueRequired: o.required,
    valueOptional: o.optional,
    description: o.description,
    choices,
    env: [...o.description.matchAll(ENV_IN_HELP)].map((m) => m[1]!),
  };
}

function argumentModel(a: Argument, siblings: string[], isHelp: boolean): ArgumentModel {
  // `help [command]` takes the name of a sibling command: complete those.
  const choices = a.argChoices ? [...a.argChoices] : isHelp && a.name() === 'command' ? siblings : [];
  return { name: a.name(), valueName: a.name(), required: a.required, variadic: a.variadic, description: a.description, choices };
}

function firstSentence(text: string): string {
  const line = text.split('\n')[0] ?? '';
  const m = /^(.*?[.!?])(\s|$)/.exec(line);
  return (m ? m[1]! : line).replace(/\.$/, '');
}

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const byOption = (a: OptionModel, b: OptionModel) => (optionKey(a) < optionKey(b) ? -1 : optionKey(a) > optionKey(b) ? 1 : 0);

/** Options an ancestor parses anywhere on the line (commander's default, non-positional parsing). */
function inheritable(cmd: Command, versionAttribute: string | undefined): OptionModel[] {
  const help = cmd.createHelp();
  return help
    .visibleOptions(cmd)
    .filter((o) => o.long !== '--help' && o.attributeName() !== versionAttribute)
    .map(optionModel);
}

/** Walks `program` and everything below it; the program itself has `path: []`. */
export function commandModel(program: Command): CommandModel {
  // Commander names the version option only in this private field (its attribute name).
  const versionAttribute = (program as unknown as { _versionOptionName?: string })._versionOptionName;
  const walk = (cmd: Command, path: string[], inherited: OptionModel[], siblings: string[]): CommandModel => {
    const help = cmd.createHelp();
    const own = help.visibleOptions(cmd).map(optionModel).sort(byOption);
    const ownKeys = new Set(own.map(optionKey));
    const passed = inherited.filter((o) => !ownKeys.has(optionKey(o)));
    const children = help.visibleCommands(cmd);
    const childNames = children.map((c) => c.name()).filter((n) => n !== 'help').sort();
    const isHelp = path.length > 0 && isImplicitHelp(cmd);
    const below = [...passed, ...inheritable(cmd, versionAttribute)].sort(byOption);
    return {
      name: cmd.name(),
      path,
      summary: cmd.summary() || firstSentence(cmd.description()),
      description: cmd.description(),
      usage: cmd.usage(),
      isHelpCommand: isHelp,
      options: own,
      inherited: passed.sort(byOption),
      args: cmd.registeredArguments.map((a) => argumentModel(a, siblings, isHelp)),
      subcommands: children.map((c) => walk(c, [...path, c.name()], dedupe(below), childNames)).sort(byName),
      afterHelp: afterHelpText(cmd),
    };
  };
  return walk(program, [], [], []);
}

/** Commander's implicit `help [command]` (it has no public marker, so recognise its shape). */
function isImplicitHelp(cmd: Command): boolean {
  const args = cmd.registeredArguments;
  return cmd.name() === 'help' && cmd.commands.length === 0 && args.length === 1 && args[0]!.name() === 'command';
}

function dedupe(options: OptionModel[]): OptionModel[] {
  const seen = new Set<string>();
  return options.filter((o) => !seen.has(optionKey(o)) && Boolean(seen.add(optionKey(o))));
}

/** Every command, depth first in sorted order, the program first. */
export function allCommands(root: CommandModel): CommandModel[] {
  return [root, ...root.subcommands.flatMap(allCommands)];
}

/** Own options then inherited ones: what a user may type at this command. */
export function acceptedOptions(cmd: CommandModel): OptionModel[] {
  return [...cmd.options, ...cmd.inherited].sort(byOption);
}

/** How a value (of an option or argument) completes: fixed words, file names, directories, or not at all. */
export type ValueCompletion = { kind: 'words'; words: string[] } | { kind: 'files' } | { kind: 'dirs' } | { kind: 'none' };

/**
 * Decided by the declared choices, else by the value's name (`<path>`, `<file>`, `<dir>`), so a new
 * option gets file completion by naming its value well rather than by editing a generator.
 */
export function valueCompletion(valueName: string | undefined, choices: string[]): ValueCompletion {
  if (choices.length > 0) return { kind: 'words', words: choices };
  if (valueName && /dir/i.test(valueName)) return { kind: 'dirs' };
  // `<path>`, `<file>`, or a name that is itself a file name (`[zoo.cfg]`).
  if (valueName && (/path|file/i.test(valueName) || /\.[a-z0-9]+$/i.test(valueName))) return { kind: 'files' };
  return { kind: 'none' };
}
