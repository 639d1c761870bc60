/**
 * Scaffolding for the Chronos-mode suites (test/e2e/chronos-*.test.ts): the built zookeeper-lite
 * (short tick, so 2 s sessions are granted), the built master, a real `tsmesos agent` (its
 * `--resources` chosen by the suite) and `tsmesos chronos --http_port=0` instances under one --zk
 * path, all stopped by `cleanup()`; plus a small HTTP helper and probes for who leads.
 * @module
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLite, type TestZk } from '../../src/zk/ha-servers.test-helpers.js';
import { killAgentLeftovers } from '../helpers/agent-leftovers.js';
import { type Daemon, startDaemon, startMaster } from '../helpers/daemon.js';
import { call, getJson } from '../helpers/http.js';
import { waitFor } from '../helpers/wait.js';

export { type Answer, call } from '../helpers/http.js';

let seq = 0;

export class ChronosCluster {
  zk!: TestZk;
  master!: Daemon;
  agent?: Daemon;
  workDir = '';
  /** A scratch directory jobs write into. */
  readonly out = mkdtempSync(join(tmpdir(), 'tsmesos-chronos-out-'));
  zkUrl = '';
  private readonly stops: Array<() => unknown> = [];

  /** `withAgent` false: no agent; a string: the agent's `--resources` (default plenty of everything). */
  async start(withAgent: boolean | string = true): Promise<this> {
    this.zk = await startLite();
    this.stops.push(() => this.zk.close());
    this.master = await startMaster(['--allocation_interval=50ms']);
    this.stops.push(() => this.master.stop());
    this.zkUrl = `zk://${this.zk.connectString}/chronos-${process.pid}-${++seq}`;
    this.stops.push(() => rmSync(this.out, { recursive: true, force: true }));
    if (withAgent) await this.startAgent(typeof withAgent === 'string' ? withAgent : 'cpus:8;mem:8192;disk:20000');
    return this;
  }

  get masterHost(): string {
    return new URL(this.master.url).host;
  }

  private async startAgent(resources: string): Promise<void> {
    this.workDir = mkdtempSync(join(tmpdir(), 'tsmesos-chronos-agent-'));
    const agent = await startDaemon(['agent', `--master=${this.masterHost}`, '--ip=127.0.0.1', '--port=0', `--work_dir=${this.workDir}`, `--resources=${resources}`, '--quiet']);
    this.agent = agent;
    this.stops.push(async () => {
      await agent.stop();
      killAgentLeftovers(this.workDir);
      rmSync(this.workDir, { recursive: true, force: true });
    });
    await waitFor(async () => (await getJson(`${this.master.url}/master/slaves`)).slaves.length === 1, 'the agent to register');
  }

  /** `tsmesos chronos` on a free port under this cluster's --zk (leading or standing by). */
  async chronos(extra: string[] = []): Promise<Daemon> {
    const c = await startDaemon(['chronos', `--master=${this.masterHost}`, `--zk=${this.zkUrl}`, '--http_port=0', '--zk_session_timeout=2000', '--failure_retry=1secs', '--quiet', ...extra]);
    this.stops.push(() => c.stop());
    return c;
  }

  /** Waits until `c` leads and has subscribed; returns its framework id. */
  leading(c: Daemon, timeoutMs = 20_000): Promise<string> {
    return waitFor(async () => {
      const r = await call(c.url, 'GET', '/info');
      return r.status === 200 && r.body.elected && r.body.frameworkId ? (r.body.frameworkId as string) : undefined;
    }, `chronos at ${c.url} to lead`, timeoutMs, 50);
  }

  /** Lines of a file under `out` (none when it does not exist yet). */
  lines(file: string): string[] {
    try {
      return readFileSync(join(this.out, file), 'utf8').split('\n').filter(Boolean);
    } catch {
      return [];
    }
  }

  async cleanup(): Promise<void> {
    for (const stop of this.stops.splice(0).reverse()) await stop();
  }
}

/** The history extension's runs of a job, newest first. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function history(base: string, job: string): Promise<any[]> {
  const r = await call(base, 'GET', `/v1/scheduler/job/${job}/history?limit=1000`);
  if (r.status !== 200) throw new Error(`history of ${job}: ${r.status} ${r.text}`);
  return r.body.runs;
}

/** An ISO 8601 instant `ms` from now, whole seconds, for a schedule's start. */
export function isoIn(ms: number): string {
  return new Date(Math.ceil((Date.now() + ms) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
