/**
 * Marathon's `label` query selector (upstream `LabelSelectorParsers`): comma-separated terms, all
 * of which must hold, each on a label the app has — `key` (exists), `key==value`, `key!=value`, `key in (a, b)`,
 * `key notin (a, b)`. A backslash escapes the next character. A selector that does not parse
 * answers 400.
 * @module
 */
import { HttpError } from '../../../http/http-error.js';

type Term = { key: string; op: 'exists' | '==' | '!=' | 'in' | 'notin'; values: string[] };

/** Splits on `sep` outside parentheses, honouring backslash escapes (kept for a later unescape). */
function split(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      cur += c + text[++i];
      continue;
    }
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === sep && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

const unescape = (s: string) => s.trim().replace(/\\(.)/g, '$1');

export function parseLabelSelector(text: string): Term[] {
  return split(text, ',').map((raw) => {
    const t = raw.trim();
    const set = /^((?:\\.|[^\s\\])+)\s+(in|notin)\s*\((.*)\)$/.exec(t);
    if (set) return { key: unescape(set[1]!), op: set[2] as 'in' | 'notin', values: split(set[3]!, ',').map(unescape) };
    const eq = /^((?:\\.|[^=!\\])+)(==|!=)(.*)$/.exec(t);
    if (eq) return { key: unescape(eq[1]!), op: eq[2] as '==' | '!=', values: [unescape(eq[3]!)] };
    if (/^(?:\\.|[^\s=!(),\\])+$/.test(t)) return { key: unescape(t), op: 'exists', values: [] };
    throw new HttpError(400, `Invalid label selector: ${text}`);
  });
}

export function matchesLabelSelector(selector: string, labels: Record<string, string>): boolean {
  return parseLabelSelector(selector).every((term) => {
    const has = Object.prototype.hasOwnProperty.call(labels, term.key);
    const v = labels[term.key];
    switch (term.op) {
      case 'exists':
        return has;
      case '==':
        return has && v === term.values[0];
      case '!=':
        return has && v !== term.values[0];
      case 'in':
        return has && term.values.includes(v!);
      case 'notin':
        return has && !term.values.includes(v!);
    }
  });
}
