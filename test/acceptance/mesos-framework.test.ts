/**
 * Acceptance: the third-party npm `mesos-framework@0.5.3` Scheduler (its own v1 scheduler HTTP code,
 * unmodified) against the real tsmesos master binary, with an in-process FakeAgent offering resources.
 * The client runs as a child process through a small driver (drivers/mesos-framework-driver.cjs) that
 * prints one JSON line per client event; the assertions read that output and the master's
 * /master/state.
 */
import { execa, type ResultPromise } from 'execa';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeAgent } from '../../src/agent/fake-agent.js';
import { type Daemon, startMaster } from '../helpers/daemon.js';
import { waitFor } from '../helpers/wait.js';

const require = createRequire(import.meta.url);
function resolveClient(): string | undefined {
  try {
    return require.resolve('mesos-framework');
  } catch {
    return undefined;
  }
}
const CLIENT = resolveClient();
const DRIVER = fileURLToPath(new URL('./drivers/mesos-framework-driver.cjs', import.meta.url));
if (!CLIENT) console.warn('SKIP test/acceptance/mesos-framework: npm package mesos-framework@0.5.3 is not installed (npm install -D mesos-framework@0.5.3)');

type DriverEvent = Record<string, any> & { event: string };

/** The driver child process and the JSON events it printed so far. */
class Driver {
  readonly events: DriverEvent[] = [];
  private out = '';
  private partial = '';
  exitCode?: number;
  readonly proc: ResultPromise<{ stdin: 'pipe'; buffer: false; reject: false }>;

  constructor(cwd: string, env: Record<string, string>) {
    this.proc = execa('node', [DRIVER], { cwd, env, stdin: 'pipe', buffer: false, reject: false });
    this.proc.stdout!.on('data', (c: Buffer) => this.onData(c.toString()));
    this.proc.stderr!.on('data', (c: Buffer) => (this.out += c.toString()));
    void this.proc.then((r) => (this.exitCode = r.exitCode ?? -1));
  }

  private onData(text: string): void {
    this.out += text;
    this.partial += text;
    const lines = this.partial.split('\n');
    this.partial = lines.pop()!;
    for (const line of lines) {
      if (!line.startsWith('{')) continue; // the client's own winston lines
      try {
        const e = JSON.parse(line);
        if (typeof e.event === 'string') this.events.push(e);
      } catch {
        /* not one of ours */
      }
    }
  }

  /** Everything the child printed, for failure messages. */
  output(): string {
    return this.out;
  }

  of(event: string): DriverEvent[] {
    return this.events.filter((e) => e.event === event);
  }

  async next(pred: (e: DriverEvent) => boolean, what: string, timeoutMs = 10_000): Promise<DriverEvent> {
    try {
      return await waitFor(() => {
        const hit = this.events.find(pred);
        if (hit) return hit;
        if (this.exitCode !== undefined) throw new Error(`driver exited with ${this.exitCode}`);
        return undefined;
      }, what, timeoutMs);
    } catch (e) {
      throw new Error(`${(e as Error).message}\n--- driver output ---\n${this.out.slice(-6000)}`);
    }
  }

  send(cmd: string): void {
    this.proc.stdin!.write(`${cmd}\n`);
  }

  async kill(): Promise<void> {
    if (this.exitCode !== undefined) return;
    this.proc.kill('SIGTERM');
    const t = setTimeout(() => this.proc.kill('SIGKILL'), 3000);
    await this.proc;
    clearTimeout(t);
  }
}

async function state(master: Daemon): Promise<any> {
  const r = await fetch(`${master.url}/master/state`);
  expect(r.status).toBe(200);
  return r.json();
}

