/** The Chronos HTTP API over an engine harness on a fake clock, for `app.inject` tests. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach } from 'vitest';
import { silentLogger } from '../../../lib/logger.js';
import { Harness } from '../engine/engine.test-helpers.js';
import { createChronosServer } from './server.js';

export const START = Date.parse('2026-03-01T12:00:00Z');

export interface ApiFixture {
  h: Harness;
  app: FastifyInstance;
  /** A request with a JSON body (a string body is sent as it is). */
  json(method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

/** Registers beforeEach/afterEach that open a fresh leading engine + API and close them. */
export function useChronosApi(): ApiFixture {
  const f = {} as ApiFixture;
  beforeEach(async () => {
    f.h = await new Harness(START).open();
    f.app = createChronosServer({
      log: silentLogger,
      leadership: { leading: true, leader: { host: '127.0.0.1', port: 4400 }, leaderHostPort: '127.0.0.1:4400' },
      self: () => '127.0.0.1:4400',
      engine: () => f.h.engine,
      startedAt: START,
      frameworkName: 'chronos',
    });
  });
  afterEach(async () => {
    await f.app.close();
    f.h.ce.stop();
  });
  f.json = (method, url, body) =>
    f.app.inject({ method: method as 'GET', url, ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}) });
  return f;
}
