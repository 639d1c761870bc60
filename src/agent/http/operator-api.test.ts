import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { makeView } from './fixtures.test-helpers.js';
import { AGENT_UNIMPLEMENTED } from './operator-api.js';
import { agentApp } from './test-server.test-helpers.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = agentApp(makeView());
  await app.ready();
});
afterAll(() => app.close());

const call = (body: unknown, url = '/api/v1', headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  app.inject({ method: 'POST', url, headers, payload: typeof body === 'string' ? body : JSON.stringify(body) });

describe('agent POST /api/v1', () => {
  it.each([
    ['GET_HEALTH', { healthy: true }],
    ['GET_AGENT', { agent_info: { hostname: 'agent1.example' } }],
    ['GET_STATE', { get_tasks: { launched_tasks: [] }, get_executors: { executors: [] }, get_frameworks: { frameworks: [] } }],
    ['GET_TASKS', { launched_tasks: [] }],
    ['GET_EXECUTORS', { executors: [] }],
    ['GET_FRAMEWORKS', { frameworks: [] }],
    ['GET_CONTAINERS', { containers: [] }],
    ['GET_VERSION', { version_info: { version: '1.11.0' } }],
  ])('%s answers {type, get_*}', async (type, payload) => {
    const res = await call({ type });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ type, [type.toLowerCase()]: payload });
  });
  it('GET_FLAGS and GET_METRICS are name/value lists', async () => {
    expect((await call({ type: 'GET_FLAGS' })).json().get_flags.flags).toContainEqual({ name: 'port', value: '5051' });
    expect((await call({ type: 'GET_METRICS' })).json().get_metrics.metrics).toContainEqual({ name: 'slave/registered', value: 1 });
  });
  it('answers at /slave(1)/api/v1 too', async () => {
    expect((await call({ type: 'GET_HEALTH' }, '/slave(1)/api/v1')).statusCode).toBe(200);
  });
  it('501 for calls not implemented yet, 400 for unknown or malformed ones', async () => {
    for (const type of ['LAUNCH_NESTED_CONTAINER_SESSION', 'READ_FILE']) {
      expect(AGENT_UNIMPLEMENTED.has(type)).toBe(true);
      const res = await call({ type });
      expect([res.statusCode, res.body]).toEqual([501, `${type} is not implemented by tsmesos yet`]);
    }
    expect((await call({ type: 'NOPE' })).statusCode).toBe(400);
    expect((await call('{not json')).statusCode).toBe(400);
    expect((await call([1, 2])).statusCode).toBe(400);
    expect((await call({ type: 'GET_HEALTH' }, '/api/v1', {})).statusCode).toBe(400);
    expect((await call({ type: 'GET_HEALTH' }, '/api/v1', { 'content-type': 'text/plain' })).statusCode).toBe(415);
  });
  it('405 for GET', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1' });
    expect([res.statusCode, res.headers.allow]).toEqual([405, 'POST']);
  });
});
