import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientError } from './client-error.js';
import { request, requestJson } from './http-request.js';

/** Two "masters" on loopback: the standby redirects protocol-relatively to the leader. */
let leader: Server;
let standby: Server;
let leaderUrl = '';
let standbyUrl = '';
const posted: string[] = [];

function listen(s: Server): Promise<string> {
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)));
}

beforeAll(async () => {
  leader = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.url === '/master/state') return void res.end('{"id":"m1"}');
      if (req.url === '/master/teardown') {
        posted.push(`${req.method} ${body}`);
        return void res.writeHead(200).end();
      }
      if (req.url === '/notjson') return void res.end('<html>');
      if (req.url === '/slow') return; // never answers
      if (req.url === '/loop') return void res.writeHead(307, { Location: '/loop' }).end();
      res.writeHead(400, { 'Content-Type': 'text/plain' }).end('No framework found with specified ID');
    });
  });
  leaderUrl = await listen(leader);
  standby = createServer((req, res) => {
    res.writeHead(307, { Location: `//${leaderUrl.slice('http://'.length)}${req.url}` }).end();
  });
  standbyUrl = await listen(standby);
});

afterAll(async () => {
  leader.closeAllConnections();
  await Promise.all([leader, standby].map((s) => new Promise((r) => s.close(r))));
});

describe('request', () => {
  it('follows a protocol-relative 307 to the leader', async () => {
    expect(await requestJson(`${standbyUrl}/master/state`)).toEqual({ id: 'm1' });
  });

  it('re-sends a POST body across the 307', async () => {
    const res = await request(`${standbyUrl}/master/teardown`, {
      method: 'POST',
      body: 'frameworkId=abc',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(res.url).toBe(`${leaderUrl}/master/teardown`);
    expect(posted).toContain('POST frameworkId=abc');
  });

  it('turns a non-2xx into a ClientError carrying status and body', async () => {
    const err = await request(`${leaderUrl}/master/other`, { role: 'master' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClientError);
    expect(err).toMatchObject({ kind: 'status', status: 400, body: 'No framework found with specified ID' });
    expect((err as Error).message).toContain(`the master at ${leaderUrl} answered 400 to GET /master/other`);
  });

  it('names the URL and the reason when nothing listens', async () => {
    const probe = createServer();
    const url = await listen(probe);
    await new Promise((r) => probe.close(r));
    const err = await request(`${url}/master/state`, { role: 'master', unreachableHint: 'try --master' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'unreachable', hint: 'try --master' });
    expect((err as Error).message).toBe(`can not reach the master at ${url} (GET /master/state: connection refused)`);
  });

  it('times out instead of hanging', async () => {
    const err = await request(`${leaderUrl}/slow`, { timeoutMs: 200, role: 'agent' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'timeout' });
    expect((err as Error).message).toContain('did not answer within 0.2s');
  });

  it('gives up on a redirect loop', async () => {
    await expect(request(`${leaderUrl}/loop`)).rejects.toMatchObject({ kind: 'redirect' });
  });

  it('reports a body that is not JSON', async () => {
    await expect(requestJson(`${leaderUrl}/notjson`)).rejects.toMatchObject({ kind: 'bad-response' });
  });
});
