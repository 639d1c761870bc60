/**
 * App changes as the REST API makes them (upstream `AppsResource` + `GroupManager`): parse and
 * validate (CORE parseApp), hand out service ports, stamp a version (a scale-only change moves
 * `lastScalingAt` only), and start the deployment. Everything here throws HttpError or
 * AppValidationError for the API layer to render.
 * @module
 */
import { HttpError } from '../../../http/http-error.js';
import { isOnlyScaleChange, isUpgrade } from '../app-model/compare.js';
import { parseApp } from '../app-model/normalize.js';
import type { AppDefinition } from '../app-model/types.js';
import type { DeploymentRecord } from './deployment-record.js';
import { startDeployment } from './deployments.js';
import type { MarathonScheduler } from './marathon-scheduler.js';

let lastVersion = 0;

/** A new version timestamp, strictly later than any handed out before by this process. */
export function stampVersion(s: MarathonScheduler): string {
  lastVersion = Math.max(s.now(), lastVersion + 1);
  return new Date(lastVersion).toISOString();
}

export function notFound(id: string): HttpError {
  return new HttpError(404, `App '${id}' does not exist`);
}

/** Service ports `0` become free ports from --local_port_min..max (kept from `base` where it had one). */
export function assignServicePorts(s: MarathonScheduler, app: AppDefinition, base?: AppDefinition): AppDefinition {
  const used = new Set<number>();
  for (const other of s.store.apps.values()) {
    if (other.id === app.id) continue;
    for (const p of other.portDefinitions) used.add(p.port);
    for (const m of other.container?.portMappings ?? []) used.add(m.servicePort);
  }
  for (const p of app.portDefinitions) if (p.port !== 0) used.add(p.port);
  for (const m of app.container?.portMappings ?? []) if (m.servicePort !== 0) used.add(m.servicePort);
  const old = base ? [...base.portDefinitions.map((p) => p.port), ...(base.container?.portMappings ?? []).map((m) => m.servicePort)] : [];
  let next = s.config.localPortMin;
  const pick = (index: number): number => {
    const keep = old[index];
    if (keep !== undefined && keep !== 0 && !used.has(keep)) {
      used.add(keep);
      return keep;
    }
    while (used.has(next) && next <= s.config.localPortMax) next++;
    if (next > s.config.localPortMax) throw new HttpError(422, `no free service port left in ${s.config.localPortMin}-${s.config.localPortMax}`);
    used.add(next);
    return next;
  };
  let index = 0;
  const portDefinitions = app.portDefinitions.map((p) => ({ ...p, port: p.port === 0 ? pick(index++) : (index++, p.port) }));
  const container = app.container
    ? { ...app.container, portMappings: app.container.portMappings.map((m) => ({ ...m, servicePort: m.servicePort === 0 ? pick(index++) : (index++, m.servicePort) })) }
    : undefined;
  return { ...app, portDefinitions, ...(container ? { container } : {}) };
}

/** Version and versionInfo for `next` replacing `prev` (undefined = a new app). */
export function stamp(s: MarathonScheduler, next: AppDefinition, prev: AppDefinition | undefined, forceRestart = false): AppDefinition {
  const v = stampVersion(s);
  if (!prev || forceRestart || isUpgrade(prev, next)) return { ...next, version: v, versionInfo: { lastScalingAt: v, lastConfigChangeAt: v } };
  return { ...next, version: v, versionInfo: { lastScalingAt: isOnlyScaleChange(prev, next) ? v : prev.versionInfo.lastScalingAt, lastConfigChangeAt: prev.versionInfo.lastConfigChangeAt } };
}

export function parseNew(s: MarathonScheduler, raw: unknown, opts: { idFromPath?: string; groupId?: string; base?: AppDefinition } = {}): AppDefinition {
  const app = parseApp(raw, { ...opts, defaultRole: s.config.role });
  return assignServicePorts(s, app, opts.base);
}

/** POST /v2/apps. */
export function createApp(s: MarathonScheduler, raw: unknown, force: boolean): { app: AppDefinition; deployment: DeploymentRecord } {
  const parsed = parseNew(s, raw);
  if (s.store.apps.has(parsed.id)) throw new HttpError(409, `An app with id [${parsed.id}] already exists.`);
  if (s.store.groups.has(parsed.id)) throw new HttpError(409, `A group with id [${parsed.id}] already exists.`);
  const app = stamp(s, parsed, undefined);
  const deployment = startDeployment(s, new Map([[app.id, app]]), { force, version: app.version });
  return { app, deployment };
}

/** PUT /v2/apps/{id} (partialUpdate: absent fields keep their values) and PATCH. */
export async function updateApp(s: MarathonScheduler, id: string, raw: unknown, opts: { partial: boolean; force: boolean; mustExist?: boolean }): Promise<{ created: boolean; app: AppDefinition; deployment: DeploymentRecord }> {
  const prev = s.store.apps.get(id);
  if (!prev && opts.mustExist) throw notFound(id);
  const body = raw as Record<string, unknown>;
  let next: AppDefinition;
  if (prev && body && typeof body === 'object' && typeof body.version === 'string' && Object.keys(body).every((k) => k === 'version' || k === 'id')) {
    // {"version": ts}: roll back to a stored version.
    const old = await s.store.version(id, body.version);
    if (!old) throw new HttpError(404, `Version '${body.version}' of app '${id}' does not exist`);
    next = stamp(s, old, prev, old.versionInfo.lastConfigChangeAt !== prev.versionInfo.lastConfigChangeAt);
  } else {
    const parsed = parseNew(s, raw, { idFromPath: id, ...(prev && opts.partial ? { base: prev } : {}) });
    if (parsed.id !== id) throw new HttpError(422, `The app id in the body (${parsed.id}) does not match the URL (${id})`);
    next = stamp(s, parsed, prev);
  }
  const deployment = startDeployment(s, new Map([[id, next]]), { force: opts.force, version: next.version });
  return { created: !prev, app: next, deployment };
}

export function deleteApp(s: MarathonScheduler, id: string, force: boolean): DeploymentRecord {
  if (!s.store.apps.has(id)) throw notFound(id);
  return startDeployment(s, new Map([[id, undefined]]), { force, version: stampVersion(s) });
}

export function restartApp(s: MarathonScheduler, id: string, force: boolean): DeploymentRecord {
  const prev = s.store.apps.get(id);
  if (!prev) throw notFound(id);
  const next = stamp(s, prev, prev, true);
  return startDeployment(s, new Map([[id, next]]), { force, version: next.version });
}

export function scaleApp(s: MarathonScheduler, id: string, instances: number, force: boolean): DeploymentRecord {
  const prev = s.store.apps.get(id);
  if (!prev) throw notFound(id);
  const next = stamp(s, { ...prev, instances }, prev);
  return startDeployment(s, new Map([[id, next]]), { force, version: next.version });
}
