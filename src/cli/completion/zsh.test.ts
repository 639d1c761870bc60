/**
 * The zsh script: its quoting (brackets, colons, quotes in help text) is checked by rendering, and
 * its behaviour by zsh itself when zsh is installed (`zsh -n`, then real completion in a pty via
 * zsh-capture.zsh). Without zsh those two are skipped; the rendering checks always run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../main.js';
import { commandModel } from './command-model.js';
import { sampleProgram } from './sample-program.js';
import { zshScript } from './zsh.js';

const hasZsh = spawnSync('zsh', ['--version']).status === 0;
const capture = fileURLToPath(new URL('./zsh-capture.zsh', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tsmesos-zsh-completion-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('zsh script rendering', () => {
  it('starts with #compdef and has one function per command', () => {
    const text = zshScript(commandModel(sampleProgram()));
    expect(text.split('\n')[0]).toBe('#compdef tsmesos');
    for (const fn of ['_tsmesos', '_tsmesos_alpha', '_tsmesos_group', '_tsmesos_group_add', '_tsmesos_group_list', '_tsmesos_zeta']) {
      expect(text).toContain(`\n${fn}() {\n`);
    }
    expect(text).toContain(`'(-a --all)'{-a,--all}'[everything]'`);
    expect(text).toContain(`'--mode=[how]:mode:(fast slow)'`);
    expect(text).toContain(`'--quiet=[less output; env MESOS_QUIET]::bool:(true false)'`);
    expect(text).toContain(`'*::tags -- labels:(red blue)'`);
    expect(text).toContain(`'--work_dir=[where]:dir:_files -/'`);
    expect(text).toContain(`_describe -t commands 'tsmesos group command' commands`);
  });

  it('escapes what _arguments and the shell would misread', () => {
    const p = new Command('tsmesos');
    p.command('x').option('--a <v>', `it's [odd]: \\ $HOME`).argument('<id>', 'an id: like a:b');
    const text = zshScript(commandModel(p));
    expect(text).toContain(`'--a=[it'\\''s \\[odd\\]: \\\\ $HOME]:v: '`);
    expect(text).toContain(`'1:id -- an id\\: like a\\:b: '`);
  });
});

describe.skipIf(!hasZsh)('zsh completion, run in zsh', () => {
  const fpathDir = join(dir, 'functions');
  const script = zshScript(commandModel(buildProgram({}).program));

  async function complete(line: string): Promise<string[]> {
    const r = await execa('zsh', ['-f', capture, fpathDir, line], { timeout: 20_000, env: { TMPDIR: dir }, cwd: dir });
    return [...new Set(r.stdout.split('\n').filter((l) => l !== ''))];
  }

  it('parses (zsh -n)', () => {
    const file = join(dir, 'syntax.zsh');
    writeFileSync(file, script);
    const r = spawnSync('zsh', ['-n', file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('completes subcommands, nested subcommands, options and choices', async () => {
    mkdirSync(fpathDir, { recursive: true });
    writeFileSync(join(fpathDir, '_tsmesos'), script);
    expect(await complete('tsmesos fr')).toEqual(['framework']);
    expect(await complete('tsmesos framework l')).toEqual(['list']);
    expect(await complete('tsmesos master --allo')).toEqual(['--allocation_interval']);
    expect(await complete('tsmesos completion ')).toEqual(['bash', 'fish', 'zsh']);
    expect((await complete('tsmesos ps --')).sort()).toEqual(['--all', '--config', '--help', '--json', '--master']);
    expect(await complete('tsmesos master --quiet=')).toEqual(['true', 'false']);
    expect(await complete('tsmesos --config /nowhere fr')).toEqual(['framework']);
  }, 60_000);
});
