/**
 * The agent's `/files/*` over a real socket (issue 3 item 8 and its path-traversal proof): a
 * fastify app with `registerAgentHttp` on an ephemeral loopback port, real sandbox directories, a
 * secret file outside them and symlinks pointing at it. Every hostile path must be refused by
 * browse, read and download alike, and no byte of the secret may ever appear in an answer.
 */
import { request } from 'node:http';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxFixture, STDOUT_TEXT, type SandboxFixture } from '../../src/agent/http/fixtures.test-helpers.js';
import { agentApp } from '../../src/agent/http/test-server.test-helpers.js';

let fx: SandboxFixture;
let app: FastifyInstance;
let port: number;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** GET with the request target sent exactly as given (no client-side URL normalisation). */
function rawGet(target: string, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: target, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const VIRTUAL = '/frameworks/M1-0000/executors/web.1/runs/latest';
const ENDPOINTS = ['/files/browse', '/files/read', '/files/download', '/files/browse.json', '/files/read.json'];

beforeAll(async () => {
  fx = sandboxFixture();
  symlinkSync(fx.secret, join(fx.sandbox, 'leak'));
  symlinkSync(fx.root, join(fx.sandbox, 'up'));
  symlinkSync(fx.secret, join(fx.completedSandbox, 'leak'));
  mkdirSync(`${fx.sandbox}-evil`);
  writeFileSync(join(`${fx.sandbox}-evil`, 'stdout'), fx.secretText);
  app = agentApp(fx.view, fx.logFile);
  await app.listen({ host: '127.0.0.1', port: 0 });
  port = (app.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await app.close();
  fx.cleanup();
});

/** `../../…/secret.txt` from the live sandbox. */
const up = () => relative(fx.sandbox, fx.secret);

/**
 * Hostile `path` values, as the server sees them after the one standard query decoding. Each is a
 * function because the sandbox paths only exist once `beforeAll` has run.
 */
const HOSTILE: Array<[string, () => string]> = [
  ['absolute path of the secret', () => fx.secret],
  ['/etc/passwd', () => '/etc/passwd'],
  ['dot-dot out of the sandbox', () => `${fx.sandbox}/${up()}`],
  ['dot-dot out of the virtual path', () => `${VIRTUAL}/${up()}`],
  ['dot-dot out of the agent log', () => `/slave/log/${up()}`],
  ['symlink to the secret', () => `${fx.sandbox}/leak`],
  ['symlink to the secret via the virtual path', () => `${VIRTUAL}/leak`],
  ['symlink to the secret in a completed run', () => `${fx.completedSandbox}/leak`],
  ['symlinked directory leading out', () => `${fx.sandbox}/up/secret.txt`],
  ['symlinked directory itself', () => `${VIRTUAL}/up`],
  ['string-prefix sibling of the sandbox', () => `${fx.sandbox}-evil/stdout`],
  ['percent-encoded dot-dot', () => `${fx.sandbox}/${up().replace(/\.\./g, '%2e%2e')}`],
  ['upper-case percent-encoded dot-dot', () => `${fx.sandbox}/${up().replace(/\.\./g, '%2E%2E')}`],
  ['double-encoded dot-dot', () => `${fx.sandbox}/${up().replace(/\.\./g, '%252e%252e')}`],
  ['triple-encoded dot-dot', () => `${VIRTUAL}/${up().replace(/\.\./g, '%25252e%25252e')}`],
  ['encoded slashes around dot-dot', () => `${fx.sandbox}${'%2f..'.repeat(12)}%2fsecret.txt`],
  ['NUL byte', () => `${fx.sandbox}/leak\u0000`],
  ['NUL byte before a sandbox suffix', () => `${fx.secret}\u0000${fx.sandbox}/stdout`],
  ['encoded NUL', () => `${fx.sandbox}/leak%00.txt`],
  ['backslash separators', () => `${fx.sandbox}\\${up().replace(/\//g, '\\')}`],
  ['encoded backslashes', () => `${fx.sandbox}/${up().replace(/\//g, '%5c')}`],
  ['doubled leading slash', () => `/${fx.secret}`],
  ['doubled slash inside', () => `${fx.sandbox}//${up()}`],
  ['single dot segment', () => `${fx.sandbox}/./leak`],
  ['trailing dot', () => `${fx.sandbox}/leak.`],
  ['trailing dot-dot', () => `${fx.sandbox}/..`],
  ['relative path', () => 'secret.txt'],
  ['relative dot-dot', () => `../${up()}`],
  ['file URL', () => `file://${fx.secret}`],
  ['/proc/self/root prefix', () => `/proc/self/root${fx.secret}`],
  ['parent of the sandboxes', () => fx.root],
  ['suffix under the agent log', () => '/slave/log/secret.txt'],
  ['unknown virtual executor', () => '/frameworks/M1-0000/executors/nope/runs/latest/stdout'],
  ['through a file', () => `${fx.sandbox}/stdout/${up()}`],
];

describe.each(ENDPOINTS)('%s refuses hostile paths', (endpoint) => {
  it.each(HOSTILE)('%s', async (_what, pathOf) => {
    const path = pathOf();
    const query = endpoint.includes('read') ? `path=${encodeURIComponent(path)}&offset=0` : `path=${encodeURIComponent(path)}`;
    const res = await rawGet(`${endpoint}?${query}`);
    expect(res.status, `${path} → ${res.status}`).toBe(404);
    expect(res.body.includes(fx.secretText), 'the secret leaked').toBe(false);
  });
});

describe('agent /files refusals', () => {
  it('has at least 20 hostile cases per endpoint', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(20);
  });

  it('refuses raw, unencoded traversal in the query string too', async () => {
    for (const endpoint of ENDPOINTS) {
      for (const path of [`${fx.sandbox}/${up()}`, `${VIRTUAL}/${up()}`, `${fx.sandbox}/%2e%2e/%2e%2e`, `${fx.sandbox}/leak`]) {
        const res = await rawGet(`${endpoint}?path=${path}&offset=0`);
        expect(res.status, `${endpoint} ${path}`).toBe(404);
        expect(res.body.includes(fx.secretText)).toBe(false);
      }
    }
  });

  it('answers refusals with one uniform 404, and a missing path with 400', async () => {
    const refused = await rawGet(`/files/read?path=${encodeURIComponent(`${fx.sandbox}/leak`)}&offset=0`);
    const missing = await rawGet(`/files/read?path=${encodeURIComponent(`${fx.sandbox}/no-such-file`)}&offset=0`);
    expect([refused.status, refused.body.toString()]).toEqual([404, 'File not found']);
    expect([missing.status, missing.body.toString()]).toEqual([404, 'File not found']);
    for (const endpoint of ENDPOINTS) expect((await rawGet(`${endpoint}?path=`)).status).toBe(400);
    expect((await rawGet('/files/download')).status).toBe(400);
  });

  it('never lists the secret through /files/browse', async () => {
    const listing = JSON.parse((await rawGet(`/files/browse?path=${encodeURIComponent(fx.sandbox)}`)).body.toString()) as Array<{ path: string; size: number; mode: string }>;
    const leak = listing.find((e) => e.path.endsWith('/leak'))!;
    expect(leak.mode.startsWith('l')).toBe(true);
    expect(listing.some((e) => e.path.endsWith('secret.txt'))).toBe(false);
  });
});

describe('agent /files happy paths', () => {
  const enc = encodeURIComponent;
  const stdout = () => `${fx.sandbox}/stdout`;

  it('reads a window at an offset', async () => {
    const res = await rawGet(`/files/read?path=${enc(stdout())}&offset=11&length=7`);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString())).toEqual({ offset: 11, data: STDOUT_TEXT.slice(11, 18) });
  });

  it('answers the size for offset=-1 (and for no offset, as upstream)', async () => {
    for (const q of ['&offset=-1', '']) {
      expect(JSON.parse((await rawGet(`/files/read.json?path=${enc(stdout())}${q}`)).body.toString())).toEqual({ offset: STDOUT_TEXT.length, data: '' });
    }
  });

  it('reads through the virtual path and the real runs/latest path', async () => {
    for (const dir of [VIRTUAL, join(fx.sandbox, '..', 'latest')]) {
      const res = await rawGet(`/files/read?path=${enc(`${dir}/stdout`)}&offset=0`);
      expect(JSON.parse(res.body.toString()).data).toBe(STDOUT_TEXT);
    }
  });

  it('browses a sandbox with upstream entry fields', async () => {
    const res = await rawGet(`/files/browse?path=${enc(`${VIRTUAL}/`)}`);
    const listing = JSON.parse(res.body.toString()) as Array<Record<string, unknown>>;
    const entry = listing.find((e) => e.path === `${VIRTUAL}/stdout`);
    expect(entry).toMatchObject({ size: STDOUT_TEXT.length, nlink: 1, mode: '-rw-r--r--' });
    expect(typeof entry?.uid).toBe('string');
    expect(typeof entry?.mtime).toBe('number');
    expect(listing.find((e) => e.path === `${VIRTUAL}/logs`)?.mode).toMatch(/^d/);
  });

  it('downloads raw bytes as an attachment', async () => {
    const res = await rawGet(`/files/download?path=${enc(stdout())}`);
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe(STDOUT_TEXT);
    expect(res.headers['content-disposition']).toBe('attachment; filename=stdout');
    expect(res.headers['content-type']).toBe('application/octet-stream');
    const log = await rawGet(`/files/download?path=${enc(`${fx.sandbox}/logs/app.log`)}`);
    expect(log.headers['content-type']).toMatch(/^text\/plain/);
  });

  it('serves completed runs and the agent log', async () => {
    const old = await rawGet(`/files/read?path=${enc(`${fx.completedSandbox}/stdout`)}&offset=0`);
    expect(JSON.parse(old.body.toString()).data).toBe('old run output\n');
    const log = await rawGet('/files/read?path=/slave/log&offset=0');
    expect(JSON.parse(log.body.toString()).data).toBe('agent log line\n');
  });
});

describe('agent routes over the socket', () => {
  it('answers /slave(1)/state and its aliases, with a trailing slash too', async () => {
    for (const url of ['/slave(1)/state', '/slave(1)/state.json', '/state', '/state.json', '/state/', '/slave(1)/state/']) {
      const res = await rawGet(url);
      expect(res.status, url).toBe(200);
      expect(JSON.parse(res.body.toString()).frameworks[0].executors[0].directory).toBe(fx.sandbox);
    }
  });

  it('wraps /state in a jsonp callback', async () => {
    const res = await rawGet('/state?jsonp=render');
    expect(res.headers['content-type']).toMatch(/application\/javascript/);
    expect(res.body.toString()).toMatch(/^render\(\{"version":.*\}\);$/s);
  });

  it('answers 405 for a wrong method', async () => {
    for (const [method, url] of [['POST', '/state'], ['DELETE', '/files/read'], ['PUT', '/files/download'], ['GET', '/api/v1']]) {
      const res = await rawGet(url!, method);
      expect(res.status, `${method} ${url}`).toBe(405);
      expect(res.headers.allow).toBeDefined();
    }
  });
});
