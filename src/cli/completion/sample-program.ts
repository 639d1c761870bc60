/**
 * A small commander tree with every shape the generators must handle (nested groups, required,
 * optional and file values, choices, a variadic argument, help text), for the generators' tests.
 * The real tree changes as commands are added; this one stays put so tests can name exact words.
 */
import { Argument, Command, Option } from 'commander';

export function sampleProgram(): Command {
  const program = new Command('tsmesos').version('1.2.3', '-V, --version', 'print the version');
  program.option('--config <path>', 'config file; env TSMESOS_CONFIG');
  program.command('zeta').description('Last one. More text.').option('--quiet [bool]', 'less output; env MESOS_QUIET');
  const group = program.command('group').summary('a group');
  group
    .command('list')
    .description('List things.')
    .option('--master <addr>', 'master (else env MESOS_MASTER)')
    .option('-a, --all', 'everything')
    .addHelpText('after', '\nExamples:\n  $ tsmesos group list -a    all of them');
  group
    .command('add')
    .argument('<name>', 'what to add')
    .addArgument(new Argument('[tags...]', 'labels').choices(['red', 'blue']));
  program
    .command('alpha')
    .addArgument(new Argument('<shell>', 'a shell').choices(['zsh', 'bash']))
    .addOption(new Option('--mode <mode>', 'how').choices(['fast', 'slow']))
    .option('--work_dir <dir>', 'where');
  return program;
}

