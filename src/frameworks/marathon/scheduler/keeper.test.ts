/**
 * The once-a-second sweep of the scheduler pass: launches stuck past --task_launch_timeout are
 * killed as failures (then replaced after the backoff), tasks of apps that no longer exist are killed.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from './app-ops.js';
import { harness, offer, TEST_CONFIG } from '../testing/fake-cluster.test-helpers.js';

describe('keeper sweep', () => {
  it('kills launches not running after --task_launch_timeout, and only those', async () => {
    const h = await harness();
    createApp(h.s, { id: 'slow', cmd: 'sleep 3600', cpus: 0.1, mem: 16, instances: 2, portDefinitions: [] }, false);
    await h.settle();
    await h.s.launcher.onOffers([offer('a1')]);
    const [stuck, started] = h.driver.launched.map((t) => t.task_id.value as string);
    h.status(started!, 'TASK_RUNNING');
    h.clock.now += TEST_CONFIG.taskLaunchTimeoutMs - 1000;
    await h.settle();
    expect(h.driver.killed).toEqual([]);
    h.clock.now += 2000;
    await h.settle();
    expect(h.driver.killed).toEqual([stuck]);
    expect(h.s.store.instances.get(stuck!)?.killing).toMatchObject({ failure: true, reason: expect.stringMatching(/--task_launch_timeout/) });
    h.status(stuck!, 'TASK_KILLED');
    expect(h.s.store.failures.get('/slow')).toMatchObject({ taskId: stuck, state: 'TASK_KILLED' });
    expect(h.s.launchDelay.due('/slow')).toBeGreaterThan(0);
  });

  it('kills tasks of an app that no longer exists', async () => {
    const h = await harness();
    h.s.store.putInstance({
      taskId: 'gone.instance-1._app.1',
      appId: '/gone',
      version: '2026-01-01T00:00:00.000Z',
      agentId: 'agent-a1',
      host: 'a1',
      attributes: {},
      hostPorts: [],
      servicePorts: [],
      state: 'TASK_RUNNING',
      stagedAt: '2026-01-01T00:00:00.000Z',
      role: '*',
      ipAddresses: [],
    });
    h.clock.now += 1000;
    await h.settle();
    expect(h.driver.killed).toEqual(['gone.instance-1._app.1']);
    expect(h.s.store.instances.get('gone.instance-1._app.1')?.killing?.reason).toBe('app /gone no longer exists');
  });
});
