/**
 * Quoting for generated shell code. Descriptions come from help text, which may hold quotes,
 * `$`, backticks or brackets; single quotes make all of that inert in bash, zsh and fish alike.
 */

/** A POSIX single-quoted word (bash, zsh): `'` becomes `'\''`. */
export function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A fish single-quoted word: only `\` and `'` are special inside it. */
export function fishQuote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Help text flattened to one line, for completion menus. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The header every generated file starts with (after a shell's own first line). */
export const GENERATED_NOTE =
  'Generated from the commander tree (src/cli/registry.ts) by `npm run build && npm run gen:docs`; do not edit.';
