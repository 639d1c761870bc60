/**
 * `tsmesos completion <bash|zsh|fish>`: prints a shell completion script generated from the live
 * command tree (the same text as the committed completions/ files, which `npm run gen:docs`
 * writes), so an installed binary can always produce completions that match its own commands.
 */
import { Argument, type Command } from 'commander';
import type { CliContext } from './context.js';
import { SHELLS, completionScript, isShell } from './completion/generate.js';
import { UsageError } from './errors.js';

export function registerCompletion(program: Command, ctx: CliContext): void {
  // The choices feed `--help` and the generated completions; the parser turns a wrong shell into
  // our own usage error (exit 2, with a hint) instead of commander's generic message.
  const shell = new Argument('<shell>', 'the shell to print a completion script for')
    .choices(SHELLS)
    .argParser((value: string) => {
      if (!isShell(value)) {
        throw new UsageError(`unknown shell ${JSON.stringify(value)}`, `choose one of ${SHELLS.join(', ')}, e.g. \`tsmesos completion bash\``);
      }
      return value;
    });
  program
    .command('completion')
    .summary('print a shell completion script (bash, zsh or fish)')
    .description('Print a completion script for bash, zsh or fish on standard output; install it as shown below.')
    .addArgument(shell)
    .addHelpText(
      'after',
      `
Examples:
  # bash, for every user (then open a new shell)
  $ tsmesos completion bash > /etc/bash_completion.d/tsmesos
  # bash, for you only
  $ echo 'source <(tsmesos completion bash)' >> ~/.bashrc
  # zsh: into a directory of your $fpath, then start a new shell
  $ tsmesos completion zsh > "\${fpath[1]}/_tsmesos"
  # fish
  $ tsmesos completion fish > ~/.config/fish/completions/tsmesos.fish`,
    )
    .action((name: string) => {
      if (!isShell(name)) throw new UsageError(`unknown shell ${JSON.stringify(name)}`);
      ctx.stdout.write(completionScript(program, name));
    });
}
