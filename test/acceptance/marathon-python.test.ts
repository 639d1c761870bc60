/**
 * Acceptance: Debian's `python3-marathon` client (its own HTTP, JSON models and SSE reader) against
 * the built `tsmesos marathon` on zookeeper-lite and the built master with a fake agent: create,
 * list with embedded tasks, scale, restart, versions, kill with scale, info/leader/ping, the event
 * stream, 404 and 422 mapped to its exceptions, delete. The client runs through
 * drivers/marathon-python-driver.py, which prints one JSON line per step.
 */
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarathonCluster } from '../e2e/marathon-harness.js';

const PYTHON = '/usr/bin/python3';
const MODULE = '/usr/lib/python3/dist-packages/marathon/client.py';
const DRIVER = fileURLToPath(new URL('./drivers/marathon-python-driver.py', import.meta.url));
const missing = !existsSync(PYTHON) ? `${PYTHON} is missing` : !existsSync(MODULE) ? 'python3-marathon is not installed (apt-get install -y python3-marathon)' : undefined;
if (missing) console.warn(`SKIP test/acceptance/marathon-python: ${missing}`);

const cluster = new MarathonCluster();

beforeAll(async () => {
  if (missing) return;
  await cluster.start();
  await cluster.fakeAgent();
  await cluster.marathon();
  await cluster.leading(cluster.marathons[0]!);
}, 60_000);
afterAll(() => cluster.cleanup(), 60_000);

describe.skipIf(missing !== undefined)('python3-marathon against tsmesos marathon', () => {
  it('runs the client through the app lifecycle', async () => {
    const r = await execa(PYTHON, [DRIVER, cluster.marathons[0]!.url], { reject: false, timeout: 90_000 });
    const steps = Object.fromEntries(
      r.stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { step: string })
        .map((s) => [s.step, s]),
    ) as Record<string, any>;
    expect(r.exitCode, r.stderr).toBe(0);
    expect(steps.create).toEqual({ step: 'create', id: '/py-app', instances: 2, deployments: 1 });
    expect(steps.settled.ok).toBe(true);
    expect(steps.list.apps).toEqual([['/py-app', 2, 2, { HAPROXY_GROUP: 'external' }]]);
    expect(steps.list.ports.every((p: number[]) => p.length === 1 && p[0]! >= 31000)).toBe(true);
    expect(steps.scale).toMatchObject({ settled: true, running: 3 });
    expect(steps.restart.settled).toBe(true);
    expect(steps.replaced).toEqual({ step: 'replaced', count: 3, overlap: 0 });
    expect(steps.versions.count).toBeGreaterThanOrEqual(3);
    expect(steps['kill-scale']).toEqual({ step: 'kill-scale', result: ['deploymentId', 'version'], settled: true, instances: 2 });
    expect(steps.info).toEqual({ step: 'info', name: 'marathon', leader: true, ping: 'pong' });
    expect(steps.events.first).toBe('MarathonEventStreamAttached');
    expect(steps['404'].raised).toBe(true);
    expect(steps['422'].status).toBe(422);
    expect(steps.delete).toEqual({ step: 'delete', deploymentId: true, settled: true, apps: 0 });
  }, 120_000);
});
