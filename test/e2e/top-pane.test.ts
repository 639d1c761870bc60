/**
 * The task output pane of `tsmesos top` against a real cluster (the built master and agent, the
 * agent running real processes): Enter on a task shows its stdout from the agent's sandbox and
 * keeps following it as the task writes more; `s` switches to stderr.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killAgentLeftovers } from '../helpers/agent-leftovers.js';
import { type Daemon, startDaemon, startMaster } from '../helpers/daemon.js';
import { getJson } from '../helpers/http.js';
import { TestScheduler, commandTask } from '../helpers/scheduler.js';
import { waitFor } from '../helpers/wait.js';
import { BIN, scratchHome } from './cli-harness.js';
import { Tmux, hasTmux } from './top-tmux.js';

const tmuxMissing = !hasTmux();
const workDir = mkdtempSync(join(tmpdir(), 'tsmesos-top-pane-'));
const tmux = new Tmux();
const daemons: Daemon[] = [];
let scheduler: TestScheduler | undefined;
afterAll(async () => {
  tmux.kill();
  scheduler?.close();
  for (const d of daemons.reverse()) await d.stop();
  killAgentLeftovers(join(workDir, 'agent'));
  rmSync(workDir, { recursive: true, force: true });
});

describe.skipIf(tmuxMissing)('tsmesos top task output pane', () => {
  it('shows a task’s stdout from its sandbox and follows new lines; s switches to stderr', async () => {
    const master = await startMaster();
    daemons.push(master);
    const url = master.url;
    daemons.push(await startDaemon(['agent', `--master=${new URL(url).host}`, '--ip=127.0.0.1', '--port=0', `--work_dir=${join(workDir, 'agent')}`, '--resources=cpus:2;mem:1024', '--quiet']));
    await waitFor(async () => (await getJson(`${url}/master/slaves`)).slaves.length === 1, 'the agent to register');
    scheduler = new TestScheduler(url, { user: 'root', name: 'pane-fw' });
    await scheduler.subscribe();
    const [offer] = await scheduler.waitForOffers();
    const script = 'echo first-line; echo to-stderr >&2; while [ ! -e release ]; do sleep 0.1; done; echo after-release; sleep 600';
    await scheduler.launch(offer, [commandTask('pane-task', 0.5, 64, { command: { value: script } })]);
    await scheduler.waitForUpdate('pane-task', 'TASK_RUNNING');

    tmux.start(100, 24, { HOME: scratchHome, HISTFILE: '/dev/null', TSMESOS_CONFIG: '/nonexistent/top-e2e.toml', CI: '0', TERM: 'xterm-256color', PATH: process.env.PATH ?? '' });
    tmux.type(`node ${BIN} top --master=${new URL(url).host} --refresh=100ms`);
    tmux.keys('Enter');
    tmux.type('4');
    await tmux.waitForScreen((s) => /pane-task +RUNNING/.test(s), 'the task row');
    tmux.keys('Enter');
    let screen = await tmux.waitForScreen((s) => s.includes('first-line'), 'the task stdout');
    expect(screen).toMatch(/stdout of pane-task on \S+ \(RUNNING\) — following/);
    expect(screen).not.toContain('to-stderr');

    // The task writes more once we create the file it waits for: the pane shows it without a key.
    const sandbox = (await getJson(`${url}/master/state`)).slaves[0];
    expect(sandbox).toBeDefined();
    const agentState = await getJson(`http://${/@(.+)$/.exec(sandbox.pid)![1]}/state`);
    const directory = agentState.frameworks[0].executors[0].directory as string;
    writeFileSync(join(directory, 'release'), '');
    screen = await tmux.waitForScreen((s) => s.includes('after-release'), 'the followed output');
    expect(screen.indexOf('first-line')).toBeLessThan(screen.indexOf('after-release'));

    tmux.type('s');
    await tmux.waitForScreen((s) => s.includes('stderr of pane-task') && s.includes('to-stderr'), 'the task stderr');
    tmux.keys('Escape');
    await tmux.waitForScreen((s) => /pane-task +RUNNING/.test(s), 'back in the Tasks view');
    tmux.type('q');
    await waitFor(() => tmux.format('#{alternate_on}') === '0', 'top to quit');
  }, 90_000);
});
