/**
 * /v2/groups (upstream `GroupsResource`): the tree of apps by their path ids, plus groups made
 * explicitly (with `dependencies`). POST creates (409 when the group exists), PUT replaces the
 * group's content (apps left out are stopped; `scaleBy` scales every app in it), DELETE removes
 * everything under it; each is one deployment, ordered by dependencies.
 * @module
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../../http/http-error.js';
import { route } from '../../../http/server.js';
import { canonicalPath } from '../app-model/path-id.js';
import { AppValidationError, type AppDefinition } from '../app-model/types.js';
import { parseNew, stamp, stampVersion } from '../scheduler/app-ops.js';
import { startDeployment } from '../scheduler/deployments.js';
import type { MarathonScheduler } from '../scheduler/marathon-scheduler.js';
import type { GroupRecord } from '../store.js';
import { deploymentReply, readBody } from './apps.js';
import { type HttpContext, queryBool, queryList, serviceOf } from './context.js';
import { appInfo, parseEmbeds } from './render.js';

const under = (group: string, id: string) => id !== group && id.startsWith(group === '/' ? '/' : `${group}/`);
const parent = (id: string) => id.slice(0, id.lastIndexOf('/')) || '/';
/** A group id from the URL; the root is a group too (canonicalPath refuses it for apps). */
const groupPath = (raw: string) => (raw.replace(/\/+$/, '') === '' ? '/' : canonicalPath(raw));

/** Every group id that exists: explicit ones, the ancestors of every app and group, and the root. */
function groupIds(s: MarathonScheduler): Set<string> {
  const ids = new Set<string>(['/']);
  const add = (id: string) => {
    for (let p = id; p !== '/'; p = parent(p)) ids.add(p);
  };
  for (const g of s.store.groups.keys()) add(g);
  for (const a of s.store.apps.keys()) add(parent(a));
  return ids;
}

function groupJson(s: MarathonScheduler, id: string, ids: Set<string>, embed: string[]): Record<string, unknown> {
  const all = embed.length === 0;
  const wantApps = all || embed.some((e) => e.startsWith('group.apps'));
  const wantGroups = all || embed.includes('group.groups');
  const appEmbeds = parseEmbeds(embed, 'group.apps');
  const rec = s.store.groups.get(id);
  const apps = [...s.store.apps.values()].filter((a) => parent(a.id) === id).sort((a, b) => a.id.localeCompare(b.id));
  const versions = [rec?.version, ...apps.map((a) => a.version)].filter((v): v is string => !!v).sort();
  return {
    id,
    apps: wantApps ? apps.map((a) => appInfo(s, a, appEmbeds)) : [],
    pods: [],
    groups: wantGroups ? [...ids].filter((g) => g !== '/' && parent(g) === id).sort().map((g) => groupJson(s, g, ids, embed)) : [],
    dependencies: rec?.dependencies ?? [],
    version: versions.at(-1) ?? new Date(0).toISOString(),
    enforceRole: false,
  };
}

interface ParsedGroup {
  groups: GroupRecord[];
  apps: AppDefinition[];
}

/** A group body (recursively): ids resolve against the parent, apps must sit inside their group. */
function parseGroup(s: MarathonScheduler, raw: unknown, id: string, version: string, out: ParsedGroup, path = ''): void {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new AppValidationError([{ path: path || '/', errors: ['error.expected.jsobject'] }], 'Invalid JSON');
  const g = raw as { dependencies?: unknown; apps?: unknown; groups?: unknown };
  const deps = Array.isArray(g.dependencies) ? g.dependencies.map((d) => canonicalPath(String(d), id)) : [];
  out.groups.push({ id, dependencies: deps, version });
  (Array.isArray(g.apps) ? g.apps : []).forEach((a, i) => {
    try {
      out.apps.push(parseNew(s, a, { groupId: id }));
    } catch (e) {
      if (e instanceof AppValidationError) throw new AppValidationError(e.details.map((d) => ({ path: `${path}/apps(${i})${d.path === '/' ? '' : d.path}`, errors: d.errors })), e.message);
      throw e;
    }
  });
  (Array.isArray(g.groups) ? g.groups : []).forEach((child, i) => {
    const cid = (child as { id?: unknown })?.id;
    if (typeof cid !== 'string') throw new AppValidationError([{ path: `${path}/groups(${i})/id`, errors: ['error.path.missing'] }], 'Invalid JSON');
    parseGroup(s, child, canonicalPath(cid, id), version, out, `${path}/groups(${i})`);
  });
}

