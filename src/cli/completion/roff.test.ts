/** Help text must reach groff intact: escapes, guarded lines, option hyphens as `\-`. */
import { describe, expect, it } from 'vitest';
import { bold, literalBlock, macroArg, prose, protectLines, roffCode, roffText } from './roff.js';

describe('roff escaping', () => {
  it('doubles nothing but turns backslashes into \\e', () => {
    expect(roffText('C:\\dir')).toBe('C:\\edir');
  });

  it('escapes the hyphens of options in prose, not of words', () => {
    expect(roffText('use --work_dir or -a, not half-way (--ip)')).toBe('use \\-\\-work_dir or \\-a, not half-way (\\-\\-ip)');
    expect(roffText('x=--y "--z"')).toBe('x=\\-\\-y "\\-\\-z"');
  });

  it('escapes every hyphen in code', () => {
    expect(roffCode('tsmesos ps --all -a x-y')).toBe('tsmesos ps \\-\\-all \\-a x\\-y');
    expect(bold('--json')).toBe('\\fB\\-\\-json\\fR');
  });

  it('writes non-ASCII as \\[uXXXX] so groff needs no preprocessor', () => {
    expect(roffText('0a8b…-0000 ’')).toBe('0a8b\\[u2026]-0000 \\[u2019]');
  });

  it('guards lines that would be read as requests', () => {
    expect(protectLines(".jq\n'quoted\nplain")).toBe("\\&.jq\n\\&'quoted\nplain");
    expect(prose('.[] is jq')).toBe('\\&.[] is jq');
    expect(literalBlock(['.x'])).toEqual(['.RS 4', '.nf', '\\&.x', '.fi', '.RE']);
  });

  it('wraps prose near 78 columns without breaking escapes or leaving a request-like line', () => {
    const out = prose(`${'word '.repeat(30)}.dot --flag`).split('\n');
    expect(out.every((l) => l.length <= 78)).toBe(true);
    // `.dot` wrapped to the start of a line, so it gained its guard.
    expect(out.join(' ')).toBe(`${'word '.repeat(30)}\\&.dot \\-\\-flag`);
    expect(out.some((l) => /^[.']/.test(l))).toBe(false);
  });

  it('quotes macro arguments', () => {
    expect(macroArg('tsmesos "x" --y')).toBe('"tsmesos \\(dqx\\(dq \\-\\-y"');
  });
});
