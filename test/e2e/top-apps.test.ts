/**
 * The Apps and Jobs views of `tsmesos top` in a real terminal (tmux) against the built
 * zookeeper-lite, master, a real agent, `tsmesos marathon` and `tsmesos chronos`: an app shows with
 * its running count (live on Marathon's event stream), is scaled from the UI (s, the count, Enter,
 * y) and the new instance shows up; a Chronos job shows with its schedule and is run now from the
 * UI (r, y) until its success count moves.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { type Daemon, startDaemon } from '../helpers/daemon.js';
import { waitFor } from '../helpers/wait.js';
import { BIN, REPO, scratchHome } from './cli-harness.js';
import { MarathonCluster, call, tasksOf } from './marathon-harness.js';
import { Tmux, hasTmux } from './top-tmux.js';

const tmuxMissing = !hasTmux();
if (tmuxMissing) console.warn('top-apps: tmux is not installed; skipping the terminal test (apt-get install -y tmux)');

const cluster = new MarathonCluster();
const tmux = new Tmux();
let chronos: Daemon | undefined;
afterAll(async () => {
  tmux.kill();
  await chronos?.stop();
  await cluster.cleanup();
});

const row = (screen: string, start: string) => screen.split('\n').find((l) => l.startsWith(start)) ?? '';

describe.skipIf(tmuxMissing)('tsmesos top: Apps and Jobs', () => {
  it('shows a Marathon app and scales it from the UI; shows a Chronos job and runs it now', async () => {
    await cluster.start();
    await cluster.realAgent([], 'cpus:4;mem:4096;disk:10000;ports:[31000-31999]'); // Chronos jobs take 256 MB of disk by default
    const marathon = await cluster.marathon();
    await cluster.leading(marathon);
    chronos = await startDaemon(['chronos', `--master=${cluster.masterHost}`, `--zk=zk://${cluster.zk.connectString}/top-chronos-${process.pid}`, '--http_port=0', '--zk_session_timeout=2000', '--quiet']);
    const c = chronos.url;
    await waitFor(async () => {
      const r = await call(c, 'GET', '/info');
      return r.status === 200 && r.body.elected && r.body.frameworkId;
    }, 'chronos to lead', 20_000);

    const created = await call(marathon.url, 'POST', '/v2/apps', { id: '/top/web', cmd: 'sleep 600', cpus: 0.1, mem: 32, instances: 1 });
    expect(created.status).toBe(201);
    await waitFor(async () => (await tasksOf(marathon.url, '/top/web')).filter((t) => t.state === 'TASK_RUNNING').length === 1, 'the app to run');
    const schedule = `R/${new Date(Date.now() + 3_600_000).toISOString()}/PT2H`;
    const job = await call(c, 'POST', '/v1/scheduler/iso8601', { name: 'top-job', command: 'true', schedule, cpus: 0.1, mem: 32 });
    expect(job.status).toBe(204);

    tmux.start(110, 24, { HOME: scratchHome, HISTFILE: '/dev/null', TSMESOS_CONFIG: '/nonexistent/top-e2e.toml', CI: '0', TERM: 'xterm-256color', PATH: process.env.PATH ?? '' });
    tmux.type(`cd ${REPO} && node ${BIN} top --master=${cluster.masterHost} --marathon=${new URL(marathon.url).host} --chronos=${new URL(c).host}; echo "TOP-EXITED $?"`);
    tmux.keys('Enter');
    await tmux.waitForScreen((s) => s.includes('● http://'), 'the live screen');

    // Apps: the app with 1/1 running, read live on Marathon's event stream.
    tmux.type('5');
    let screen = await tmux.waitForScreen((s) => /^\/top\/web +1\/1/m.test(s) && s.includes('live (events)'), 'the app row');
    expect(screen).toContain(`● Marathon ${marathon.url}  1 app`);
    expect(row(screen, '/top/web')).toMatch(/\/top\/web +1\/1 +0 +- +0\.1 +32M +-/);

    // Scale it to 2 from the UI; the second instance shows without a key press.
    tmux.type('s');
    await tmux.waitForScreen((s) => s.includes('Scale app /top/web (now 1) to how many instances?'), 'the count prompt');
    tmux.type('2');
    tmux.keys('Enter');
    await tmux.waitForScreen((s) => s.includes('Scale app /top/web from 1 to 2 instances? [y/N]'), 'the scale question');
    tmux.type('y');
    screen = await tmux.waitForScreen((s) => /app \/top\/web scaling to 2 \(deployment \S+\)/.test(s), 'the scale sent');
    screen = await tmux.waitForScreen((s) => /^\/top\/web +2\/2/m.test(s), 'two instances running');
    expect((await tasksOf(marathon.url, '/top/web')).length).toBe(2);
    expect((await call(marathon.url, 'GET', '/v2/apps/top/web')).body.app.instances).toBe(2);

    // Jobs: the job with its schedule, never run; run it now from the UI.
    tmux.type('6');
    screen = await tmux.waitForScreen((s) => /^top-job +R\/\S+\/PT2H +fresh +idle +0 +0/m.test(s), 'the job row');
    expect(screen).toContain(`● Chronos ${c}  1 job`);
    tmux.type('r');
    await tmux.waitForScreen((s) => s.includes('Run job top-job now? [y/N]'), 'the run question');
    tmux.type('y');
    await tmux.waitForScreen((s) => s.includes('job top-job queued to run now'), 'the run sent');
    screen = await tmux.waitForScreen((s) => /^top-job +\S+ +success +idle +1 +0/m.test(s), 'the job succeeded once', 30_000);
    const jobs = (await call(c, 'GET', '/v1/scheduler/jobs')).body as Array<{ name: string; successCount: number }>;
    expect(jobs.find((j) => j.name === 'top-job')?.successCount).toBe(1);

    tmux.type('q');
    await tmux.waitForScreen((s) => s.includes('TOP-EXITED 0'), 'the shell after quitting');
  }, 120_000);
});
