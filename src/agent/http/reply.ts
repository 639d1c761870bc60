/**
 * Route spellings and JSON replies shared by the agent's endpoints (compat-rules.md "Routes"): each
 * agent endpoint answers at `/slave(1)/<x>` and `/<x>` (the agent process is libprocess's delegate),
 * old clients call the `.json` forms, and GET endpoints honour `?jsonp=cb` as upstream's `OK(json,
 * jsonp)` does.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { queryOf } from '../../http/server.js';

/** The agent's libprocess id; `/slave(1)/state` is the canonical spelling of `/state`. */
export const AGENT_PROCESS = 'slave(1)';

/** `/slave(1)/x`, `/x`, and with `json` also `/slave(1)/x.json`, `/x.json`. */
export function agentAliases(name: string, json = true): string[] {
  const base = [`/${AGENT_PROCESS}/${name}`, `/${name}`];
  return json ? [...base, ...base.map((p) => `${p}.json`)] : base;
}

/** A callback name safe to echo into JavaScript (no injection through `?jsonp=`). */
const JSONP_NAME = /^[A-Za-z_$][\w$.]*$/;

/** The `?jsonp=` callback when it is present and safe, else `undefined` (plain JSON is sent). */
export function jsonpCallback(req: FastifyRequest): string | undefined {
  const cb = queryOf(req).jsonp;
  return cb && JSONP_NAME.test(cb) ? cb : undefined;
}

export function sendJson(req: FastifyRequest, reply: FastifyReply, body: unknown): FastifyReply {
  const cb = jsonpCallback(req);
  if (cb !== undefined) {
    return reply.type('application/javascript').send(`${cb}(${JSON.stringify(body)});`);
  }
  return reply.type('application/json').send(JSON.stringify(body));
}
