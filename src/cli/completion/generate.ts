/**
 * One entry point from a commander program to the four generated files, shared by the
 * `tsmesos completion` command, the `gen:docs` script and the freshness test, so all three always
 * agree on what the committed files should contain.
 */
import type { Command } from 'commander';
import { bashScript } from './bash.js';
import { commandModel } from './command-model.js';
import { fishScript } from './fish.js';
import { manPage } from './man-page.js';
import { zshScript } from './zsh.js';

export const SHELLS = ['bash', 'fish', 'zsh'] as const;
export type Shell = (typeof SHELLS)[number];

/** Where each generated file lives, relative to the repository root. */
export const GENERATED_PATHS = {
  bash: 'completions/tsmesos.bash',
  zsh: 'completions/_tsmesos',
  fish: 'completions/tsmesos.fish',
  man: 'man/tsmesos.1',
} as const;

export function isShell(s: string): s is Shell {
  return (SHELLS as readonly string[]).includes(s);
}

/** The completion script for one shell. */
export function completionScript(program: Command, shell: Shell): string {
  const model = commandModel(program);
  return shell === 'bash' ? bashScript(model) : shell === 'zsh' ? zshScript(model) : fishScript(model);
}

/** Every generated file's content, keyed by its repository-relative path. */
export function generatedFiles(program: Command): Map<string, string> {
  const model = commandModel(program);
  return new Map([
    [GENERATED_PATHS.bash, bashScript(model)],
    [GENERATED_PATHS.zsh, zshScript(model)],
    [GENERATED_PATHS.fish, fishScript(model)],
    [GENERATED_PATHS.man, manPage(model, program.version() ?? '0.0.0')],
  ]);
}
