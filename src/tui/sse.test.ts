import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { SseParser, followSse } from './sse.js';

describe('SseParser', () => {
  it('joins data lines, skips comments, names unnamed frames "message"', () => {
    const p = new SseParser();
    expect(p.push(':hello\n\nevent: deployment_success\ndata: {"a":1,\ndata: "b":2}\n\ndata: x\n\n')).toEqual([
      { event: 'deployment_success', data: '{"a":1,\n"b":2}' },
      { event: 'message', data: 'x' },
    ]);
  });

  it('puts frames split anywhere back together, including a CRLF split between chunks', () => {
    const text = 'event: status_update_event\r\ndata: {"taskStatus":"TASK_RUNNING"}\r\n\r\nevent: app_terminated_event\rdata: {}\r\r\n';
    for (let cut = 1; cut < text.length; cut++) {
      const p = new SseParser();
      const got = [...p.push(text.slice(0, cut)), ...p.push(text.slice(cut))];
      expect(got.map((e) => e.event), `cut at ${cut}`).toEqual(['status_update_event', 'app_terminated_event']);
      expect(got[0]!.data).toBe('{"taskStatus":"TASK_RUNNING"}');
    }
  });
});

describe('followSse', () => {
  it('asks for text/event-stream, delivers frames as they come, resolves when the server ends; rejects on a non-2xx', async () => {
    const accepts: string[] = [];
    const server = createServer((req, res) => {
      accepts.push(String(req.headers.accept));
      if (req.url === '/missing') return res.writeHead(404).end('nope');
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.write('event: event_stream_attached\ndata: {"remoteAddress":"127.0.0.1"}\n\n');
      setTimeout(() => res.end('event: deployment_info\ndata: {}\n\n'), 20);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const seen: string[] = [];
      await followSse(`${base}/v2/events`, (e) => seen.push(e.event), new AbortController().signal, 'Marathon');
      expect(seen).toEqual(['event_stream_attached', 'deployment_info']);
      expect(accepts[0]).toBe('text/event-stream');
      await expect(followSse(`${base}/missing`, () => {}, new AbortController().signal, 'Marathon')).rejects.toThrow('Marathon answered 404 to GET /missing');
    } finally {
      server.close();
    }
  });
});
