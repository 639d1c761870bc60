/**
 * `/files/browse`, `/files/read`, `/files/download` and `/files/debug` on the agent (upstream
 * `FilesProcess` in `src/files/files.cpp`; `.json` spellings kept for old clients).
 *
 * Status codes:
 * - 400 for a malformed request: no `path`, a bad `offset`/`length`, reading or downloading a
 *   directory (upstream's texts);
 * - 404 `File not found` for every path that is not served — unknown, outside every sandbox,
 *   traversal in any encoding, a symlink leading out. Upstream answers 404 for unattached paths but
 *   400 "… is inaccessible" for a symlink escape; one answer for all refusals means no response
 *   reveals whether something exists outside a sandbox. 403 stays reserved for authorization, which
 *   tsmesos does not do yet.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { posix } from 'node:path';
import { HttpError } from '../../../http/http-error.js';
import { queryOf, route } from '../../../http/server.js';
import type { AgentView } from '../../model.js';
import { jsonpCallback, sendJson } from '../reply.js';
import { agentAttachmentTable } from './attachments.js';
import type { OpenedPath } from './open-contained.js';
import { browse, debugMap, downloadType, openRequestPath, readWindow } from './operations.js';
import { systemOwnerNames } from './owner-names.js';
import { encodeReadBody } from './read-body.js';
import { parseReadParams } from './read-window.js';

export interface FilesOptions {
  /** The agent's log file, served as `/slave/log` when set. */
  logFile?: string;
}

export const FILE_NOT_FOUND = 'File not found';

function requirePath(q: Record<string, string>): string {
  const path = q.path;
  if (path === undefined || path === '') throw new HttpError(400, "Expecting 'path=value' in query.");
  return path;
}

/**
 * `attachment; filename=<name>` as upstream writes it, bare when the name is a plain token; quoted
 * (and with an RFC 5987 form for non-ASCII) when a bare name would break the header's syntax.
 */
export function contentDisposition(name: string): string {
  if (/^[\w.+-]+$/.test(name)) return `attachment; filename=${name}`;
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  if (ascii === name) return `attachment; filename="${name}"`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function registerFilesRoutes(app: FastifyInstance, view: AgentView, opts: FilesOptions = {}): void {
  /** Runs `use` on the opened path and always closes it, unless `use` took ownership. */
  async function withOpened<T>(req: FastifyRequest, use: (o: OpenedPath, path: string) => Promise<T>): Promise<T> {
    const path = requirePath(queryOf(req));
    const opened = await openRequestPath(path, agentAttachmentTable(view, opts.logFile));
    if (opened === undefined) throw new HttpError(404, FILE_NOT_FOUND);
    try {
      return await use(opened, path);
    } finally {
      await opened.handle.close().catch(() => undefined);
    }
  }

  route(app, ['/files/browse', '/files/browse.json'], {
    GET: async (req, reply) => {
      const names = await systemOwnerNames();
      return sendJson(req, reply, await withOpened(req, (o, path) => browse(o, path, names)));
    },
  });

  route(app, ['/files/read', '/files/read.json'], {
    GET: async (req, reply) => {
      const params = parseReadParams(queryOf(req));
      const { offset, data } = await withOpened(req, async (o) => {
        if (o.stats.isDirectory()) throw new HttpError(400, 'Cannot read a directory.');
        return readWindow(o, params);
      });
      const cb = jsonpCallback(req);
      return reply.type(cb === undefined ? 'application/json' : 'application/javascript').send(encodeReadBody(offset, data, cb));
    },
  });

  route(app, ['/files/download', '/files/download.json'], {
    GET: async (req: FastifyRequest, reply: FastifyReply) => {
      const path = requirePath(queryOf(req));
      const opened = await openRequestPath(path, agentAttachmentTable(view, opts.logFile));
      if (opened === undefined) throw new HttpError(404, FILE_NOT_FOUND);
      if (opened.stats.isDirectory()) {
        await opened.handle.close().catch(() => undefined);
        throw new HttpError(400, 'Cannot download a directory.');
      }
      const name = posix.basename(opened.real);
      // The stream owns the handle from here and closes it when done or aborted.
      const stream = opened.handle.createReadStream({ start: 0, end: Math.max(0, opened.stats.size - 1) });
      reply.header('Content-Type', downloadType(name)).header('Content-Disposition', contentDisposition(name));
      if (opened.stats.size === 0) {
        stream.destroy();
        return reply.header('Content-Length', '0').send('');
      }
      return reply.header('Content-Length', String(opened.stats.size)).send(stream);
    },
  });

  route(app, ['/files/debug', '/files/debug.json'], {
    GET: async (req, reply) => sendJson(req, reply, await debugMap(agentAttachmentTable(view, opts.logFile))),
  });
}
