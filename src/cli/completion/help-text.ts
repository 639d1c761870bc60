/**
 * The free text a command adds to its `--help` (`addHelpText('after', …)`): prose paragraphs and an
 * `Examples:` block of `$ tsmesos …   comment` lines. The man page reuses it so that the examples
 * written once, for `--help`, also appear in `man tsmesos` without a second copy to keep in step.
 */
import type { Command } from 'commander';

export interface Example {
  /** The command line without the leading `$ `, e.g. `tsmesos ps --json | jq '.[].id'`. */
  command: string;
  /** The explanation after it (two or more spaces, or `#`), if any. */
  comment: string;
}

export interface HelpText {
  /** Paragraphs other than the examples, each one string with its original line breaks. */
  paragraphs: string[];
  examples: Example[];
}

/**
 * Replays the command's `afterHelp` listeners into a string. Commander keeps `addHelpText` text
 * only inside those listeners, so asking them to write is the one way to read it back.
 */
export function afterHelpText(cmd: Command): string {
  let text = '';
  const context = { error: false, command: cmd, write: (s: string) => void (text += s) };
  // Command is an EventEmitter at run time, though commander's typings do not say so.
  const emitter = cmd as unknown as NodeJS.EventEmitter;
  for (const listener of emitter.listeners('afterHelp')) (listener as (c: typeof context) => void)(context);
  return text.replace(/^\n+/, '').replace(/\s+$/, '');
}

/** Splits after-help text into prose paragraphs and parsed example lines. */
export function parseHelpText(text: string): HelpText {
  const paragraphs: string[] = [];
  const examples: Example[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    if (/^examples?:$/i.test(lines[0]!.trim())) {
      examples.push(...parseExamples(lines.slice(1)));
    } else {
      paragraphs.push(lines.join('\n'));
    }
  }
  return { paragraphs, examples };
}

/** A `# comment` line explains the example after it, when that one has no comment of its own. */
function parseExamples(lines: string[]): Example[] {
  const out: Example[] = [];
  let pending = '';
  for (const line of lines) {
    const comment = /^\s*#\s*(.*)$/.exec(line);
    if (comment) {
      pending = pending ? `${pending} ${comment[1]}` : comment[1]!;
      continue;
    }
    const example = parseExample(line);
    out.push(example.comment || !pending ? example : { ...example, comment: pending });
    pending = '';
  }
  return out;
}

function parseExample(line: string): Example {
  const body = line.trim().replace(/^\$\s+/, '');
  const hash = /^(.*?)\s+#\s+(.*)$/.exec(body);
  if (hash) return { command: hash[1]!.trim(), comment: hash[2]!.trim() };
  const gap = /^(.*?\S)\s{2,}(\S.*)$/.exec(body);
  if (gap) return { command: gap[1]!, comment: gap[2]!.trim() };
  return { command: body, comment: '' };
}
