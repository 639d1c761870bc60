/**
 * Marathon's error bodies in words (marathon-chronos-api.md §1.2): `{"message"}` for most codes,
 * `{"message","details":[{path,errors}]}` for 400/422 validation failures, and
 * `{"message","deployments":[{id}]}` for a 409 on a locked app. Metronome answers `/v1/jobs` with the
 * same shapes, so the Chronos client reuses this for those paths. Pure: no I/O.
 */
import { jsonObjectOf } from './service-http.js';
import { snippet } from './url-text.js';

export interface FieldError {
  path: string;
  errors: string[];
}

/** `details` as `  /path: error` lines, one per error, in the order Marathon sent them. */
export function renderDetails(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  const lines: string[] = [];
  for (const d of details as Array<Partial<FieldError> | null>) {
    if (!d || typeof d !== 'object') continue;
    const path = typeof d.path === 'string' && d.path !== '' ? d.path : '/';
    const errors = Array.isArray(d.errors) && d.errors.length > 0 ? d.errors : ['(no reason given)'];
    for (const err of errors) lines.push(`  ${path}: ${String(err)}`);
  }
  return lines;
}

/** The deployment ids of a 409 "locked" answer. */
export function lockingDeployments(body: Record<string, unknown> | undefined): string[] {
  const deps = body?.deployments;
  if (!Array.isArray(deps)) return [];
  return deps.map((d) => (d && typeof d === 'object' ? String((d as { id?: unknown }).id ?? '') : '')).filter((id) => id !== '');
}

export interface Worded {
  message: string;
  hint?: string;
}

/**
 * Words one non-2xx answer. `service` names the API ("Marathon", "Metronome"), `what` the kind of
 * object the path is about ("app", "job") for the hints.
 */
export function wordMarathonError(
  e: { status: number; body: string; method: string; path: string; origin: string },
  service = 'Marathon',
  what: 'app' | 'job' = 'app',
): Worded {
  const obj = jsonObjectOf(e.body);
  const apiMessage = typeof obj?.message === 'string' ? obj.message : undefined;
  const head = `${service} at ${e.origin} answered ${e.status} to ${e.method} ${e.path}`;
  const cmd = what === 'app' ? 'tsmesos app' : 'tsmesos job';
  if (!obj) {
    const text = e.body.trim();
    const notService = e.status === 404 || e.status === 405 ? `is that address really ${service}? check --${what === 'app' ? 'marathon' : 'chronos'}` : undefined;
    return { message: `${head}${text ? `: ${snippet(text)}` : ''}`, hint: notService ?? statusHint(e.status, service) };
  }
  const details = renderDetails(obj.details);
  const message = `${head}: ${apiMessage ?? snippet(e.body)}${details.length ? `\n${details.join('\n')}` : ''}`;
  if ((e.status === 400 || e.status === 422) && details.length) {
    return { message, hint: `fix the ${details.length === 1 ? 'field' : 'fields'} listed above and run the command again` };
  }
  if (e.status === 409) {
    const locks = lockingDeployments(obj);
    if (locks.length) {
      return {
        message: `${head}: the ${what} is locked by deployment ${locks.join(', ')}`,
        hint: `wait for it (\`${cmd} deployments\`), roll it back with \`${cmd} rollback ${locks[0]}\`, or repeat with --force`,
      };
    }
    if (/already exists/i.test(apiMessage ?? '')) return { message, hint: `change it with \`${cmd} update\`, or remove it first` };
  }
  if (e.status === 404 && apiMessage) return { message, hint: `see \`${cmd} list\` for the ${what}s ${service} knows` };
  return { message, hint: statusHint(e.status, service) };
}

function statusHint(status: number, service: string): string | undefined {
  if (status === 503) return `${service} has no leader right now (starting, or electing one); wait a moment and try again`;
  if (status === 401 || status === 403) return `${service} refused the credentials; check the access rights of this user`;
  if (status >= 500) return `${service} failed internally; its log says why`;
  return undefined;
}
