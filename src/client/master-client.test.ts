import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MasterClient } from './master-client.js';

/** Records what the client sends; answers like a master would. */
let server: Server;
let client: MasterClient;
const seen: Array<{ method?: string; url?: string; type?: string; body: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, type: req.headers['content-type'], body });
      if (req.url === '/api/v1' && body.includes('GET_HEALTH')) return void res.end('{"type":"GET_HEALTH","get_health":{"healthy":true}}');
      if (req.url === '/api/v1') return void res.writeHead(202).end();
      if (req.url === '/metrics/snapshot') return void res.end('{"master/elected":1.0}');
      res.end('{"tasks":[]}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  client = new MasterClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('MasterClient', () => {
  it('strips the trailing slash and builds query strings from defined values only', async () => {
    await client.tasks({ framework_id: 'f 1', limit: -1, order: 'asc', task_id: undefined });
    expect(seen.at(-1)).toMatchObject({ method: 'GET', url: '/master/tasks?framework_id=f+1&limit=-1&order=asc' });
  });

  it('sends teardown as an x-www-form-urlencoded body', async () => {
    await client.teardown('abc-0001');
    expect(seen.at(-1)).toMatchObject({
      method: 'POST',
      url: '/master/teardown',
      type: 'application/x-www-form-urlencoded',
      body: 'frameworkId=abc-0001',
    });
  });

  it('posts operator calls as JSON; an empty 202 gives undefined', async () => {
    expect(await client.call({ type: 'GET_HEALTH' })).toEqual({ type: 'GET_HEALTH', get_health: { healthy: true } });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', type: 'application/json', body: '{"type":"GET_HEALTH"}' });
    expect(await client.call({ type: 'TEARDOWN', teardown: { framework_id: { value: 'x' } } })).toBeUndefined();
  });

  it('reads /metrics/snapshot as a flat map', async () => {
    expect(await client.metricsSnapshot()).toEqual({ 'master/elected': 1 });
  });
});
