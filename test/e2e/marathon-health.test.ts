/**
 * Health checks end to end on a real agent: a Marathon-level HTTP check against a port nothing
 * serves, and a Mesos-level COMMAND check that exits 1, both get the task killed and replaced with
 * the reason in lastTaskFailure; the event stream (filtered by event_type) reports the kill.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/wait.js';
import { call, MarathonCluster, tasksOf } from './marathon-harness.js';

const cluster = new MarathonCluster();
let base = '';

beforeAll(async () => {
  await cluster.start();
  await cluster.realAgent();
  base = await cluster.leadingMarathon();
}, 60_000);
afterAll(() => cluster.cleanup(), 60_000);

/** Reads /v2/events into `events` until `stop()`; resolves once attached. */
async function stream(query: string): Promise<{ events: Array<{ name: string; data: any }>; stop: () => void }> {
  const ac = new AbortController();
  const res = await fetch(`${base}/v2/events${query}`, { headers: { accept: 'text/event-stream' }, signal: ac.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/event-stream');
  const events: Array<{ name: string; data: any }> = [];
  const reader = res.body!.getReader();
  let buf = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buf += Buffer.from(value).toString();
        let end;
        while ((end = buf.indexOf('\n\n')) >= 0) {
          const frame = buf.slice(0, end);
          buf = buf.slice(end + 2);
          const name = /^event: (.*)$/m.exec(frame)?.[1] ?? '';
          const data = frame.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
          events.push({ name, data: JSON.parse(data) });
        }
      }
    } catch {
      /* aborted */
    }
  })();
  await waitFor(() => events.length > 0, 'event_stream_attached');
  return { events, stop: () => ac.abort() };
}

describe('tsmesos marathon: failing health checks', () => {
  it('the event stream needs Accept: text/event-stream', async () => {
    const r = await call(base, 'GET', '/v2/events');
    expect(r.status).toBe(405);
    expect(r.body.message).toMatch(/text\/event-stream/);
  });

  it('kills and replaces a task whose HTTP health check fails, with the reason in lastTaskFailure', async () => {
    const es = await stream('?event_type=unhealthy_instance_kill_event&event_type=health_status_changed_event');
    expect(es.events[0]).toMatchObject({ name: 'event_stream_attached', data: { eventType: 'event_stream_attached', timestamp: expect.any(String) } });
    const healthChecks = [{ protocol: 'HTTP', path: '/health', portIndex: 0, gracePeriodSeconds: 1, intervalSeconds: 1, timeoutSeconds: 1, maxConsecutiveFailures: 2 }];
    const created = await call(base, 'POST', '/v2/apps', { id: 'sick-http', cmd: 'sleep 3600', cpus: 0.1, mem: 16, instances: 1, healthChecks, backoffSeconds: 120 });
    expect(created.status).toBe(201);
    const [first] = await waitFor(async () => {
      const t = await tasksOf(base, 'sick-http');
      return t.length === 1 && t[0].state === 'TASK_RUNNING' ? t : undefined;
    }, 'the task to run', 20_000, 100);
    const failure = await waitFor(async () => (await call(base, 'GET', '/v2/apps/sick-http')).body.app.lastTaskFailure, 'lastTaskFailure', 30_000, 200);
    expect(failure).toMatchObject({ appId: '/sick-http', taskId: first.id, state: 'TASK_KILLED', host: '127.0.0.1' });
    expect(failure.message).toMatch(/HTTP health check failed 2 times in a row/);
    // A health kill counts as a failure: the replacement waits out the backoff, shown in /v2/queue,
    // until DELETE /v2/queue/{id}/delay lifts it.
    const queued = await waitFor(async () => (await call(base, 'GET', '/v2/queue')).body.queue.find((q: { app: { id: string } }) => q.app.id === '/sick-http'), 'the app in the queue', 10_000, 100);
    expect(queued.count).toBe(1);
    expect(queued.delay.overdue).toBe(false);
    expect(queued.delay.timeLeftSeconds).toBeGreaterThan(100);
    expect(await tasksOf(base, 'sick-http')).toEqual([]);
    const lifted = await call(base, 'DELETE', '/v2/queue/sick-http/delay');
    expect(lifted.status).toBe(204);
    expect((await call(base, 'DELETE', '/v2/queue/sick-http/delay')).status).toBe(404);
    await waitFor(async () => (await tasksOf(base, 'sick-http')).some((t) => t.id !== first.id), 'a replacement task', 30_000, 200);
    const kill = await waitFor(() => es.events.find((e) => e.name === 'unhealthy_instance_kill_event'), 'unhealthy_instance_kill_event', 10_000);
    expect(kill.data).toMatchObject({ eventType: 'unhealthy_instance_kill_event', appId: '/sick-http', taskId: first.id, reason: failure.message });
    expect(es.events.slice(1).every((e) => ['unhealthy_instance_kill_event', 'health_status_changed_event'].includes(e.name))).toBe(true);
    es.stop();
    expect((await call(base, 'DELETE', '/v2/apps/sick-http')).status).toBe(200);
  }, 60_000);

  it('kills and replaces a task whose COMMAND (Mesos-level) health check exits 1', async () => {
    const healthChecks = [{ protocol: 'COMMAND', command: { value: 'exit 1' }, gracePeriodSeconds: 0, intervalSeconds: 1, timeoutSeconds: 1, delaySeconds: 0, maxConsecutiveFailures: 1 }];
    const created = await call(base, 'POST', '/v2/apps', { id: 'sick-cmd', cmd: 'sleep 3600', cpus: 0.1, mem: 16, instances: 1, healthChecks });
    expect(created.status).toBe(201);
    expect(created.body.healthChecks[0]).toMatchObject({ protocol: 'COMMAND', command: { value: 'exit 1' } });
    // Every task of this app fails its check within about a second, so by the time we look the
    // first one may already have been replaced (and the replacement killed): any of them will do.
    const failure = await waitFor(async () => (await call(base, 'GET', '/v2/apps/sick-cmd')).body.app.lastTaskFailure, 'lastTaskFailure', 40_000, 100);
    expect(failure).toMatchObject({ appId: '/sick-cmd', state: 'TASK_KILLED' });
    expect(failure.taskId).toMatch(/^sick-cmd\.instance-/);
    expect(failure.message).toMatch(/failing COMMAND health checks/);
    await waitFor(async () => (await tasksOf(base, 'sick-cmd')).some((t) => t.id !== failure.taskId), 'a replacement task', 30_000, 200);
    expect((await call(base, 'DELETE', '/v2/apps/sick-cmd')).status).toBe(200);
  }, 80_000);
});
