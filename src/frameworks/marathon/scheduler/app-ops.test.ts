/** App changes as the API makes them: service ports, versions, scale vs restart, rollback to a version. */
import { describe, expect, it } from 'vitest';
import { harness } from '../testing/fake-cluster.test-helpers.js';
import { createApp, deleteApp, restartApp, scaleApp, updateApp } from './app-ops.js';

const base = { cmd: 'sleep 10', cpus: 0.1, mem: 16 };

describe('app operations', () => {
  it('hands out distinct service ports from --local_port_min up, keeping fixed ones and an app\'s own on update', async () => {
    const h = await harness();
    const a = createApp(h.s, { ...base, id: 'a', portDefinitions: [{ port: 0 }, { port: 0 }] }, false).app;
    const b = createApp(h.s, { ...base, id: 'b', portDefinitions: [{ port: 10001 }, { port: 0 }] }, false).app;
    expect(a.portDefinitions.map((p) => p.port)).toEqual([10000, 10001]);
    expect(b.portDefinitions.map((p) => p.port)).toEqual([10001, 10002]);
    const updated = await updateApp(h.s, '/a', { cmd: 'sleep 20' }, { partial: true, force: true });
    expect(updated.app.portDefinitions.map((p) => p.port)).toEqual([10000, 10001]);
  });

  it('a scale moves lastScalingAt only; a change or a restart moves both and is a RestartApplication', async () => {
    const h = await harness();
    const { app } = createApp(h.s, { ...base, id: 'a' }, false);
    h.clock.now += 1000;
    const d1 = scaleApp(h.s, '/a', 3, true);
    const scaled = h.s.store.apps.get('/a')!;
    expect(scaled.versionInfo).toEqual({ lastScalingAt: scaled.version, lastConfigChangeAt: app.version });
    expect(d1.steps.flatMap((s) => s.actions.map((x) => x.action))).toEqual(['ScaleApplication']);
    h.clock.now += 1000;
    const d2 = restartApp(h.s, '/a', true);
    const restarted = h.s.store.apps.get('/a')!;
    expect(restarted.versionInfo.lastConfigChangeAt).toBe(restarted.version);
    expect(d2.steps.flatMap((s) => s.actions.map((x) => x.action))).toEqual(['RestartApplication']);
    expect(restarted.version > scaled.version).toBe(true);
  });

  it('PUT {"version"} brings a stored version back as a new version; unknown versions are 404', async () => {
    const h = await harness();
    const v1 = createApp(h.s, { ...base, id: 'a' }, false).app;
    await h.settle();
    await updateApp(h.s, '/a', { cmd: 'sleep 99' }, { partial: true, force: true });
    await h.settle();
    const back = await updateApp(h.s, '/a', { version: v1.version }, { partial: true, force: true });
    expect(back.app.cmd).toBe('sleep 10');
    expect(back.app.version).not.toBe(v1.version);
    await expect(updateApp(h.s, '/a', { version: '2000-01-01T00:00:00.000Z' }, { partial: true, force: true })).rejects.toThrow(/does not exist/);
  });

  it('refuses to create an existing app (409) and to change a missing one with PATCH semantics (404)', async () => {
    const h = await harness();
    createApp(h.s, { ...base, id: 'a' }, false);
    expect(() => createApp(h.s, { ...base, id: 'a' }, false)).toThrow(/already exists/);
    await expect(updateApp(h.s, '/nope', { instances: 2 }, { partial: true, force: false, mustExist: true })).rejects.toThrow(/does not exist/);
    expect(() => deleteApp(h.s, '/nope', true)).toThrow(/does not exist/);
    const created = await updateApp(h.s, '/fresh', { ...base }, { partial: true, force: false });
    expect(created.created).toBe(true);
    expect(created.app.id).toBe('/fresh');
  });
});
