import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ClientError } from '../client/client-error.js';
import type { Deployment, MarathonApp, QueueEntry } from '../client/marathon-types.js';
import { UserError } from './errors.js';
import { countsText, followDeployment, progressText } from './app-wait.js';

/** A scripted Marathon: each poll of /v2/deployments takes the next frame. */
function fakeMarathon(frames: Array<{ deps: Deployment[]; app?: MarathonApp }>, queue: QueueEntry[] = []) {
  let i = -1;
  let app: MarathonApp | undefined;
  return {
    polls: () => i + 1,
    client: {
      deployments: async () => {
        i = Math.min(i + 1, frames.length - 1);
        app = frames[i]!.app;
        return frames[i]!.deps;
      },
      app: async (id: string) => {
        if (!app) throw new ClientError('status', `http://m/v2/apps${id}`, 'gone', undefined, 404, '');
        return app;
      },
      queue: async () => queue,
    },
  };
}

function sink(tty: boolean) {
  const out = new PassThrough() as PassThrough & { isTTY?: boolean };
  out.isTTY = tty;
  let text = '';
  out.on('data', (c: Buffer) => (text += c.toString()));
  return { out, text: () => text };
}

function clock() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms) };
}

const dep = (step: number): Deployment => ({ id: 'd1', affectedApps: ['/test'], currentStep: step, totalSteps: 2, currentActions: [{ action: step === 1 ? 'StartApplication' : 'ScaleApplication', app: '/test' }] });
const app = (running: number, version = 'v2'): MarathonApp => ({ id: '/test', instances: 3, tasksRunning: running, version });

describe('progress text', () => {
  it('step, actions and counts', () => {
    expect(progressText(dep(2), [app(1)], 4200, 'd1')).toBe('deployment d1: step 2/2 ScaleApplication /test · /test 1/3 running (4s)');
    expect(countsText({ id: '/x', instances: 2, tasksRunning: 1, tasksStaged: 1, healthChecks: [{}], tasksHealthy: 1, tasksUnhealthy: 1 })).toBe(
      '/x 1/2 running, 1 staged, 1 healthy, 1 unhealthy',
    );
  });
});

describe('followDeployment', () => {
  it('polls until the id disappears; plain lines only when the state changes', async () => {
    const m = fakeMarathon([{ deps: [dep(1)], app: app(0) }, { deps: [dep(2)], app: app(1) }, { deps: [dep(2)], app: app(1) }, { deps: [dep(2)], app: app(3) }, { deps: [], app: app(3) }]);
    const s = sink(false);
    const c = clock();
    const end = await followDeployment({ deploymentId: 'd1', version: 'v2' }, ['/test'], { client: m.client, out: s.out, timeoutMs: 60_000, ...c });
    expect(end).toMatchObject({ status: 'finished', elapsedMs: 2000 });
    expect(end.apps.map((a) => a.tasksRunning)).toEqual([3]);
    expect(s.text().split('\n')).toEqual([
      'deployment d1: step 1/2 StartApplication /test · /test 0/3 running (0ms)',
      'deployment d1: step 2/2 ScaleApplication /test · /test 1/3 running (500ms)',
      'deployment d1: step 2/2 ScaleApplication /test · /test 3/3 running (1s)',
      '',
    ]);
  });

  it('on a terminal, rewrites one line and ends it with a newline', async () => {
    const m = fakeMarathon([{ deps: [dep(1)], app: app(0) }, { deps: [], app: app(3) }]);
    const s = sink(true);
    await followDeployment({ deploymentId: 'd1' }, ['/test'], { client: m.client, out: s.out, timeoutMs: 60_000, ...clock() });
    expect(s.text()).toBe('\r\x1b[2Kdeployment d1: step 1/2 StartApplication /test · /test 0/3 running (0ms)\n');
  });

  it('an app left at another version was rolled back; a removed app is simply gone', async () => {
    const back = await followDeployment({ deploymentId: 'd1', version: 'v2' }, ['/test'], { client: fakeMarathon([{ deps: [], app: app(3, 'v1') }]).client, out: sink(false).out, timeoutMs: 1, ...clock() });
    expect(back).toMatchObject({ status: 'rolled-back', note: '/test is at version v1, not v2' });
    const gone = await followDeployment({ deploymentId: 'd1', version: 'v2' }, ['/test'], { client: fakeMarathon([{ deps: [] }]).client, out: sink(false).out, timeoutMs: 1, ...clock() });
    expect(gone).toMatchObject({ status: 'finished', apps: [] });
  });

  it('times out with the progress and why the app is not launching', async () => {
    const q: QueueEntry[] = [{ app: { id: '/test' }, count: 2, processedOffersSummary: { processedOffersCount: 3, unusedOffersCount: 3, rejectSummaryLastOffers: [{ reason: 'InsufficientMemory', declined: 3, processed: 3 }] } }];
    const m = fakeMarathon([{ deps: [dep(2)], app: app(1) }], q);
    const err = await followDeployment({ deploymentId: 'd1' }, ['/test'], { client: m.client, out: sink(false).out, timeoutMs: 1500, ...clock() }).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toBe(
      [
        'deployment d1 is still running after 1s: step 2/2 ScaleApplication /test · /test 1/3 running (1s)',
        '  why /test is not launching:',
        '    2 instances waiting to launch',
        '    offers processed: 3, unused: 3, used: 0',
        '    declined last offers because:',
        '      InsufficientMemory: 3 of 3',
      ].join('\n'),
    );
    expect(err.hint).toContain('tsmesos app rollback d1');
  });

  it('an abort (Ctrl-C) ends the follow as interrupted', async () => {
    const ctl = new AbortController();
    ctl.abort();
    const m = fakeMarathon([{ deps: [dep(1)], app: app(0) }]);
    const end = await followDeployment({ deploymentId: 'd1' }, ['/test'], { client: m.client, out: sink(false).out, timeoutMs: 60_000, signal: ctl.signal, ...clock() });
    expect(end.status).toBe('interrupted');
  });
});
