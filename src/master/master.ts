/**
 * The master's state machine (upstream `src/master/master.cpp`, in spirit): frameworks, agents,
 * tasks and offers, driven by calls from the HTTP layer and by timers. The decisions live in
 * `core/*.ts`; this class holds the state, the allocator and the event channels they share.
 */
import { HierarchicalAllocator } from './allocator/index.js';
import { Channels } from './channels.js';
import type {
  AgentRecord,
  FrameworkRecord,
  MasterCounters,
  MasterView,
  OfferRecord,
  RecoveredAgent,
  TaskRecord,
  UnreachableAgent,
} from './model.js';
import { emptyCounters } from './model.js';
import type { Logger } from '../lib/logger.js';
import { uuid } from '../lib/ids.js';
import type { MasterInfoV1 } from '../protocol/v1/types.js';
import { MESOS_VERSION, TSMESOS_VERSION } from '../lib/version.js';

export interface MasterConfig {
  ip: string;
  port: number;
  hostname: string;
  allocationIntervalMs: number;
  offerTimeoutMs?: number;
  agentPingTimeoutMs: number;
  maxAgentPingTimeouts: number;
  maxCompletedFrameworks: number;
  maxCompletedTasksPerFramework: number;
  maxUnreachableTasksPerFramework: number;
  /** Role whitelist from `--roles`; undefined = any role. */
  roles?: Set<string>;
  weights: Record<string, number>;
  cluster?: string;
  /** All resolved flags as strings, for `/flags`. */
  flags: Record<string, string>;
}

/** IPv4 dotted quad → the uint32 MasterInfo.ip field (network byte order, as upstream stores it). */
export function ipToUint32(ip: string): number {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !(p >= 0 && p <= 255))) return 0;
  return ((parts[3]! << 24) | (parts[2]! << 16) | (parts[1]! << 8) | parts[0]!) >>> 0;
}

export class Master implements MasterView {
  readonly id = uuid();
  readonly startTime = Date.now() / 1000;
  /** Without `--zk` a master leads from the start; with it, `ha/leadership.ts` sets these. */
  electedTime?: number = this.startTime;
  elected = true;
  /** The leader's MasterInfo (our own while leading): where a standby redirects. */
  leaderInfo?: MasterInfoV1;
  /** Elected, still reading the registry: leader-only endpoints answer 503. */
  recovering = false;
  /** With a durable registry: stores agent and weight changes before they are acknowledged. */
  registrar?: { sync(agentIds?: Iterable<string>): Promise<void> };
  readonly frameworks = new Map<string, FrameworkRecord>();
  readonly completedFrameworks: FrameworkRecord[] = [];
  readonly agents = new Map<string, AgentRecord>();
  readonly unreachableAgents = new Map<string, UnreachableAgent>();
  readonly recoveredAgents = new Map<string, RecoveredAgent>();
  readonly offers = new Map<string, OfferRecord>();
  /** Live and unreachable tasks by `<frameworkId>/<taskId>`. */
  readonly tasks = new Map<string, TaskRecord>();
  readonly channels = new Channels();
  /** Replaced (empty) when leadership is lost (ha/step-down.ts). */
  allocator: HierarchicalAllocator;
  readonly counters: MasterCounters = emptyCounters();
  weights: Record<string, number>;
  readonly info: MasterInfoV1;
  /** Timers owned by the master (offer timeouts, failover timeouts), so `stop()` can clear them all. */
  readonly offerTimers = new Map<string, NodeJS.Timeout>();
  readonly failoverTimers = new Map<string, NodeJS.Timeout>();
  /** Consecutive unanswered pings per agent. */
  readonly pingMisses = new Map<string, number>();
  private nextFramework = 0;
  private nextAgent = 0;
  private nextOffer = 0;
  private intervals: NodeJS.Timeout[] = [];
  private allocateSoonPending = false;

  constructor(
    readonly config: MasterConfig,
    readonly log: Logger,
  ) {
    this.weights = { ...config.weights };
    this.allocator = new HierarchicalAllocator({ weights: this.weights });
    this.info = {
      id: this.id,
      ip: ipToUint32(config.ip),
      port: config.port,
      pid: `master@${config.ip}:${config.port}`,
      hostname: config.hostname,
      version: MESOS_VERSION,
      address: { hostname: config.hostname, ip: config.ip, port: config.port },
      capabilities: [{ type: 'AGENT_UPDATE' }, { type: 'AGENT_DRAINING' }, { type: 'QUOTA_V2' }],
    };
    this.leaderInfo = this.info;
    log.info({ id: this.id, tsmesos: TSMESOS_VERSION }, 'master created');
  }

  /** Records the port actually bound (for `--port=0`) in MasterInfo and the flags. */
  bound(port: number): void {
    this.info.port = port;
    this.info.pid = `master@${this.config.ip}:${port}`;
    this.info.address.port = port;
    this.config.flags.port = String(port);
  }

  get flags(): Record<string, string> {
    return this.config.flags;
  }

  get operatorSubscribers(): number {
    return this.channels.operators.size;
  }

  task(key: string): TaskRecord | undefined {
    return this.tasks.get(key) ?? this.findCompletedTask(key);
  }

  private findCompletedTask(key: string): TaskRecord | undefined {
    const [fwId] = key.split('/', 1);
    const fw = this.frameworks.get(fwId!) ?? this.completedFrameworks.find((f) => f.id === fwId);
    return fw?.completedTasks.find((t) => `${t.frameworkId}/${t.taskId}` === key);
  }

  newFrameworkId(): string {
    return `${this.id}-${String(this.nextFramework++).padStart(4, '0')}`;
  }
  newAgentId(): string {
    return `${this.id}-S${this.nextAgent++}`;
  }
  newOfferId(): string {
    return `${this.id}-O${this.nextOffer++}`;
  }

  /** Starts the periodic work: batch allocation and agent pings. */
  start(onAllocate: () => void, onPing: () => void): void {
    const every = (ms: number, fn: () => void) => {
      const t = setInterval(() => {
        try {
          fn();
        } catch (err) {
          this.log.error({ err }, 'periodic master work failed');
        }
      }, ms);
      t.unref();
      this.intervals.push(t);
    };
    every(this.config.allocationIntervalMs, onAllocate);
    every(this.config.agentPingTimeoutMs, onPing);
    this.allocateNow = onAllocate;
  }

  private allocateNow: () => void = () => {};

  /**
   * Event-driven allocation (upstream allocates on agent/framework add and on revive) coalesced
   * into one run per event-loop turn.
   */
  allocateSoon(): void {
    if (this.allocateSoonPending) return;
    this.allocateSoonPending = true;
    setImmediate(() => {
      this.allocateSoonPending = false;
      try {
        this.allocateNow();
      } catch (err) {
        this.log.error({ err }, 'allocation failed');
      }
    });
  }

  stop(): void {
    for (const t of this.intervals) clearInterval(t);
    for (const t of this.offerTimers.values()) clearTimeout(t);
    for (const t of this.failoverTimers.values()) clearTimeout(t);
    this.channels.closeAll();
  }

  private readonly allocatorFrameworks = new Set<string>();
  /** Whether the allocator already tracks this framework (recovered ones are added inactive). */
  allocatorHasFramework(id: string): boolean {
    return this.allocatorFrameworks.has(id);
  }
  markAllocatorFramework(id: string, tracked: boolean): void {
    if (tracked) this.allocatorFrameworks.add(id);
    else this.allocatorFrameworks.delete(id);
  }

  countCall(type: string): void {
    const key = type.toLowerCase();
    this.counters.calls[key] = (this.counters.calls[key] ?? 0) + 1;
  }
}
