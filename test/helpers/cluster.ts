/**
 * Per-test scaffolding for end-to-end suites: a built master, in-process fake agents and test
 * schedulers, all stopped (newest first) by `cleanup()` in `afterEach`.
 */
import { FakeAgent, type FakeAgentOptions } from '../../src/agent/fake-agent.js';
import { type Daemon, startMaster } from './daemon.js';
import { TestScheduler } from './scheduler.js';

export class TestCluster {
  private readonly stops: Array<() => unknown> = [];

  /** Registers something to stop at cleanup. */
  defer(fn: () => unknown): void {
    this.stops.push(fn);
  }

  async master(extra: string[] = []): Promise<Daemon> {
    const m = await startMaster(['--allocation_interval=50ms', ...extra]);
    this.defer(() => m.stop());
    return m;
  }

  agent(masterUrl: string, opts: Partial<FakeAgentOptions> = {}): FakeAgent {
    const a = new FakeAgent({ masterUrl, resources: 'cpus:4;mem:4096', updateRetryMs: 200, ...opts }).start();
    this.defer(() => a.stop());
    return a;
  }

  scheduler(masterUrl: string, info: Record<string, unknown>, autoAck = true): TestScheduler {
    const s = new TestScheduler(masterUrl, { user: 'root', ...info }, autoAck);
    this.defer(() => s.close());
    return s;
  }

  async cleanup(): Promise<void> {
    for (const stop of this.stops.splice(0).reverse()) await stop();
  }
}
