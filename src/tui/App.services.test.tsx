/**
 * The Apps and Jobs views inside the App, against scripted Marathon and Chronos sources: rows
 * appear, Marathon's events trigger a refetch, scale / restart / run-now go through the y/N
 * question to the right call, and an unreachable service is reported, not hidden.
 */
import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { App } from './App.js';
import type { ChronosSource, MarathonSource, TopServices } from './services.js';
import { APPS, JOBS } from './state/service-rows.test-helpers.js';
import type { MarathonApp } from './state/service-types.js';

const T0 = 1_700_000_000_000;

function fakeMarathon() {
  let apps: MarathonApp[] = structuredClone(APPS);
  let emit: ((type: string) => void) | undefined;
  let failing: Error | undefined;
  const calls = { apps: 0, scale: [] as Array<[string, number]>, restart: [] as string[] };
  const source: MarathonSource = {
    url: 'http://marathon:8080',
    async apps() {
      calls.apps++;
      if (failing) throw failing;
      return apps;
    },
    events(onEvent, signal) {
      emit = onEvent;
      onEvent('event_stream_attached');
      return new Promise((resolve) => signal.addEventListener('abort', () => resolve()));
    },
    async scale(id, n) {
      calls.scale.push([id, n]);
      apps = apps.map((a) => (a.id === id ? { ...a, instances: n, deployments: [{ id: 'dep-9' }] } : a));
      return { deploymentId: 'dep-9' };
    },
    async restart(id) {
      calls.restart.push(id);
      return { deploymentId: 'dep-10' };
    },
  };
  return { source, calls, set: (next: MarathonApp[]) => (apps = next), emit: (type: string) => emit!(type), fail: (e?: Error) => (failing = e) };
}

function fakeChronos() {
  const calls = { jobs: 0, run: [] as string[] };
  const source: ChronosSource = {
    url: 'http://chronos:4400',
    async jobs() {
      calls.jobs++;
      return JOBS;
    },
    async runNow(name) {
      calls.run.push(name);
      if (name === 'old') throw Object.assign(new Error('Chronos at http://chronos:4400 answered 400: job is disabled'), { hint: 'enable it first' });
    },
  };
  return { source, calls };
}

function start(marathon = fakeMarathon(), chronos = fakeChronos()) {
  const services: TopServices = {
    watch: () => () => {},
    teardown: async () => {},
    killTask: async () => {},
    followOutput: async () => {},
    marathon: marathon.source,
    chronos: chronos.source,
  };
  // A long poll: every refetch in these tests comes from an event or an action, not the clock.
  const app = render(<App services={services} refreshMs={5} servicePollMs={60_000} size={{ columns: 100, rows: 14 }} clock={() => T0} initialView="apps" />);
  const frame = () => app.lastFrame() ?? '';
  const until = (text: string | RegExp) => vi.waitFor(() => expect(frame()).toMatch(text), { timeout: 2000 });
  const press = async (keys: string, expected: string | RegExp) => {
    app.stdin.write(keys);
    await until(expected);
  };
  return { ...app, frame, until, press, marathon, chronos };
}

describe('App: Apps view', () => {
  it('lists Marathon apps without waiting for the master, live on its event stream', async () => {
    const t = start();
    await t.until(/● Marathon http:\/\/marathon:8080 +3 apps +1 deploying +live \(events\)/);
    expect(t.frame()).toMatch(/\/prod\/api +2\/4 +2 +1\/2 +1 +1G +1 in progress/);
    expect(t.frame()).toMatch(/q quit +s scale +r restart/);
    // An event means "something changed": the list is read again and shows it.
    const before = t.marathon.calls.apps;
    t.marathon.set(APPS.map((a) => (a.id === '/prod/api' ? { ...a, tasksRunning: 4, tasksStaged: 0, deployments: [] } : a)));
    t.marathon.emit('deployment_success');
    await t.until(/\/prod\/api +4\/4 +0/);
    expect(t.marathon.calls.apps).toBe(before + 1);
    t.unmount();
  });

  it('scales the selected app: s, the count, Enter, then y; the list is read again at once', async () => {
    const t = start();
    await t.until('/prod/web');
    await t.press('G', /\/prod\/web/); // the last row
    await t.press('s', 'Scale app /prod/web (now 3) to how many instances? █');
    expect(t.frame()).toMatch(/0-9 instances +Enter next +Esc cancel/);
    await t.press('5', 'to how many instances? 5█');
    await t.press('\r', 'Scale app /prod/web from 3 to 5 instances? [y/N]');
    expect(t.marathon.calls.scale).toEqual([]);
    const reads = t.marathon.calls.apps;
    await t.press('y', 'app /prod/web scaling to 5 (deployment dep-9)');
    expect(t.marathon.calls.scale).toEqual([['/prod/web', 5]]);
    await t.until(/\/prod\/web +3\/5/);
    expect(t.marathon.calls.apps).toBeGreaterThan(reads);
  });

  it('restarts the selected app after y, and n leaves it alone', async () => {
    const t = start();
    await t.until('/prod/api');
    await t.press('j', /\/prod\/api/);
    await t.press('r', 'Restart app /prod/api (a rolling restart of its 4 instances)? [y/N]');
    await t.press('n', 'restart cancelled');
    await t.press('r', '[y/N]');
    await t.press('y', 'app /prod/api restarting (deployment dep-10)');
    expect(t.marathon.calls.restart).toEqual(['/prod/api']);
  });

  it('says why Marathon can not be read, and keeps retrying', async () => {
    const m = fakeMarathon();
    m.fail(Object.assign(new Error('can not reach the Marathon API at http://marathon:8080'), { hint: 'is `tsmesos marathon` running there?' }));
    const t = start(m);
    await t.until(/✕ retrying in \d+s: can not reach the Marathon API at http:\/\/marathon:8080 \(is `tsmesos marathon` run/); // cut at 100 columns
    expect(t.frame()).toContain('no apps read yet');
    m.fail(undefined);
    await t.until(/● Marathon .*3 apps/);
  });
});

describe('App: Jobs view', () => {
  it('lists Chronos jobs and runs the selected one now after y; a refusal is shown with its hint', async () => {
    const t = start();
    await t.press('6', /● Chronos http:\/\/chronos:4400 +4 jobs +1 running +2 failing +polling/);
    expect(t.frame()).toMatch(/report +after nightly, extract +failure +1 running +3 +4/);
    expect(t.frame()).toMatch(/q quit +r run now/);
    await t.press('j', /nightly/);
    await t.press('r', 'Run job nightly now? [y/N]');
    const reads = t.chronos.calls.jobs;
    await t.press('y', 'job nightly queued to run now');
    expect(t.chronos.calls.run).toEqual(['nightly']);
    await vi.waitFor(() => expect(t.chronos.calls.jobs).toBeGreaterThan(reads));
    await t.press('j', /old/);
    await t.press('r', 'Run job old now? [y/N]');
    await t.press('y', 'run of old failed: Chronos at http://chronos:4400 answered 400: job is disabled (enable it first)');
  });
});
