/**
 * `man/tsmesos.1`, rendered from the same command model as the completions: SYNOPSIS lists every
 * command's usage line, COMMANDS every command with its options, arguments, extra help prose and
 * examples, ENVIRONMENT every variable an option's help names as `env NAME`. The frame around it
 * (FILES, EXIT STATUS, SEE ALSO) is the CLI's contract from DESIGN.md, the same for every command.
 */
import { type ArgumentModel, type CommandModel, type OptionModel, acceptedOptions, allCommands } from './command-model.js';
import { type Example, parseHelpText } from './help-text.js';
import { environmentSection, exitStatusSection, filesSection } from './man-sections.js';
import { GENERATED_NOTE } from './quote.js';
import { bold, italic, literalBlock, macroArg, prose, roffCode, roffText } from './roff.js';

const title = (cmd: CommandModel): string => ['tsmesos', ...cmd.path].join(' ');

/** Every command has `-h, --help`; the man page says so once instead of in every section. */
const documented = (options: OptionModel[]): OptionModel[] => options.filter((o) => o.long !== '--help');

function optionTag(o: OptionModel): string {
  const names = [o.short, o.long].filter((f): f is string => Boolean(f)).map(bold).join(', ');
  if (o.valueRequired) return `${names} ${italic(o.valueName ?? 'value')}`;
  if (o.valueOptional) return `${names} [${italic(o.valueName ?? 'value')}]`;
  return names;
}

/** A description, then its allowed values (the synthetic `true, false` of a `[bool]` says nothing new). */
function withChoices(description: string, choices: string[], valueName?: string): string {
  if (choices.length === 0 || valueName === 'bool') return description;
  return `${description.replace(/\.?$/, '.')} One of: ${choices.join(', ')}.`;
}

function optionItem(o: OptionModel): string[] {
  return ['.TP', optionTag(o), prose(withChoices(o.description, o.choices, o.valueName))];
}

function argumentItem(a: ArgumentModel): string[] {
  const name = a.variadic ? `${a.name}...` : a.name;
  return ['.TP', italic(name), prose(withChoices(a.description || 'argument', a.choices))];
}

/**
 * Each commented example is its comment as a paragraph, then the command as a literal block;
 * uncommented examples in a row share one block, as they do in `--help`.
 */
function exampleItems(examples: Example[]): string[] {
  const groups: Array<{ comment: string; commands: string[] }> = [];
  for (const e of examples) {
    const last = groups[groups.length - 1];
    if (!e.comment && last && !last.comment) last.commands.push(`$ ${e.command}`);
    else groups.push({ comment: e.comment, commands: [`$ ${e.command}`] });
  }
  return groups.flatMap((g) => ['.PP', ...(g.comment ? [prose(g.comment)] : []), ...literalBlock(g.commands)]);
}

function paragraphs(text: string[]): string[] {
  return text.flatMap((p) => ['.PP', prose(p)]);
}

/** The man page lists the program's `help [command]` but not the copy commander adds per group. */
function listed(root: CommandModel): CommandModel[] {
  return allCommands(root).filter((c) => c.path.length > 0 && !(c.isHelpCommand && c.path.length > 1));
}

function commandSection(cmd: CommandModel): string[] {
  const help = parseHelpText(cmd.afterHelp);
  const out = [`.SS ${macroArg(title(cmd))}`, `${bold(title(cmd))} ${roffCode(cmd.usage)}`];
  if (cmd.description) out.push('.PP', prose(cmd.description));
  if (cmd.args.length > 0) out.push('.PP', 'Arguments:', ...cmd.args.flatMap(argumentItem));
  const options = documented(cmd.options);
  if (options.length > 0) out.push('.PP', 'Options:', ...options.flatMap(optionItem));
  out.push(...paragraphs(help.paragraphs));
  if (help.examples.length > 0) out.push('.PP', 'Examples:', ...exampleItems(help.examples));
  return out;
}

/** Renders the page for the tree under `root`; `version` goes into the footer. */
export function manPage(root: CommandModel, version: string): string {
  const rootHelp = parseHelpText(root.afterHelp);
  const lines = [
    `.\\" Man page for tsmesos(1). ${GENERATED_NOTE}`,
    `.TH TSMESOS 1 "" ${macroArg(`tsmesos ${version}`)} "User Commands"`,
    '.SH NAME',
    `tsmesos \\- ${roffText(root.description)}`,
    '.SH SYNOPSIS',
    '.nf',
    `${bold('tsmesos')} ${roffCode(root.usage)}`,
    ...listed(root).map((c) => `${bold(title(c))} ${roffCode(c.usage)}`),
    '.fi',
    '.SH DESCRIPTION',
    prose(`${root.description}.`),
    ...paragraphs([DESCRIPTION, ...rootHelp.paragraphs]),
    '.SH OPTIONS',
    'Global options, accepted before or after the command name:',
    ...documented(acceptedOptions(root)).flatMap(optionItem),
    '.TP',
    optionTag({ short: '-h', long: '--help' } as OptionModel),
    'Print the help of the program or of a command, with examples, and exit 0.',
    '.SH COMMANDS',
    ...listed(root).flatMap(commandSection),
    ...exitStatusSection(),
    ...environmentSection(allCommands(root)),
    ...filesSection(),
    '.SH EXAMPLES',
    ...exampleItems(rootHelp.examples).slice(1), // a paragraph macro right after .SH is redundant
    '.SH SEE ALSO',
    `${bold('mesos-master')}(8), ${bold('mesos-agent')}(8), ${bold('bash')}(1), ${bold('zshcompsys')}(1), ${bold('fish')}(1)`,
    '.PP',
    prose('Shell completions: tsmesos completion --help. Apache Mesos: https://mesos.apache.org/documentation/latest/'),
  ];
  return `${lines.join('\n')}\n`;
}

const DESCRIPTION = `One tsmesos binary runs as a Mesos master, an agent, a ZooKeeper-compatible coordinator or a
framework, and it is also the operator's command-line interface. Daemon flags keep the upstream
names and spellings (--work_dir, --zk, --resources). Every command accepts -h, --help, and every
list command has --json for scripts.`;
