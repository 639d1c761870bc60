/**
 * Escaping for the man page (man(7) roff). Help text is written for terminals, so before it goes
 * into roff: a backslash is roff's escape character, a line starting with `.` or `'` would be read
 * as a request, non-ASCII needs `\[uXXXX]` to survive `groff` without `-k`, and the hyphens of
 * option names must be `\-` so that they render (and copy-paste) as ASCII minus signs.
 */

function escapeCommon(s: string, hyphens: (t: string) => string): string {
  const escaped = hyphens(s.replace(/\\/g, '\\e'));
  return [...escaped].map((ch) => (ch.charCodeAt(0) < 128 ? ch : `\\[u${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`)).join('');
}

/** Prose: only hyphens that start an option (`--work_dir`, `-a`) become `\-`; word hyphens stay. */
export function roffText(s: string): string {
  return escapeCommon(s, (t) => t.replace(/(^|[\s(["'`=,/|])(--?)(?=[A-Za-z0-9_])/g, (_m, pre: string, dashes: string) => pre + dashes.replace(/-/g, '\\-')));
}

/** Literal code (option names, command lines): every hyphen is `\-`. */
export function roffCode(s: string): string {
  return escapeCommon(s, (t) => t.replace(/-/g, '\\-'));
}

/** Keeps text lines from being read as requests: a leading `.` or `'` gets a `\&` guard. */
export function protectLines(text: string): string {
  return text
    .split('\n')
    .map((l) => (/^[.']/.test(l) ? `\\&${l}` : l))
    .join('\n');
}

/** Breaks a text line at spaces so the source stays near 78 columns (fill mode rejoins them). */
function wrap(line: string, width = 78): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of line.split(/ +/)) {
    if (current && current.length + 1 + word.length > width) {
      out.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  return [...out, current];
}

/** Help prose as roff text lines: escaped, wrapped, and guarded against being read as requests. */
export function prose(text: string): string {
  const lines = roffText(text)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return protectLines(lines.flatMap((l) => wrap(l)).join('\n'));
}

export const bold = (code: string): string => `\\fB${roffCode(code)}\\fR`;
export const italic = (code: string): string => `\\fI${roffCode(code)}\\fR`;

/** A `.SH`/`.SS` argument: double quotes can not appear inside a quoted macro argument. */
export function macroArg(s: string): string {
  return `"${roffCode(s).replace(/"/g, '\\(dq')}"`;
}

/** A block of literal lines, indented and unfilled (examples). */
export function literalBlock(lines: string[]): string[] {
  return ['.RS 4', '.nf', ...lines.map((l) => protectLines(roffCode(l))), '.fi', '.RE'];
}
