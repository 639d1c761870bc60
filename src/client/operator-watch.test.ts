import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeRecord } from '../protocol/recordio.js';
import type { OperatorEvent } from './operator-types.js';
import { type Watch, type WatchStatus, backoffMs, watchOperatorEvents } from './operator-watch.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A master whose open streams the test can cut; each subscriber gets SUBSCRIBED #n. */
async function master(heartbeatSeconds = 15) {
  const open: ServerResponse[] = [];
  let subscriptions = 0;
  const server: Server = createServer((_req, res) => {
    subscriptions++;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write(encodeRecord({ type: 'SUBSCRIBED', subscribed: { heartbeat_interval_seconds: heartbeatSeconds, n: subscriptions } }));
    open.push(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const close = async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  };
  cleanups.push(close);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cut: () => open.splice(0).forEach((r) => r.destroy()),
    subscriptions: () => subscriptions,
    close,
  };
}

function watch(resolve: () => string, opts: { heartbeatGrace?: number } = {}) {
  const events: OperatorEvent[] = [];
  const statuses: WatchStatus[] = [];
  const w: Watch = watchOperatorEvents({ resolve, onEvent: (e) => events.push(e), onStatus: (s) => statuses.push(s), minBackoffMs: 20, maxBackoffMs: 80, ...opts });
  cleanups.push(() => w.stop());
  return { w, events, statuses };
}

describe('watchOperatorEvents', () => {
  it('subscribes again after the stream breaks, getting a fresh snapshot', async () => {
    const m = await master();
    const { events, statuses } = watch(() => m.url);
    await expect.poll(() => events.length).toBe(1);
    m.cut();
    await expect.poll(() => events.filter((e) => e.type === 'SUBSCRIBED').length).toBe(2);
    expect(statuses.map((s) => s.state)).toEqual(['connecting', 'connected', 'retrying', 'connecting', 'connected']);
    expect(statuses[2]).toMatchObject({ error: expect.stringContaining('closed the event stream'), attempt: 1 });
  });

  it('keeps retrying with growing backoff while the master is down, and asks resolve() every time', async () => {
    const m = await master();
    await m.close();
    let asked = 0;
    const { statuses } = watch(() => (asked++, m.url));
    await expect.poll(() => statuses.filter((s) => s.state === 'retrying').length).toBeGreaterThanOrEqual(3);
    const retries = statuses.filter((s): s is Extract<WatchStatus, { state: 'retrying' }> => s.state === 'retrying');
    expect(retries[0]!.error).toMatch(/can not reach the master/);
    expect(retries.map((r) => r.attempt).slice(0, 3)).toEqual([1, 2, 3]);
    expect(asked).toBeGreaterThanOrEqual(3);
  });

  it('reconnects when the stream goes silent for several heartbeat intervals', async () => {
    const m = await master(0.1);
    const { statuses } = watch(() => m.url, { heartbeatGrace: 2 });
    await expect.poll(() => m.subscriptions(), { timeout: 3000 }).toBeGreaterThanOrEqual(2);
    expect(statuses.find((s) => s.state === 'retrying')).toMatchObject({ error: expect.stringMatching(/no event from .* for 0s/) });
  });

  it('stops for good: no more attempts after stop()', async () => {
    const m = await master();
    const { w, events } = watch(() => m.url);
    await expect.poll(() => events.length).toBe(1);
    w.stop();
    m.cut();
    await new Promise((r) => setTimeout(r, 150));
    expect(m.subscriptions()).toBe(1);
  });

  it('backoff doubles up to the cap, with ±20% jitter', () => {
    expect([1, 2, 3, 10].map((a) => backoffMs(a, 250, 8000, () => 0.5))).toEqual([250, 500, 1000, 8000]);
    expect(backoffMs(1, 1000, 8000, () => 0)).toBe(800);
    expect(backoffMs(1, 1000, 8000, () => 1)).toBe(1200);
  });
});