async function change(ctx: HttpContext, req: FastifyRequest, reply: FastifyReply, id: string, mode: 'POST' | 'PUT'): Promise<unknown> {
  const s = serviceOf(ctx);
  const body = readBody(req) as Record<string, unknown>;
  const force = queryBool(req, 'force', false);
  const gid = typeof body?.id === 'string' && id === '/' ? canonicalPath(body.id) : id;
  const exists = groupIds(s).has(gid) && (gid !== '/' || s.store.apps.size > 0 || s.store.groups.size > 0);
  if (mode === 'POST' && exists) throw new HttpError(409, `Group ${gid} is already created. Use PUT to change this group.`);
  const changes = new Map<string, AppDefinition | undefined>();
  if (mode === 'PUT' && typeof body?.scaleBy === 'number') {
    for (const a of s.store.apps.values()) if (under(gid, a.id)) changes.set(a.id, stamp(s, { ...a, instances: Math.ceil(a.instances * (body.scaleBy as number)) }, a));
  } else if (mode === 'PUT' && typeof body?.version === 'string') {
    throw new HttpError(422, 'Object is not valid', {}, { details: [{ path: '/version', errors: ['group versions are not kept by tsmesos: roll back each app with PUT /v2/apps/{id} {"version":…}'] }] });
  } else {
    const version = stampVersion(s);
    const parsed: ParsedGroup = { groups: [], apps: [] };
    parseGroup(s, body, gid, version, parsed);
    const incoming = new Set(parsed.apps.map((a) => a.id));
    if (mode === 'PUT') for (const a of s.store.apps.values()) if (under(gid, a.id) && !incoming.has(a.id)) changes.set(a.id, undefined);
    for (const a of parsed.apps) changes.set(a.id, { ...stamp(s, a, s.store.apps.get(a.id)), version });
    if (queryBool(req, 'dryRun', false)) return { steps: [] };
    for (const g of parsed.groups) if (g.dependencies.length > 0 || !groupIds(s).has(g.id)) s.store.putGroup(g);
  }
  const d = startDeployment(s, changes, { force, version: stampVersion(s) });
  return deploymentReply(s, reply, d, mode === 'POST' ? 201 : 200);
}

export function registerGroups(app: FastifyInstance, ctx: HttpContext): void {
  const handlers = (idOf: (req: FastifyRequest) => string) => ({
    GET: (req: FastifyRequest) => {
      const s = serviceOf(ctx);
      const raw = idOf(req);
      const versions = /^(.*)\/versions$/.exec(raw);
      const id = groupPath(versions ? versions[1]! : raw);
      const ids = groupIds(s);
      if (!ids.has(id)) throw new HttpError(404, `Group '${id}' does not exist`);
      const g = groupJson(s, id, ids, queryList(req, 'embed'));
      return versions ? [g.version] : g;
    },
    POST: (req: FastifyRequest, reply: FastifyReply) => change(ctx, req, reply, groupPath(idOf(req)), 'POST'),
    PUT: (req: FastifyRequest, reply: FastifyReply) => change(ctx, req, reply, groupPath(idOf(req)), 'PUT'),
    PATCH: (req: FastifyRequest) => {
      const s = serviceOf(ctx);
      const id = groupPath(idOf(req));
      if (!groupIds(s).has(id)) throw new HttpError(404, `Group '${id}' does not exist`);
      return groupJson(s, id, groupIds(s), []);
    },
    DELETE: async (req: FastifyRequest, reply: FastifyReply) => {
      const s = serviceOf(ctx);
      const id = groupPath(idOf(req));
      if (!groupIds(s).has(id)) throw new HttpError(404, `Group '${id}' does not exist`);
      const changes = new Map<string, AppDefinition | undefined>();
      for (const a of s.store.apps.values()) if (under(id, a.id)) changes.set(a.id, undefined);
      for (const g of [...s.store.groups.keys()]) if (g === id || under(id, g)) s.store.deleteGroup(g);
      return deploymentReply(s, reply, startDeployment(s, changes, { force: queryBool(req, 'force', false), version: stampVersion(s) }));
    },
  });
  route(app, ['/v2/groups'], handlers(() => '/'));
  route(app, ['/v2/groups/*'], handlers((req) => '/' + (req.params as { '*': string })['*'].replace(/\/+$/, '')));
}
