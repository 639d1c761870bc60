/** The Marathon and Chronos clients against an in-process HTTP server answering recorded upstream shapes. */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChronosClient, chronosMessage, parseGraphCsv } from './chronos-client.js';
import { ClientError } from './client-error.js';
import { MarathonClient, canonicalAppId } from './marathon-client.js';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let server: Server;
let base: string;
let handler: Handler = (_q, _b, res) => res.writeHead(500).end();
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push(`${req.method} ${req.url}${body ? ` ${body}` : ''}`);
      handler(req, body, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const json = (res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(value));

async function failure(p: Promise<unknown>): Promise<ClientError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ClientError) return e;
    throw e;
  }
  throw new Error('expected a ClientError');
}

describe('MarathonClient', () => {
  it('canonical ids', () => {
    expect(canonicalAppId('test')).toBe('/test');
    expect(canonicalAppId('/a/b/')).toBe('/a/b');
  });

  it('create: 201 body, deployment id from the header; update sends force and partialUpdate', async () => {
    handler = (req, _b, res) => {
      if (req.method === 'POST') return json(res, 201, { id: '/test', instances: 3, deployments: [{ id: 'd-body' }] }, { 'Marathon-Deployment-Id': 'd-1', Location: '/test' });
      return json(res, 200, { deploymentId: 'd-2', version: '2024-01-01T00:00:00.000Z' });
    };
    const c = new MarathonClient(base);
    const created = await c.createApp({ id: 'test', cmd: 'sleep 1' });
    expect(created).toEqual({ app: { id: '/test', instances: 3, deployments: [{ id: 'd-body' }] }, deploymentId: 'd-1' });
    const up = await c.updateApp('test', { instances: 5 }, { force: true });
    expect(up).toEqual({ deploymentId: 'd-2', version: '2024-01-01T00:00:00.000Z' });
    expect(seen.at(-1)).toBe('PUT /v2/apps/test?force=true {"instances":5}');
  });

  it('kill with scale answers a deployment; without, the task', async () => {
    handler = (req, _b, res) =>
      req.url!.includes('scale=true') ? json(res, 200, { deploymentId: 'd-3', version: 'v' }) : json(res, 200, { task: { id: 't1', appId: '/a' } });
    const c = new MarathonClient(base);
    expect(await c.killTask('/a', 't1', { scale: true })).toEqual({ deployment: { deploymentId: 'd-3', version: 'v' } });
    expect(seen.at(-1)).toBe('DELETE /v2/apps/a/tasks/t1?scale=true');
    expect(await c.killTask('/a', 't1')).toEqual({ task: { id: 't1', appId: '/a' } });
  });

  it('rollback --force: 202 without a body gives undefined', async () => {
    handler = (_q, _b, res) => res.writeHead(202).end();
    expect(await new MarathonClient(base).rollback('d-9', true)).toBeUndefined();
    expect(seen.at(-1)).toBe('DELETE /v2/deployments/d-9?force=true');
  });

  it('a 422 becomes a ClientError with the detail lines and the status', async () => {
    handler = (_q, _b, res) => json(res, 422, { message: 'Object is not valid', details: [{ path: '/cpus', errors: ['got -1.0, expected 0.0 or more'] }] });
    const e = await failure(new MarathonClient(base).createApp({ id: 'x', cpus: -1 }));
    expect(e.status).toBe(422);
    expect(e.message).toBe(`Marathon at ${base} answered 422 to POST /v2/apps: Object is not valid\n  /cpus: got -1.0, expected 0.0 or more`);
  });

  it('nothing listening: unreachable with the marathon hint', async () => {
    const dead = createServer();
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', () => r()));
    const port = (dead.address() as AddressInfo).port;
    await new Promise<void>((r) => dead.close(() => r()));
    const e = await failure(new MarathonClient(`http://127.0.0.1:${port}`).apps());
    expect(e.kind).toBe('unreachable');
    expect(e.message).toBe(`can not reach the Marathon API at http://127.0.0.1:${port} (GET /v2/apps: connection refused)`);
    expect(e.hint).toMatch(/tsmesos marathon/);
  });

  it('a 2xx that is not JSON is a bad response', async () => {
    handler = (_q, _b, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>');
    const e = await failure(new MarathonClient(base).deployments());
    expect(e.kind).toBe('bad-response');
    expect(e.hint).toMatch(/really Marathon/);
  });
});

describe('ChronosClient', () => {
  it('parses graph/csv, skipping junk lines', () => {
    expect(parseGraphCsv('node,a,success,idle\nnode,b,fresh,running\nlink,a,b\n\nbogus\n')).toEqual({
      nodes: [
        { name: 'a', lastState: 'success', state: 'idle' },
        { name: 'b', lastState: 'fresh', state: 'running' },
      ],
      links: [{ parent: 'a', child: 'b' }],
    });
  });

  it('ApiResult: first line of the message only', () => {
    expect(chronosMessage('{"message":"Cannot parse schedule \'R/x\'\\n\\tat org.apache…","status":"400 Bad Request"}')).toBe("Cannot parse schedule 'R/x'");
    expect(chronosMessage('plain words')).toBe('plain words');
    expect(chronosMessage('')).toBeUndefined();
  });

  it('a bad job is a 400 with the Chronos reason and a hint; history passes limit', async () => {
    handler = (req, _b, res) => {
      if (req.url!.includes('/history')) return json(res, 200, { name: 'a', runs: [{ runId: 'r1', status: 'success' }] });
      return json(res, 400, { message: "Cannot parse schedule 'R/x/PT'", status: '400 Bad Request' });
    };
    const c = new ChronosClient(base);
    const e = await failure(c.addScheduled({ name: 'a', schedule: 'R/x/PT' }));
    expect(e.message).toBe(`Chronos at ${base} answered 400 to POST /v1/scheduler/iso8601: Cannot parse schedule 'R/x/PT'`);
    expect(e.hint).toBe('fix the job JSON and run the command again');
    expect(await c.history('a', 5)).toEqual({ name: 'a', runs: [{ runId: 'r1', status: 'success' }] });
    expect(seen.at(-1)).toBe('GET /v1/scheduler/job/a/history?limit=5');
  });

  it('Metronome paths are worded in the Marathon shape', async () => {
    handler = (_q, _b, res) => json(res, 409, { message: 'Job with this id already exists' });
    const e = await failure(new ChronosClient(base).createMetronomeJob({ id: 'x', run: {} }));
    expect(e.message).toBe(`Metronome API at ${base} answered 409 to POST /v1/jobs: Job with this id already exists`);
    expect(e.hint).toMatch(/tsmesos job update|remove it first/);
  });
});
