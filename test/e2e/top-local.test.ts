/**
 * Issue 8's proof, end to end in a real terminal: `tsmesos top` in tmux against a live `tsmesos
 * local` cluster (the built master and agent in one process, the agent running real processes).
 * A framework is offered the agent (the offer appears), launches a task (it appears RUNNING), the
 * task is killed from the UI (x, the y/N question, y) and turns KILLED, on screen and for the
 * framework; the layout follows the window through resizes, and q gives the shell back.
 * (top-live.test.ts covers the framework teardown, the filter and reconnecting; top-pane.test.ts
 * the output pane.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killAgentLeftovers } from '../helpers/agent-leftovers.js';
import { type Daemon, startDaemon } from '../helpers/daemon.js';
import { getJson } from '../helpers/http.js';
import { TestScheduler, commandTask } from '../helpers/scheduler.js';
import { waitFor } from '../helpers/wait.js';
import { BIN, REPO, scratchHome } from './cli-harness.js';
import { Tmux, hasTmux } from './top-tmux.js';

const tmuxMissing = !hasTmux();
if (tmuxMissing) console.warn('top-local: tmux is not installed; skipping the terminal test (apt-get install -y tmux)');

const workDir = mkdtempSync(join(tmpdir(), 'tsmesos-top-local-'));
const tmux = new Tmux();
let local: Daemon | undefined;
let scheduler: TestScheduler | undefined;
afterAll(async () => {
  tmux.kill();
  scheduler?.close();
  await local?.stop();
  killAgentLeftovers(join(workDir, 'agent'));
  rmSync(workDir, { recursive: true, force: true });
});

const rowsWith = (screen: string, text: string) => screen.split('\n').filter((l) => l.includes(text));
const oneLine = (screen: string) => screen.replace(/\n/g, '');

describe.skipIf(tmuxMissing)('tsmesos top against tsmesos local', () => {
  it('shows the offer and the task, kills the task from the UI (TASK_KILLED), follows resizes, quits cleanly', async () => {
    local = await startDaemon(['local', `--work_dir=${workDir}`, '--master_port=0', '--agent_port=0', '--resources=cpus:2;mem:1024']);
    const url = /master\s+listening on (http:\/\/\S+)/.exec(local.output())![1]!;
    await waitFor(async () => (await getJson(`${url}/master/slaves`)).slaves.length === 1, 'the agent to register');
    const host: string = (await getJson(`${url}/master/slaves`)).slaves[0].hostname;

    tmux.start(100, 30, { HOME: scratchHome, HISTFILE: '/dev/null', TSMESOS_CONFIG: '/nonexistent/top-e2e.toml', CI: '0', TERM: 'xterm-256color', PATH: process.env.PATH ?? '' });
    tmux.type(`cd ${REPO} && node ${BIN} top --master=${new URL(url).host} --refresh=100ms; echo "TOP-EXITED $?"`);
    tmux.keys('Enter');
    let screen = await tmux.waitForScreen((s) => s.includes('● http://') && /1 agents/.test(s), 'the live screen with the agent');

    // The framework subscribes: the master offers it the agent, and the Offers view shows it SENT.
    scheduler = new TestScheduler(url, { user: 'root', name: 'local-fw' });
    await scheduler.subscribe();
    const [offer] = await scheduler.waitForOffers();
    screen = await tmux.waitForScreen((s) => rowsWith(s, 'SENT').some((l) => l.includes('local-fw') && l.includes(host)), 'the offer row');
    expect(rowsWith(screen, 'SENT').find((l) => l.includes('local-fw'))).toMatch(/cpus 2 +mem 1G/);

    // The task launches: the offer turns ACCEPTED and the Tasks view lists the task RUNNING.
    await scheduler.launch(offer, [commandTask('doomed', 0.5, 64, { command: { value: 'sleep 600' } })]);
    await scheduler.waitForUpdate('doomed', 'TASK_RUNNING');
    await tmux.waitForScreen((s) => rowsWith(s, 'ACCEPTED').some((l) => l.includes('local-fw')), 'the accepted offer');
    tmux.type('4');
    screen = await tmux.waitForScreen((s) => /^doomed +RUNNING/m.test(s), 'the running task');
    expect(rowsWith(screen, 'doomed')[0]).toMatch(/doomed +RUNNING +local-fw +\S+ +0\.5 +64M/);
    expect(screen).toMatch(/x kill/);

    // Kill it from the UI: x asks, n cancels, x again and y kills.
    tmux.type('x');
    await tmux.waitForScreen((s) => oneLine(s).includes(`Kill task doomed of local-fw on ${host}? [y/N]`), 'the kill question');
    tmux.type('n');
    await tmux.waitForScreen((s) => s.includes('kill cancelled'), 'the cancelled kill');
    expect(scheduler.updates('doomed').map((u) => u.state)).not.toContain('TASK_KILLED');
    tmux.type('x');
    await tmux.waitForScreen((s) => oneLine(s).includes('[y/N]'), 'the kill question again');
    tmux.type('y');
    await tmux.waitForScreen((s) => s.includes(`kill of doomed sent to ${host}`), 'the kill sent');
    screen = await tmux.waitForScreen((s) => /^doomed +KILLED +local-fw/m.test(s), 'the task KILLED on screen');
    const killed = await scheduler.waitForUpdate('doomed', 'TASK_KILLED');
    expect(killed.source).toBe('SOURCE_EXECUTOR');
    tmux.type('x');
    await tmux.waitForScreen((s) => s.includes('doomed has already finished (KILLED)'), 'a second kill refused');

    // Resize: 100 columns have no NAME column; 120 add it; 72 still fit every line; 100 again.
    expect(screen).toMatch(/^ID +STATE +FRAMEWORK/m);
    tmux.resize(120, 30);
    screen = await tmux.waitForScreen((s) => /^ID +NAME +STATE +FRAMEWORK/m.test(s), 'the wide layout');
    expect(tmux.format('#{pane_width}x#{pane_height}')).toBe('120x30');
    tmux.resize(72, 16);
    screen = await tmux.waitForScreen((s) => /^ID +STATE/m.test(s) && s.includes('4 Tasks') && rowsWith(s, 'doomed').length > 0, 'the narrow layout');
    for (const line of screen.split('\n')) expect([...line].length).toBeLessThanOrEqual(72);
    expect(screen.trimEnd().split('\n').length).toBeLessThanOrEqual(16);
    tmux.resize(100, 30);
    await tmux.waitForScreen((s) => /^ID +STATE +FRAMEWORK/m.test(s) && s.includes('3 Frameworks'), 'the layout back at 100 columns');

    tmux.type('q');
    await tmux.waitForScreen((s) => s.includes('TOP-EXITED 0'), 'the shell after quitting');
    expect(tmux.format('#{alternate_on}')).toBe('0');
  }, 120_000);
});
