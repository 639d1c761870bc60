/**
 * A scheduler over a MemoryStateStore with a recording fake driver and offers from made-up agents:
 * enough to drive launches, status updates, kills and deployments in unit tests without a master.
 * Excluded from the build (a .test-helpers file).
 * @module
 */
import { silentLogger } from '../../../lib/logger.js';
import type { TaskStateName } from '../../../protocol/v1/types.js';
import { MemoryStateStore } from '../../common/state-store.js';
import { EventBus, type MarathonEvent } from '../event-bus.js';
import type { MarathonConfig } from '../flags.js';
import type { DriverLike } from '../scheduler/marathon-scheduler.js';
import { MarathonScheduler } from '../scheduler/marathon-scheduler.js';
import type { OfferV1 } from '../scheduler/launcher.js';
import { MarathonStore } from '../store.js';

export const TEST_CONFIG: MarathonConfig = {
  master: '127.0.0.1:5050',
  zk: 'zk://127.0.0.1:2181/marathon',
  httpPort: 0,
  httpAddress: '127.0.0.1',
  hostname: '127.0.0.1',
  frameworkName: 'marathon',
  role: '*',
  user: 'root',
  failoverTimeoutSeconds: 60,
  zkSessionTimeoutMs: 2000,
  taskLaunchTimeoutMs: 300_000,
  localPortMin: 10000,
  localPortMax: 20000,
  maxRunningDeployments: 100,
  declineOfferDurationMs: 120_000,
  maxVersions: 50,
};

export class FakeDriver implements DriverLike {
  connected = true;
  readonly launched: Array<Record<string, any>> = [];
  readonly killed: string[] = [];
  readonly declined: string[] = [];
  readonly calls: string[] = [];
  async accept(_ids: string[], ops: any[]): Promise<number> {
    for (const op of ops) this.launched.push(...op.launch.task_infos);
    return 202;
  }
  async decline(ids: string[]): Promise<number> {
    this.declined.push(...ids);
    return 202;
  }
  async kill(taskId: string): Promise<number> {
    this.killed.push(taskId);
    return 202;
  }
  async revive(): Promise<number> {
    this.calls.push('REVIVE');
    return 202;
  }
  async suppress(): Promise<number> {
    this.calls.push('SUPPRESS');
    return 202;
  }
  async reconcile(): Promise<number> {
    return 202;
  }
}

let offerSeq = 0;

export function offer(agent: string, opts: { cpus?: number; mem?: number; ports?: [number, number]; attributes?: unknown[] } = {}): OfferV1 {
  const [b, e] = opts.ports ?? [31000, 31100];
  return {
    id: { value: `offer-${++offerSeq}` },
    agent_id: { value: `agent-${agent}` },
    hostname: agent,
    attributes: opts.attributes ?? [],
    resources: [
      { name: 'cpus', type: 'SCALAR', scalar: { value: opts.cpus ?? 4 }, role: '*' },
      { name: 'mem', type: 'SCALAR', scalar: { value: opts.mem ?? 4096 }, role: '*' },
      { name: 'disk', type: 'SCALAR', scalar: { value: 10000 }, role: '*' },
      { name: 'ports', type: 'RANGES', ranges: { range: [{ begin: b, end: e }] }, role: '*' },
    ],
  };
}

export interface Harness {
  s: MarathonScheduler;
  driver: FakeDriver;
  kv: MemoryStateStore;
  events: MarathonEvent[];
  clock: { now: number };
  /** Sends a status update for a task. */
  status(taskId: string, state: TaskStateName, extra?: Record<string, unknown>): void;
  /** Runs one scheduler pass (and lets queued work settle). */
  settle(): Promise<void>;
}

export async function harness(kv = new MemoryStateStore()): Promise<Harness> {
  const clock = { now: Date.parse('2026-01-01T00:00:00.000Z') };
  const store = await MarathonStore.load(kv, { maxVersions: 50, onError: (e) => { throw e; } });
  const bus = new EventBus(() => clock.now);
  const events: MarathonEvent[] = [];
  bus.on('event', (e) => events.push(e));
  const s = new MarathonScheduler(store, bus, TEST_CONFIG, silentLogger, () => clock.now);
  const driver = new FakeDriver();
  s.driver = driver;
  const settle = async () => {
    // Scheduler passes are at most every 25 ms: give each round room for one.
    for (let i = 0; i < 4; i++) {
      s.schedule();
      await new Promise((r) => setTimeout(r, 30));
    }
    await store.flush();
  };
  return {
    s,
    driver,
    kv,
    events,
    clock,
    status: (taskId, state, extra = {}) => s.tracker.onUpdate({ task_id: { value: taskId }, state, ...extra } as never),
    settle,
  };
}
