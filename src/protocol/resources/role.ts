/**
 * Role-name rules from upstream `docs/roles.md`: `*` is the unreserved role; other roles are
 * slash-separated paths (`eng/frontend`) whose segments are not empty, not `.` or `..`, do not start
 * with `-`, and contain no whitespace or control characters.
 */
import { ResourceError } from './resource-error.js';

/** The role of unreserved resources. */
export const UNRESERVED = '*';

/** Returns why `role` is invalid, or `undefined` when it is acceptable. */
export function roleProblem(role: unknown): string | undefined {
  if (typeof role !== 'string') return 'role must be a string';
  if (role === UNRESERVED) return undefined;
  if (role.length === 0) return 'role must not be empty';
  for (const segment of role.split('/')) {
    if (segment.length === 0) return `role '${role}' has an empty path segment`;
    if (segment === '.' || segment === '..') return `role '${role}' may not contain '.' or '..' segments`;
    if (segment.startsWith('-')) return `role '${role}' has a segment starting with '-'`;
    if (segment === '*') return `role '${role}' may only use '*' on its own`;
    // eslint-disable-next-line no-control-regex
    if (/[\s\x00-\x1f\x7f]/.test(segment)) return `role '${role}' contains whitespace or control characters`;
  }
  return undefined;
}

/** Throws a {@link ResourceError} when `role` is not a valid role name. */
export function checkRole(role: unknown): string {
  const problem = roleProblem(role);
  if (problem !== undefined) throw new ResourceError(problem);
  return role as string;
}

/** True when resources reserved for `reservation` may be offered to a framework in `role`
 *  (unreserved, the same role, or a parent role in the hierarchy). */
export function isAllocatableTo(reservation: string, role: string): boolean {
  return reservation === UNRESERVED || reservation === role || role.startsWith(reservation + '/');
}
