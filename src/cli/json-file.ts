/**
 * Reads the JSON file of `tsmesos app add -f app.json` / `tsmesos job add -f job.json` (`-` reads
 * stdin). A syntax error names the line and column, so a hand-edited file is quick to fix.
 */
import { readFileSync } from 'node:fs';
import { UserError } from './errors.js';

export async function readJsonFile(path: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<unknown> {
  let text: string;
  try {
    text = path === '-' ? await readAll(stdin) : readFileSync(path, 'utf8');
  } catch (e) {
    throw new UserError(`can not read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`, 'check the path given to -f (use - for stdin)');
  }
  return parseJsonText(text, path === '-' ? 'stdin' : path);
}

/** Parses `text`, turning a syntax error into `<where>:<line>:<col>: <reason>`. */
export function parseJsonText(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    let at = '';
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      const line = before.split('\n').length;
      const col = before.length - before.lastIndexOf('\n');
      at = `:${line}:${col}`;
    }
    const reason = msg.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
    throw new UserError(`${where}${at}: not valid JSON: ${reason}`, 'fix the JSON syntax (a trailing comma or a missing quote?) and try again');
  }
}

function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    stream.setEncoding('utf8');
    stream.on('data', (c: string) => (text += c));
    stream.on('end', () => resolve(text));
    stream.on('error', reject);
  });
}
