import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { tcpProber } from './tcp-probe.js';

const never = new AbortController().signal;

describe('tcpProber', () => {
  it('a listening port: succeeded true', async () => {
    const server = net.createServer((s) => s.end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    expect(await tcpProber({ host: '127.0.0.1', port })(never)).toEqual({ ok: true, status: { type: 'TCP', tcp: { succeeded: true } } });
    await new Promise((r) => server.close(r));
  });

  it('a closed port: succeeded false (a result, not an error)', async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    await new Promise((r) => server.close(r));
    expect(await tcpProber({ host: '127.0.0.1', port })(never)).toEqual({ ok: true, status: { type: 'TCP', tcp: { succeeded: false } } });
  });

  it('an aborted attempt is an error', async () => {
    const ac = new AbortController();
    ac.abort();
    expect(await tcpProber({ host: '127.0.0.1', port: 9 })(ac.signal)).toMatchObject({ ok: false });
  });
});
