/** The model is what every generator trusts: sorted, complete, and true to commander's parsing. */
import { describe, expect, it } from 'vitest';
import { acceptedOptions, allCommands, commandModel, valueCompletion } from './command-model.js';
import { sampleProgram } from './sample-program.js';

describe('commandModel', () => {
  const root = commandModel(sampleProgram());
  const find = (path: string) => allCommands(root).find((c) => c.path.join(' ') === path)!;

  it('sorts subcommands by name at every level, with commander’s implicit help', () => {
    expect(root.subcommands.map((c) => c.name)).toEqual(['alpha', 'group', 'help', 'zeta']);
    expect(find('group').subcommands.map((c) => c.name)).toEqual(['add', 'help', 'list']);
    expect(allCommands(root).map((c) => c.path.join(' '))).toEqual([
      '',
      'alpha',
      'group',
      'group add',
      'group help',
      'group list',
      'help',
      'zeta',
    ]);
  });

  it('sorts options and tells switches, required and optional values apart', () => {
    const list = find('group list');
    expect(list.options.map((o) => o.flags)).toEqual(['-a, --all', '-h, --help', '--master <addr>']);
    expect(list.options[2]).toMatchObject({ valueName: 'addr', valueRequired: true, valueOptional: false, env: ['MESOS_MASTER'] });
    expect(find('zeta').options[1]).toMatchObject({ long: '--quiet', valueOptional: true, choices: ['true', 'false'] });
  });

  it('passes ancestors’ options down, but not their --help or --version', () => {
    expect(find('group list').inherited.map((o) => o.long)).toEqual(['--config']);
    expect(acceptedOptions(find('group list')).map((o) => o.long)).toEqual(['--all', '--config', '--help', '--master']);
    expect(root.inherited).toEqual([]);
  });

  it('keeps declared choices, and gives `help [command]` its sibling names', () => {
    expect(find('alpha').args[0]).toMatchObject({ name: 'shell', required: true, choices: ['zsh', 'bash'] });
    expect(find('alpha').options.find((o) => o.long === '--mode')!.choices).toEqual(['fast', 'slow']);
    expect(find('help')).toMatchObject({ isHelpCommand: true });
    expect(find('help').args[0]!.choices).toEqual(['alpha', 'group', 'zeta']);
    expect(find('group help').args[0]!.choices).toEqual(['add', 'list']);
  });

  it('uses the summary, else the first sentence, and reads the after-help text back', () => {
    expect(find('group').summary).toBe('a group');
    expect(find('zeta').summary).toBe('Last one');
    expect(find('group list').afterHelp).toBe('Examples:\n  $ tsmesos group list -a    all of them');
    expect(find('group list').usage).toBe('[options]');
  });
});

describe('valueCompletion', () => {
  it('prefers choices, then reads the value name', () => {
    expect(valueCompletion('path', ['a'])).toEqual({ kind: 'words', words: ['a'] });
    expect(valueCompletion('path', [])).toEqual({ kind: 'files' });
    expect(valueCompletion('file', [])).toEqual({ kind: 'files' });
    expect(valueCompletion('dir', [])).toEqual({ kind: 'dirs' });
    expect(valueCompletion('zoo.cfg', [])).toEqual({ kind: 'files' });
    expect(valueCompletion('addr', [])).toEqual({ kind: 'none' });
    expect(valueCompletion(undefined, [])).toEqual({ kind: 'none' });
  });
});