describe.skipIf(!CLIENT)(`mesos-framework@0.5.3 Scheduler against the master${CLIENT ? '' : ' (SKIPPED: npm package mesos-framework is not installed)'}`, () => {
  let master: Daemon;
  let masterId: string;
  let agent: FakeAgent;
  let driver: Driver | undefined;
  let workDir: string;

  beforeAll(async () => {
    const started = Date.now();
    master = await startMaster(['--allocation_interval=100ms']);
    masterId = (await state(master)).id;
    agent = new FakeAgent({ masterUrl: master.url, resources: 'cpus:4;mem:4096;ports:[31000-32000]', updateRetryMs: 500 }).start();
    await waitFor(() => agent.id, 'the fake agent to register');
    workDir = mkdtempSync(join(tmpdir(), 'tsmesos-mesos-framework-'));
    mkdirSync(join(workDir, 'logs')); // the client's winston file transport crashes without it
    console.info(`mesos-framework setup: ${Date.now() - started} ms`);
  });

  afterAll(async () => {
    await driver?.kill();
    agent?.stop();
    await master?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('subscribes, takes an offer, launches `sleep 10`, sees TASK_RUNNING, and tears down', async () => {
    const t0 = Date.now();
    const port = new URL(master.url).port;
    driver = new Driver(workDir, {
      MF_MODULE: CLIENT!,
      MASTER_HOST: '127.0.0.1',
      MASTER_PORT: port,
      FRAMEWORK_NAME: 'acceptance-mesos-framework',
      DRIVER_DEADLINE_MS: '45000',
    });
    const d = driver;

    // SUBSCRIBE → SUBSCRIBED, with the stream id from the Mesos-Stream-Id header.
    const sub = await d.next((e) => e.event === 'subscribed', 'the client to subscribe');
    expect(sub.frameworkId).toBe(`${masterId}-0000`);
    expect(sub.mesosStreamId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const tSubscribed = Date.now();

    // OFFERS from the fake agent.
    const offers = await d.next((e) => e.event === 'offers', 'an OFFERS event');
    expect(offers.offers.length).toBeGreaterThan(0);
    expect(offers.offers[0].agentId).toBe(agent.id);
    expect(offers.offers[0].id).toMatch(new RegExp(`^${masterId}-O\\d+$`));
    expect(offers.offers[0].resources).toEqual(expect.arrayContaining(['cpus', 'mem']));

    // ACCEPT with LAUNCH, answered 202 (the client emits sent_accept only on 202).
    const accept = await d.next((e) => e.event === 'sent_accept', 'the ACCEPT call to be accepted (202)');
    expect(accept.launched).toHaveLength(1);
    const task = accept.launched[0];
    expect(task.name).toBe('sleeper-1');
    expect(task.agentId).toBe(agent.id);
    expect(task.taskId).toMatch(/^acceptance-mesos-framework\.sleeper-1\.[0-9a-f-]{36}$/);

    // The status updates reach the client; it acknowledges them (they carry a uuid).
    const running = await d.next((e) => e.event === 'update' && e.taskId === task.taskId && e.state === 'TASK_RUNNING', 'TASK_RUNNING for the task');
    expect(running.agentId).toBe(agent.id);
    expect(running.uuid).toBeTruthy();
    const tRunning = Date.now();
    const states = d.of('update').filter((e) => e.taskId === task.taskId).map((e) => e.state);
    expect(states).toEqual(['TASK_STARTING', 'TASK_RUNNING']);
    await d.next((e) => e.event === 'sent_acknowledge', 'an ACKNOWLEDGE answered 202');
    await waitFor(() => agent.updates.pending().length === 0, "the agent's update queue to drain (client acknowledged)");

    // The agent runs exactly what the client asked for.
    const onAgent = agent.containerizer.running().find((r) => r.task.task_id.value === task.taskId);
    expect(onAgent?.frameworkId).toBe(sub.frameworkId);
    expect(onAgent?.task.command?.value).toBe('sleep 10');
    expect(onAgent?.task.command?.shell).toBe(true);

    // The master agrees.
    const st = await state(master);
    const fw = st.frameworks.find((f: any) => f.id === sub.frameworkId);
    expect(fw, JSON.stringify(st.frameworks)).toBeTruthy();
    expect(fw.name).toBe('acceptance-mesos-framework');
    expect(fw.active).toBe(true);
    expect(fw.tasks.map((t: any) => [t.id, t.name, t.state, t.executor_id, t.slave_id])).toEqual([[task.taskId, 'sleeper-1', 'TASK_RUNNING', '', agent.id]]);
    expect(fw.tasks[0].resources).toMatchObject({ cpus: 0.1, mem: 32 });

    // Nothing went wrong on the client's side so far: no rejected call, no framing error.
    expect(d.of('error'), d.output().slice(-4000)).toEqual([]);

    // TEARDOWN through the client's own teardown(); the master closes the subscription stream.
    d.send('teardown');
    await d.next((e) => e.event === 'sent_teardown', 'TEARDOWN answered 202');
    await d.next((e) => e.event === 'stream_closed', 'the master to close the subscription stream');
    await waitFor(() => d.exitCode !== undefined, 'the driver to exit', 5000);
    expect(d.exitCode, d.output().slice(-4000)).toBe(0);

    const after = await state(master);
    expect(after.frameworks.map((f: any) => f.id)).not.toContain(sub.frameworkId);
    const done = after.completed_frameworks.find((f: any) => f.id === sub.frameworkId);
    expect(done, JSON.stringify(after.completed_frameworks)).toBeTruthy();
    expect(done.active).toBe(false);
    expect(done.completed_tasks.map((t: any) => [t.id, t.state])).toEqual([[task.taskId, 'TASK_KILLED']]);
    await waitFor(() => !agent.containerizer.running().some((r) => r.task.task_id.value === task.taskId), 'the agent to kill the task');

    console.info(
      `mesos-framework timings: subscribed ${tSubscribed - t0} ms, TASK_RUNNING +${tRunning - tSubscribed} ms, teardown done +${Date.now() - tRunning} ms`,
    );
  });
});
