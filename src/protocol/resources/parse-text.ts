/**
 * The agent `--resources` text syntax (upstream `Resources::parse`): `;`-separated tokens of the form
 * `name[(role)]:value`, where value is a scalar (`4`, `0.5`), ranges (`[31000-32000, 33000-33010]`)
 * or a set (`{a,b}`). We also accept the `(allocated: role)` group our `toString()` prints, so the
 * text form round-trips.
 */
import { ResourceError } from './resource-error.js';
import { roleProblem } from './role.js';
import { toMilli } from './scalar.js';
import { normalizeRanges, type Range } from './ranges.js';
import { normalizeSet } from './sets.js';
import { makeItem } from './item.js';
import type { Resource } from './types.js';

const NUMBER = /^[+]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^\d+$/;

/** Parses the semicolon syntax into raw entries (not yet merged); errors name the bad token. */
export function parseResourceText(text: string, defaultRole = '*'): Resource[] {
  if (typeof text !== 'string') throw new ResourceError('resources text must be a string');
  const out: Resource[] = [];
  for (const rawToken of text.split(';')) {
    const token = rawToken.trim();
    if (token.length === 0) continue;
    try {
      out.push(parseToken(token, defaultRole));
    } catch (err) {
      if (err instanceof ResourceError) throw new ResourceError(`bad resource token '${token}': ${err.message}`);
      throw err;
    }
  }
  return out;
}

function parseToken(token: string, defaultRole: string): Resource {
  const colon = headerEnd(token);
  if (colon < 0) throw new ResourceError("expected 'name:value'");
  const { name, role, allocationRole } = parseHeader(token.slice(0, colon).trim(), defaultRole);
  const value = token.slice(colon + 1).trim();
  if (value.startsWith('[')) {
    return makeItem(name, 'RANGES', role, allocationRole, undefined, parseRanges(value), undefined);
  }
  if (value.startsWith('{')) {
    return makeItem(name, 'SET', role, allocationRole, undefined, undefined, parseSet(value));
  }
  if (!NUMBER.test(value)) throw new ResourceError(`'${value}' is not a number, ranges or set`);
  return makeItem(name, 'SCALAR', role, allocationRole, toMilli(Number(value), `'${name}'`), undefined, undefined);
}

/** Index of the first ':' outside parentheses (the allocation group contains one). */
function headerEnd(token: string): number {
  let depth = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ':' && depth === 0) return i;
  }
  return -1;
}

function parseHeader(header: string, defaultRole: string): { name: string; role: string; allocationRole?: string } {
  const open = header.indexOf('(');
  const name = (open < 0 ? header : header.slice(0, open)).trim();
  if (name.length === 0) throw new ResourceError('missing resource name');
  if (/[()[\]{}]/.test(name)) throw new ResourceError(`bad resource name '${name}'`);
  let role = defaultRole;
  let allocationRole: string | undefined;
  let rest = open < 0 ? '' : header.slice(open);
  let sawRole = false;
  while (rest.length > 0) {
    const m = /^\(([^()]*)\)\s*/.exec(rest);
    if (m === null) throw new ResourceError(`bad role group '${rest}'`);
    const group = m[1]!.trim();
    const alloc = /^allocated:\s*(.*)$/.exec(group);
    if (alloc !== null) {
      allocationRole = alloc[1]!.trim();
      const problem = roleProblem(allocationRole);
      if (problem !== undefined) throw new ResourceError(problem);
    } else {
      if (sawRole) throw new ResourceError('more than one role given');
      sawRole = true;
      role = group;
    }
    rest = rest.slice(m[0].length);
  }
  const problem = roleProblem(role);
  if (problem !== undefined) throw new ResourceError(problem);
  return allocationRole === undefined ? { name, role } : { name, role, allocationRole };
}

function parseRanges(value: string): Range[] {
  if (!value.endsWith(']')) throw new ResourceError(`ranges '${value}' must end with ']'`);
  const inner = value.slice(1, -1).trim();
  if (inner.length === 0) return [];
  const pairs: Array<[number, number]> = inner.split(',').map((part) => {
    const bounds = part.trim().split('-').map((s) => s.trim());
    if (bounds.length !== 2 || !INTEGER.test(bounds[0]!) || !INTEGER.test(bounds[1]!)) {
      throw new ResourceError(`range '${part.trim()}' must look like 'begin-end'`);
    }
    return [Number(bounds[0]), Number(bounds[1])];
  });
  return normalizeRanges(pairs);
}

function parseSet(value: string): string[] {
  if (!value.endsWith('}')) throw new ResourceError(`set '${value}' must end with '}'`);
  const inner = value.slice(1, -1).trim();
  if (inner.length === 0) return [];
  const items = inner.split(',').map((s) => s.trim());
  if (items.some((s) => s.length === 0)) throw new ResourceError(`set '${value}' has an empty item`);
  return normalizeSet(items);
}
