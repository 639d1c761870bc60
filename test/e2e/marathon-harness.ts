/**
 * Scaffolding for the Marathon-mode suites: the built zookeeper-lite (short tick, so sessions of a
 * couple of seconds are granted), the built master, agents (real `tsmesos agent` processes, or
 * in-process fake agents where real processes are not the point) and `tsmesos marathon`
 * instances, all stopped by `cleanup()`. Plus a tiny /v2 client.
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeAgent, type FakeAgentOptions } from '../../src/agent/fake-agent.js';
import { startLite, type TestZk } from '../../src/zk/ha-servers.test-helpers.js';
import { killAgentLeftovers } from '../helpers/agent-leftovers.js';
import { type Daemon, startDaemon, startMaster } from '../helpers/daemon.js';
import { call, getJson } from '../helpers/http.js';
import { waitFor } from '../helpers/wait.js';

export { type Answer, call } from '../helpers/http.js';

let zkPathSeq = 0;

export class MarathonCluster {
  zk!: TestZk;
  master!: Daemon;
  readonly marathons: Daemon[] = [];
  private readonly stops: Array<() => unknown> = [];
  private readonly workDirs: string[] = [];
  /** The --zk of this cluster's Marathon instances. */
  zkUrl = '';

  async start(): Promise<this> {
    this.zk = await startLite();
    this.stops.push(() => this.zk.close());
    this.master = await startMaster(['--allocation_interval=50ms']);
    this.stops.push(() => this.master.stop());
    this.zkUrl = `zk://${this.zk.connectString}/marathon-${process.pid}-${++zkPathSeq}`;
    return this;
  }

  get masterHost(): string {
    return new URL(this.master.url).host;
  }

  /** A real `tsmesos agent` with a ports range; its tasks are killed at cleanup. */
  async realAgent(extra: string[] = [], resources = 'cpus:4;mem:4096;ports:[31000-31999]'): Promise<Daemon> {
    const workDir = mkdtempSync(join(tmpdir(), 'tsmesos-marathon-agent-'));
    this.workDirs.push(workDir);
    const before = await this.agentCount();
    const agent = await startDaemon(['agent', `--master=${this.masterHost}`, '--ip=127.0.0.1', '--port=0', `--work_dir=${workDir}`, `--resources=${resources}`, '--quiet', ...extra]);
    this.stops.push(async () => {
      await agent.stop();
      killAgentLeftovers(workDir);
      rmSync(workDir, { recursive: true, force: true });
    });
    await waitFor(async () => (await this.agentCount()) > before, 'the agent to register');
    return agent;
  }

  /** An in-process fake agent (tasks "run" at once, nothing is executed). */
  async fakeAgent(opts: Partial<FakeAgentOptions> = {}): Promise<FakeAgent> {
    const before = await this.agentCount();
    const a = new FakeAgent({ masterUrl: this.master.url, resources: 'cpus:4;mem:4096;disk:1000;ports:[31000-31999]', updateRetryMs: 200, ...opts }).start();
    this.stops.push(() => a.stop());
    await waitFor(async () => (await this.agentCount()) > before, 'the fake agent to register');
    return a;
  }

  private async agentCount(): Promise<number> {
    return (await getJson(`${this.master.url}/master/slaves`)).slaves.length;
  }

  /** `tsmesos marathon` on a free port, leading or standing by under this cluster's --zk. */
  async marathon(extra: string[] = []): Promise<Daemon> {
    const m = await startDaemon(['marathon', `--master=${this.masterHost}`, `--zk=${this.zkUrl}`, '--http_port=0', '--zk_session_timeout=2000', '--quiet', ...extra]);
    this.marathons.push(m);
    this.stops.push(() => m.stop());
    return m;
  }

  /** The first `tsmesos marathon` of the cluster, once it leads and has subscribed; its URL. */
  async leadingMarathon(extra: string[] = []): Promise<string> {
    const m = await this.marathon(extra);
    await this.leading(m);
    return m.url;
  }

  /** Waits until `m` leads and has subscribed (its /v2/info has a framework id). */
  async leading(m: Daemon, timeoutMs = 20_000): Promise<string> {
    return waitFor(async () => {
      const r = await call(m.url, 'GET', '/v2/info');
      return r.status === 200 && r.body.elected && r.body.frameworkId ? (r.body.frameworkId as string) : undefined;
    }, `marathon at ${m.url} to lead`, timeoutMs, 100);
  }

  async cleanup(): Promise<void> {
    for (const stop of this.stops.splice(0).reverse()) await stop();
  }
}

/** Waits for no running deployment (clients do the same after a change). */
export function deploymentsDone(base: string, timeoutMs = 30_000): Promise<true> {
  return waitFor(async () => (await call(base, 'GET', '/v2/deployments')).body?.length === 0 || undefined, 'deployments to finish', timeoutMs, 100);
}

/** The app's tasks (GET /v2/apps/{id}/tasks). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function tasksOf(base: string, id: string): Promise<any[]> {
  const r = await call(base, 'GET', `/v2/apps/${id}/tasks`);
  return r.status === 200 ? r.body.tasks : [];
}

/** Whether an HTTP server answers 200 on 127.0.0.1:port. */
export async function serves(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1500) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}
