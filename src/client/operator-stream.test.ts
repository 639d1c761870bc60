import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeRecord } from '../protocol/recordio.js';
import { ClientError } from './client-error.js';
import { followLocation, openOperatorStream, subscribeUrl } from './operator-stream.js';
import type { OperatorEvent } from './operator-types.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const s = createServer(handler);
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

/** A master that streams SUBSCRIBED then HEARTBEAT, and records the URLs it was asked. */
async function master(seen: string[]): Promise<string> {
  return serve((req, res) => {
    seen.push(req.url ?? '');
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write(encodeRecord({ type: 'SUBSCRIBED', subscribed: { heartbeat_interval_seconds: 15 } }));
    res.write(encodeRecord({ type: 'HEARTBEAT' }));
  });
}

describe('openOperatorStream', () => {
  it('subscribes with the offers parameter and delivers events in order', async () => {
    const seen: string[] = [];
    const base = await master(seen);
    const events: OperatorEvent[] = [];
    const stream = await openOperatorStream(base, (e) => events.push(e), { offers: true });
    await expect.poll(() => events.map((e) => e.type)).toEqual(['SUBSCRIBED', 'HEARTBEAT']);
    expect(seen).toEqual(['/api/v1?x_tsmesos_offers=true']);
    expect(stream.url).toBe(`${base}/api/v1?x_tsmesos_offers=true`);
    stream.close();
    await stream.ended;
  });

  it('follows a standby’s protocol-relative 307 to the leader, keeping the offers parameter', async () => {
    const seen: string[] = [];
    const leader = await master(seen);
    const standby = await serve((_req, res) => res.writeHead(307, { Location: `//${new URL(leader).host}/api/v1` }).end());
    const stream = await openOperatorStream(standby, () => {}, { offers: true });
    expect(stream.url).toBe(`${leader}/api/v1?x_tsmesos_offers=true`);
    expect(seen).toEqual(['/api/v1?x_tsmesos_offers=true']);
    stream.close();
  });

  it('fails with a ClientError naming the URL: refused, non-200, endless redirects', async () => {
    const refused = await serve(() => {});
    const port = new URL(refused).port;
    await new Promise((r) => servers.pop()!.close(r));
    await expect(openOperatorStream(`http://127.0.0.1:${port}`, () => {})).rejects.toMatchObject({ kind: 'unreachable', message: expect.stringContaining('connection refused') });
    const busy = await serve((_req, res) => res.writeHead(503).end('no leader'));
    const e = await openOperatorStream(busy, () => {}).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ClientError);
    expect(e).toMatchObject({ kind: 'status', status: 503, body: 'no leader', hint: expect.stringContaining('keeps retrying') });
    const loop = await serve((req, res) => res.writeHead(307, { Location: req.url ?? '/' }).end());
    await expect(openOperatorStream(loop, () => {})).rejects.toMatchObject({ kind: 'redirect' });
  });

  it('builds and resolves URLs the way Mesos redirects expect', () => {
    expect(subscribeUrl('http://m:5050/', false)).toBe('http://m:5050/api/v1');
    expect(followLocation('http://s:5050/api/v1?x_tsmesos_offers=true', '//l:5051/api/v1', true)).toBe('http://l:5051/api/v1?x_tsmesos_offers=true');
    expect(followLocation('https://s/api/v1', '//l:5051/master/api/v1', false)).toBe('https://l:5051/master/api/v1');
  });
});
