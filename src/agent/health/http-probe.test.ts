import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpProber, targetUrl } from './http-probe.js';

let server: http.Server;
let port = 0;
let healthHits = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/health') return void res.writeHead(healthHits++ === 0 ? 200 : 500).end('body');
    if (req.url === '/moved') return void res.writeHead(302, { location: '/teapot' }).end();
    if (req.url === '/teapot') return void res.writeHead(418).end();
    if (req.url === '/loop') return void res.writeHead(301, { location: '/loop' }).end();
    if (req.url === '/slow') return; // never answers
    res.writeHead(204).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));

const never = new AbortController().signal;
const probe = (path: string, p = port) => httpProber({ scheme: 'http', host: '127.0.0.1', port: p, path });

describe('httpProber', () => {
  it('reports the status code: 200, then 500 from the same endpoint', async () => {
    expect(await probe('/health')(never)).toEqual({ ok: true, status: { type: 'HTTP', http: { status_code: 200 } } });
    expect(await probe('/health')(never)).toEqual({ ok: true, status: { type: 'HTTP', http: { status_code: 500 } } });
  });

  it('an empty path GETs /', async () => {
    expect(await probe('')(never)).toMatchObject({ status: { http: { status_code: 204 } } });
  });

  it('follows redirects like curl -L and reports the final code', async () => {
    expect(await probe('/moved')(never)).toMatchObject({ status: { http: { status_code: 418 } } });
  });

  it('a redirect loop is an error', async () => {
    expect(await probe('/loop')(never)).toMatchObject({ ok: false, error: expect.stringMatching(/redirects/) });
  });

  it('a closed port is an error, not a status code', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const dead = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    expect(await probe('/', dead)(never)).toMatchObject({ ok: false, error: expect.stringMatching(/ECONNREFUSED/) });
  });

  it('aborting a hung request ends the attempt', async () => {
    const ac = new AbortController();
    const pending = probe('/slow')(ac.signal);
    setTimeout(() => ac.abort(), 50);
    expect(await pending).toMatchObject({ ok: false });
  });

  it('https with a self-signed certificate is accepted, like curl -k', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsmesos-tls-'));
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '1',
        '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
      const tls = https.createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_q, r) => r.writeHead(200).end());
      await new Promise<void>((r) => tls.listen(0, '127.0.0.1', r));
      const p = (tls.address() as AddressInfo).port;
      const r = await httpProber({ scheme: 'https', host: '127.0.0.1', port: p, path: '/' })(never);
      await new Promise((res) => tls.close(res));
      expect(r).toEqual({ ok: true, status: { type: 'HTTP', http: { status_code: 200 } } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('builds loopback URLs, bracketing IPv6', () => {
    expect(targetUrl({ scheme: 'https', host: '::1', port: 8443, path: '/x?y=1' }).href).toBe('https://[::1]:8443/x?y=1');
  });
});
