/**
 * The fish script: conditions and quoting by rendering, behaviour by fish itself when installed
 * (`fish -n`, then `complete -C '<line>'`, which asks fish what it would offer at the cursor).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../main.js';
import { commandModel } from './command-model.js';
import { fishScript } from './fish.js';
import { sampleProgram } from './sample-program.js';

const hasFish = spawnSync('fish', ['--version']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'tsmesos-fish-completion-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fish script rendering', () => {
  const text = fishScript(commandModel(sampleProgram()));

  it('guards each command’s lines with __fish_seen_subcommand_from conditions', () => {
    expect(text).toContain(`complete -c tsmesos -n 'not __fish_seen_subcommand_from alpha group help zeta' -a group -d 'a group'`);
    expect(text).toContain(
      `complete -c tsmesos -n '__fish_seen_subcommand_from group; and not __fish_seen_subcommand_from add help list' -a list -d 'List things'`,
    );
    expect(text).toContain(
      `complete -c tsmesos -n '__fish_seen_subcommand_from group; and __fish_seen_subcommand_from list' -s a -l all -d 'everything'`,
    );
  });

  it('says what values complete to: nothing, files, directories or choices', () => {
    expect(text).toContain(`-l master -x -d 'master (else env MESOS_MASTER)'`);
    expect(text).toContain(`-l config -r -F -d 'config file; env TSMESOS_CONFIG'`);
    expect(text).toContain(`-l work_dir -x -a '(__fish_complete_directories)' -d 'where'`);
    expect(text).toContain(`-l mode -x -a 'fast slow' -d 'how'`);
    expect(text).toContain(`-n '__fish_seen_subcommand_from alpha' -a 'zsh bash' -d 'a shell'`);
  });

  it('quotes backslashes and single quotes the fish way', () => {
    const p = new Command('tsmesos');
    p.command('x').option('--a', `it's a \\ backslash`);
    expect(fishScript(commandModel(p))).toContain(`-l a -d 'it\\'s a \\\\ backslash'`);
  });
});

describe.skipIf(!hasFish)('fish completion, run in fish', () => {
  const file = join(dir, 'tsmesos.fish');
  writeFileSync(file, fishScript(commandModel(buildProgram({}).program)));

  async function complete(line: string): Promise<string[]> {
    const r = await execa('fish', ['--no-config', '-c', 'source $argv[1]; complete -C $argv[2]', file, line], {
      env: { HOME: dir, XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir },
    });
    return r.stdout
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => l.split('\t')[0]!);
  }

  it('parses (fish -n)', () => {
    const r = spawnSync('fish', ['-n', file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('completes subcommands, nested subcommands, options and choices', async () => {
    expect(await complete('tsmesos fr')).toEqual(['framework']);
    expect(await complete('tsmesos framework l')).toEqual(['list']);
    expect(await complete('tsmesos master --allo')).toEqual(['--allocation_interval']);
    expect(await complete('tsmesos completion ')).toEqual(['bash', 'fish', 'zsh']);
    expect(await complete('tsmesos framework list --')).toEqual(['--all', '--config', '--help', '--json', '--master']);
    expect(await complete('tsmesos agent ')).toEqual(['help', 'list', 'run']);
    expect(await complete('tsmesos --config /nowhere fr')).toEqual(['framework']);
  });
});
