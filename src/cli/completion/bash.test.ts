/**
 * The bash script, run for real: source it in `bash`, set COMP_WORDS/COMP_CWORD as readline would,
 * call `_tsmesos`, read COMPREPLY. Once for the real tree (`buildProgram`), once for the sample tree
 * whose shapes (file values, variadic arguments) the real one may not have yet.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../main.js';
import { bashScript } from './bash.js';
import { commandModel } from './command-model.js';
import { sampleProgram } from './sample-program.js';

const dir = mkdtempSync(join(tmpdir(), 'tsmesos-bash-completion-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function scriptFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** COMPREPLY for a command line given as words; the last word is the one under the cursor. */
async function complete(script: string, words: string[], cwd = dir): Promise<string[]> {
  const run = 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _tsmesos; printf "%s\\n" "${COMPREPLY[@]}"';
  const r = await execa('bash', ['--norc', '--noprofile', '-c', run, 'bash', script, ...words], { cwd, env: { PATH: process.env.PATH ?? '' }, extendEnv: false });
  return r.stdout.split('\n').filter((l) => l !== '');
}

describe('bash completion of the real tree', () => {
  const real = scriptFile('real.bash', bashScript(commandModel(buildProgram({}).program)));
  const cases: Array<[string[], string[]]> = [
    [['tsmesos', 'fr'], ['framework']],
    [['tsmesos', 'framework', 'l'], ['list']],
    [['tsmesos', 'master', '--allo'], ['--allocation_interval']],
    [['tsmesos', 'agent', 'list', '--j'], ['--json']],
    [['tsmesos', 'completion', ''], ['bash', 'fish', 'zsh']],
    [['tsmesos', 'framework', 'list', '-'], ['--all', '-a', '--config', '--help', '-h', '--json', '--master']],
    // A `<value>` option's value is not completed blindly, and is never taken for a command.
    [['tsmesos', 'master', '--allocation_interval', ''], []],
    [['tsmesos', 'ps', '--master', 'fr'], []],
    [['tsmesos', '--config', '/nowhere', 'fr'], ['framework']],
    [['tsmesos', 'ps', '--master', '10.0.0.1:5050', '--js'], ['--json']],
    // `[bool]` offers true/false, also after `=` split off by COMP_WORDBREAKS or kept in the word.
    [['tsmesos', 'master', '--quiet', ''], ['true', 'false']],
    [['tsmesos', 'master', '--quiet', '=', 'f'], ['false']],
    [['tsmesos', 'master', '--quiet=t'], ['--quiet=true']],
    // Only the first operand can be a subcommand; arguments without choices complete nothing.
    [['tsmesos', 'teardown', 'abc', ''], []],
    [['tsmesos', 'help', 'te'], ['teardown']],
  ];
  it.each(cases)('%j completes to %j', async (words, expected) => {
    expect(await complete(real, words)).toEqual(expected);
  });
});

describe('bash completion of value and argument shapes', () => {
  const sample = scriptFile('sample.bash', bashScript(commandModel(sampleProgram())));
  writeFileSync(join(dir, 'conf.toml'), '');

  it('completes files for <path> and directories for <dir>, with and without "="', async () => {
    expect(await complete(sample, ['tsmesos', '--config', 'con'])).toEqual(['conf.toml']);
    expect(await complete(sample, ['tsmesos', 'group', 'list', '--config', '=', 'con'])).toEqual(['conf.toml']);
    expect(await complete(sample, ['tsmesos', 'alpha', '--work_dir', 'con'])).toEqual([]);
  });

  it('completes declared choices of options and arguments, variadic ones at every position', async () => {
    expect(await complete(sample, ['tsmesos', 'alpha', '--mode', ''])).toEqual(['fast', 'slow']);
    expect(await complete(sample, ['tsmesos', 'alpha', '--mode=s'])).toEqual(['--mode=slow']);
    expect(await complete(sample, ['tsmesos', 'alpha', ''])).toEqual(['zsh', 'bash']);
    expect(await complete(sample, ['tsmesos', 'group', 'add', 'x', ''])).toEqual(['red', 'blue']);
    expect(await complete(sample, ['tsmesos', 'group', 'add', 'x', 'red', 'b'])).toEqual(['blue']);
    expect(await complete(sample, ['tsmesos', 'group', 'add', ''])).toEqual([]);
  });

  it('offers the group’s subcommands and inherited options, not its siblings’', async () => {
    expect(await complete(sample, ['tsmesos', 'group', ''])).toEqual(['add', 'help', 'list']);
    expect(await complete(sample, ['tsmesos', 'group', 'list', '--'])).toEqual(['--all', '--config', '--help', '--master']);
    expect(await complete(sample, ['tsmesos', 'zeta', '--'])).toEqual(['--config', '--help', '--quiet']);
  });
});
