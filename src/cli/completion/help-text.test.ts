/** After-help text is read back from commander and split into prose and examples for the man page. */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { afterHelpText, parseHelpText } from './help-text.js';

describe('afterHelpText', () => {
  it('returns the text of every addHelpText("after"), trimmed, and nothing for other positions', () => {
    const cmd = new Command('x').addHelpText('before', 'not me').addHelpText('after', '\nOne.\n').addHelpText('after', () => 'Two.');
    expect(afterHelpText(cmd)).toBe('One.\n\nTwo.'); // as --help prints them: each text plus a newline
    expect(afterHelpText(new Command('y'))).toBe('');
  });
});

describe('parseHelpText', () => {
  it('splits paragraphs from the Examples block and each example into command and comment', () => {
    const text = `Columns: A, B
and C.

Examples:
  $ tsmesos ps                     running tasks
  $ tsmesos master --port=0    # pick a free port
  $ tsmesos ps --json | jq '.[] | .id'

Exit status: 0.`;
    expect(parseHelpText(text)).toEqual({
      paragraphs: ['Columns: A, B\nand C.', 'Exit status: 0.'],
      examples: [
        { command: 'tsmesos ps', comment: 'running tasks' },
        { command: 'tsmesos master --port=0', comment: 'pick a free port' },
        { command: "tsmesos ps --json | jq '.[] | .id'", comment: '' },
      ],
    });
  });

  it('takes a `# comment` line as the comment of the example below it', () => {
    const text = 'Examples:\n  # bash, for\n  # every user\n  $ a > b\n  # zsh\n  $ c   own comment\n  $ d';
    expect(parseHelpText(text).examples).toEqual([
      { command: 'a > b', comment: 'bash, for every user' },
      { command: 'c', comment: 'own comment' },
      { command: 'd', comment: '' },
    ]);
  });

  it('is empty for empty text', () => {
    expect(parseHelpText('')).toEqual({ paragraphs: [], examples: [] });
  });
});
