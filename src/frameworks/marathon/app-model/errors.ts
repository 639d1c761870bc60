/**
 * Turns zod issues into Marathon's error details: one `{path, errors[]}` per JSON path, paths in
 * upstream's JsPath/accord form (`/container/portMappings(0)/hostPort`, `/` for the whole app), and
 * type errors as Play JSON message keys (`error.expected.jsnumber`, `error.path.missing`, …).
 */
import type * as z from 'zod';
import { AppValidationError, type FieldError } from './types.js';

export type PathKey = string | number;

/** `['container','portMappings',0]` → `/container/portMappings(0)`; `[]` → `/`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const k of path) out += typeof k === 'number' ? `(${k})` : `/${String(k)}`;
  return out === '' ? '/' : out;
}

/** Java's Double.toString for ordinary values: `-1` → `-1.0`, `0.5` → `0.5`. */
export function javaDouble(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e7) return n.toFixed(1);
  return String(n);
}

/** Accumulates errors, grouped per path in first-seen order, without duplicates. */
export class ErrorBag {
  private readonly byPath = new Map<string, string[]>();

  add(path: string | readonly PropertyKey[], message: string): void {
    const p = typeof path === 'string' ? path : formatPath(path);
    const list = this.byPath.get(p) ?? [];
    if (!list.includes(message)) list.push(message);
    this.byPath.set(p, list);
  }

  get size(): number {
    return this.byPath.size;
  }

  details(): FieldError[] {
    return [...this.byPath].map(([path, errors]) => ({ path, errors }));
  }

  throwIfAny(message = 'Object is not valid'): void {
    if (this.size > 0) throw new AppValidationError(this.details(), message);
  }
}

const EXPECTED: Record<string, string> = {
  number: 'error.expected.jsnumber',
  string: 'error.expected.jsstring',
  boolean: 'error.expected.jsboolean',
  array: 'error.expected.jsarray',
  object: 'error.expected.jsobject',
  record: 'error.expected.jsobject',
};

/** Play JSON's message key for a type issue (what upstream answers for a body of the wrong shape). */
export function playMessage(issue: z.core.$ZodIssue, root: unknown): string {
  if (issue.code === 'invalid_type') {
    const input = valueAt(root, issue.path);
    if (input === undefined) return 'error.path.missing';
    if (issue.expected === 'int') return typeof input === 'number' ? 'error.expected.int' : 'error.expected.jsnumber';
    return EXPECTED[issue.expected] ?? `error.expected.js${issue.expected}`;
  }
  if (issue.code === 'invalid_value') return 'error.unknown.enum.literal';
  if (issue.code === 'invalid_union') return 'error.invalid';
  return issue.message;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** Adds every issue of a failed parse to `bag`; `play` maps type issues to Play keys, else the issue message is kept. */
export function addIssues(bag: ErrorBag, issues: readonly z.core.$ZodIssue[], root: unknown, play: boolean): void {
  for (const issue of issues) {
    if (issue.code === 'invalid_union' && play) {
      // Report the first branch's issues (upstream reads the first alternative it knows).
      const first = issue.errors[0];
      if (first && first.length > 0) {
        for (const sub of first) bag.add([...issue.path, ...sub.path], playMessage(sub, valueAt(root, issue.path)));
        continue;
      }
    }
    bag.add(issue.path, play ? playMessage(issue, root) : issue.message);
  }
}
