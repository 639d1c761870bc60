import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sandboxFixture, STDOUT_TEXT, type SandboxFixture } from './fixtures.test-helpers.js';
import { agentApp } from './test-server.test-helpers.js';

let fx: SandboxFixture;
let app: FastifyInstance;

beforeAll(async () => {
  fx = sandboxFixture();
  app = agentApp(fx.view, fx.logFile);
  await app.ready();
});
afterAll(async () => {
  await app.close();
  fx.cleanup();
});

const get = (url: string) => app.inject({ method: 'GET', url });

describe('agent legacy routes', () => {
  it.each(['/state', '/state.json', '/slave(1)/state', '/slave(1)/state.json', '/slave%281%29/state', '/state/'])('%s answers the state', async (url) => {
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.json().frameworks[0].executors[0].directory).toBe(fx.sandbox);
  });
  it('wraps JSON in a jsonp callback, and ignores unsafe callback names', async () => {
    const res = await get('/state?jsonp=cb_1');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.body).toMatch(/^cb_1\(\{.*\}\);$/s);
    expect((await get('/state?jsonp=alert(1)')).body.startsWith('{')).toBe(true);
  });
  it('answers 405 with Allow for a wrong method', async () => {
    const res = await app.inject({ method: 'POST', url: '/slave(1)/state' });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
  });
  it('serves flags, health, version and metrics', async () => {
    expect((await get('/slave(1)/flags')).json()).toEqual({ flags: fx.view.flags });
    const health = await get('/health');
    expect([health.statusCode, health.body]).toEqual([200, '']);
    expect((await get('/version')).json()).toMatchObject({ version: '1.11.0' });
    expect((await get('/metrics/snapshot')).json()).toMatchObject({ 'slave/registered': 1, 'slave/tasks_running': 1 });
  });
  it('serves per-executor statistics and containers', async () => {
    for (const url of ['/monitor/statistics', '/monitor/statistics.json', '/slave(1)/monitor/statistics']) {
      expect((await get(url)).json()).toEqual([
        {
          executor_id: 'web.1',
          executor_name: 'Command Executor (Task: web.1)',
          framework_id: 'M1-0000',
          source: 'web.1',
          statistics: { timestamp: 1_700_000_100, cpus_user_time_secs: 1.5, cpus_system_time_secs: 0.25, mem_rss_bytes: 1_048_576 },
        },
      ]);
    }
    expect((await get('/containers')).json()[0]).toMatchObject({ container_id: 'c-web.1', executor_id: 'web.1' });
  });
});

describe('agent /files routes', () => {
  const enc = encodeURIComponent;
  it('reads a window, the size, and via the virtual path', async () => {
    expect((await get(`/files/read?path=${enc(`${fx.sandbox}/stdout`)}&offset=6&length=4`)).json()).toEqual({ offset: 6, data: 'from' });
    expect((await get(`/files/read.json?path=${enc(`${fx.sandbox}/stdout`)}&offset=-1`)).json()).toEqual({ offset: STDOUT_TEXT.length, data: '' });
    const v = await get(`/files/read?path=${enc('/frameworks/M1-0000/executors/web.1/runs/latest/stdout')}&offset=0`);
    expect(v.json()).toEqual({ offset: 0, data: STDOUT_TEXT });
  });
  it('maps request errors to 400 and refusals to 404', async () => {
    expect((await get('/files/read')).statusCode).toBe(400);
    expect((await get('/files/browse?path=')).statusCode).toBe(400);
    expect((await get(`/files/read?path=${enc(fx.sandbox)}&offset=0`)).statusCode).toBe(400);
    expect((await get(`/files/read?path=${enc(`${fx.sandbox}/stdout`)}&offset=x`)).statusCode).toBe(400);
    expect((await get(`/files/download?path=${enc(fx.sandbox)}`)).statusCode).toBe(400);
    const refused = await get(`/files/read?path=${enc(fx.secret)}&offset=0`);
    expect([refused.statusCode, refused.body]).toEqual([404, 'File not found']);
  });
  it('browses, downloads and serves the agent log', async () => {
    const listing = (await get(`/files/browse.json?path=${enc(fx.sandbox)}`)).json();
    expect(listing.map((e: { path: string }) => e.path)).toContain(`${fx.sandbox}/stdout`);
    const dl = await get(`/files/download?path=${enc(`${fx.sandbox}/stdout`)}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toBe('attachment; filename=stdout');
    expect(dl.headers['content-type']).toBe('application/octet-stream');
    expect(dl.body).toBe(STDOUT_TEXT);
    const empty = await get(`/files/download?path=${enc(`${fx.sandbox}/stderr`)}`);
    expect([empty.statusCode, empty.body]).toEqual([200, '']);
    expect((await get('/files/read?path=/slave/log&offset=0')).json().data).toBe('agent log line\n');
  });
  it('lists the attachments in /files/debug', async () => {
    const map = (await get('/files/debug')).json();
    expect(map['/frameworks/M1-0000/executors/web.1/runs/latest']).toBe(fx.sandbox);
    expect(map[fx.completedSandbox]).toBe(fx.completedSandbox);
    expect(map['/slave/log']).toBe(fx.logFile);
  });
});
