/**
 * `tsmesos top` in a real terminal (tmux) against the built master with a FakeAgent and a
 * TestScheduler: the agent and an offer appear, a launched task shows in the Tasks view, the
 * framework is torn down from the UI after a y/N question, the screen re-lays itself out on a
 * resize, and `q` leaves the terminal as it was (no alternate screen, the shell prompt back).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestCluster } from '../helpers/cluster.js';
import { commandTask } from '../helpers/scheduler.js';
import { getJson } from '../helpers/http.js';
import { BIN, REPO, deadPort, scratchHome } from './cli-harness.js';
import { Tmux, hasTmux } from './top-tmux.js';

const tmuxMissing = !hasTmux();
if (tmuxMissing) console.warn('top-live: tmux is not installed; skipping the terminal tests (apt-get install -y tmux)');

let cluster: TestCluster;
let tmux: Tmux;
beforeEach(() => {
  cluster = new TestCluster();
  tmux = new Tmux();
});
afterEach(async () => {
  tmux.kill();
  await cluster.cleanup();
});

/** The lines of the screen that are table rows mentioning `text`. */
const rowsWith = (screen: string, text: string) => screen.split('\n').filter((l) => l.includes(text));

describe.skipIf(tmuxMissing)('tsmesos top in a terminal', () => {
  it('follows agents, offers, tasks; tears a framework down; re-lays out on resize; restores the terminal on q', async () => {
    const master = await cluster.master();
    const address = new URL(master.url).host;
    tmux.start(100, 30, { HOME: scratchHome, HISTFILE: '/dev/null', TSMESOS_CONFIG: '/nonexistent/top-e2e.toml', CI: '0', TERM: 'xterm-256color', PATH: process.env.PATH ?? '' });
    tmux.type(`cd ${REPO} && node ${BIN} top --master=${address} --refresh=100ms; echo "TOP-EXITED $?"`);
    tmux.keys('Enter');
    await tmux.waitForScreen((s) => s.includes('tsmesos top') && s.includes('● http://'), 'the live screen');
    expect(tmux.format('#{alternate_on}')).toBe('1');

    // An agent registers: the status line counts it, the Agents view lists it with its attributes.
    cluster.agent(master.url, { hostname: 'top-agent-1', attributes: 'rack:r1', resources: 'cpus:4;mem:4096;disk:1000' });
    tmux.type('2');
    let screen = await tmux.waitForScreen((s) => rowsWith(s, 'top-agent-1').length > 0, 'the agent row');
    expect(screen).toMatch(/1 agents/);
    expect(rowsWith(screen, 'top-agent-1')[0]).toMatch(/active .*0\/4.*rack:r1/);

    // A framework subscribes and is offered the agent: the Offers view shows the offer as SENT.
    const s = cluster.scheduler(master.url, { name: 'top-fw' });
    await s.subscribe();
    const [offer] = await s.waitForOffers();
    tmux.type('1');
    screen = await tmux.waitForScreen((x) => rowsWith(x, 'SENT').some((l) => l.includes('top-fw') && l.includes('top-agent-1')), 'the offer row');
    expect(screen).toMatch(/held 1 +sent [1-9]/);

    // Launch a task: the offer turns ACCEPTED, the task shows RUNNING in the Tasks view.
    await s.launch(offer, [commandTask('top-task-1', 1, 256)]);
    await s.waitForUpdate('top-task-1', 'TASK_RUNNING');
    await tmux.waitForScreen((x) => rowsWith(x, 'ACCEPTED').some((l) => l.includes('top-fw')), 'the accepted offer');
    tmux.type('4');
    screen = await tmux.waitForScreen((x) => rowsWith(x, 'top-task-1').some((l) => l.includes('RUNNING')), 'the running task');
    expect(rowsWith(screen, 'top-task-1')[0]).toMatch(/top-fw +top-agent-1 +1 +256M/);

    // Filter by typing after "/": a non-matching filter empties the table, Esc clears it.
    tmux.type('/nomatch');
    await tmux.waitForScreen((x) => x.includes('no task matches "nomatch"'), 'the empty filter');
    tmux.keys('Escape');
    await tmux.waitForScreen((x) => rowsWith(x, 'top-task-1').length > 0, 'the filter cleared');

    // Tear the framework down from the Frameworks view: x, then the y/N question, then y.
    tmux.type('3');
    await tmux.waitForScreen((x) => rowsWith(x, 'top-fw').some((l) => /active/.test(l)), 'the framework row');
    tmux.type('x');
    await tmux.waitForScreen((x) => /Tear down framework top-fw .*\[y\/N\]/.test(x.replace(/\n/g, '')), 'the confirmation');
    tmux.type('y');
    screen = await tmux.waitForScreen((x) => x.includes('no frameworks subscribed'), 'the framework gone');
    expect(screen).toMatch(/torn down/);
    const frameworks = await getJson(`${master.url}/master/frameworks`);
    expect(frameworks.frameworks).toEqual([]);
    expect(frameworks.completed_frameworks.map((f: { id: string }) => f.id)).toEqual([s.frameworkId]);
    tmux.type('4');
    await tmux.waitForScreen((x) => rowsWith(x, 'top-task-1').some((l) => l.includes('KILLED')), 'the killed task');

    // Resize: at 100 columns the Agents view has a DISK column; at 70 it drops it and the tabs shorten.
    tmux.type('2');
    screen = await tmux.waitForScreen((x) => /HOSTNAME .*DISK/.test(x), 'the wide layout');
    tmux.resize(70, 20);
    screen = await tmux.waitForScreen((x) => /HOSTNAME/.test(x) && !/DISK/.test(x) && x.includes('2:Agen'), 'the narrow layout');
    expect(tmux.format('#{pane_width}x#{pane_height}')).toBe('70x20');
    for (const line of screen.split('\n')) expect([...line].length).toBeLessThanOrEqual(70);

    // q quits: the alternate screen is gone, the shell shows the exit status and takes input again.
    tmux.type('q');
    screen = await tmux.waitForScreen((x) => x.includes('TOP-EXITED 0'), 'the shell after quitting');
    expect(tmux.format('#{alternate_on}')).toBe('0');
    expect(screen).not.toContain('tsmesos top 1');
    tmux.type('echo still-$((40+2))');
    tmux.keys('Enter');
    await tmux.waitForScreen((x) => x.includes('still-42'), 'a working shell');
  }, 90_000);

  it('waits for a master that is down, connects when it starts, and Ctrl-C restores the terminal', async () => {
    const port = await deadPort();
    tmux.start(80, 24, { HOME: scratchHome, HISTFILE: '/dev/null', TSMESOS_CONFIG: '/nonexistent/top-e2e.toml', CI: '0', TERM: 'xterm-256color', PATH: process.env.PATH ?? '' });
    tmux.type(`node ${BIN} top --master=127.0.0.1:${port} --refresh=100ms; echo "TOP-EXITED $?"`);
    tmux.keys('Enter');
    await tmux.waitForScreen((s) => /✕ retrying in \d+s: can not reach the master at http:\/\/127\.0\.0\.1:\d+/.test(s), 'the reconnect status');
    await cluster.master([`--port=${port}`]);
    await tmux.waitForScreen((s) => s.includes(`● http://127.0.0.1:${port}`), 'the connection', 20_000);
    tmux.keys('C-c');
    await tmux.waitForScreen((s) => s.includes('TOP-EXITED 0'), 'the shell after Ctrl-C');
    expect(tmux.format('#{alternate_on}')).toBe('0');
  }, 60_000);
});
