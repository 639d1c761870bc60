/**
 * The Marathon scheduler hub: holds the state (store), the event bus and the Mesos driver, and
 * wires the parts that keep apps running — the status tracker, the offer launcher, the killer, the
 * health and readiness managers, the deployment executor — to one `evaluate` pass that runs
 * after anything changes (and once a second). Each part is in its own file and gets this hub.
 *
 *   driver UPDATE ─▶ tracker ─┐            ┌─▶ executor: step actions (kill old, set launch targets)
 *   driver OFFERS ─▶ launcher │─ evaluate ─┼─▶ keeper: replace lost, kill extras, launch timeouts
 *   health/readiness ─────────┘            └─▶ revive / suppress offers
 * @module
 */
import type { Logger } from '../../../lib/logger.js';
import type { AppDefinition } from '../app-model/types.js';
import type { EventBus } from '../event-bus.js';
import type { MarathonConfig } from '../flags.js';
import { HealthManager } from '../health/health-manager.js';
import { ReadinessManager } from '../health/readiness.js';
import { LaunchDelay } from '../launch/launch-delay.js';
import type { MarathonStore } from '../store.js';
import { evaluateDeployments } from './deployment-executor.js';
import { activeByApp, instancesByApp, keepApps, launchTargets, type LaunchTarget, type Override } from './keeper.js';
import { Killer } from './killer.js';
import { Launcher } from './launcher.js';
import type { Instance } from './instance.js';
import { OfferStats } from './offer-stats.js';
import { Tracker } from './tracker.js';

/** The SchedulerDriver calls the service makes (a seam for unit tests). */
export interface DriverLike {
  readonly connected: boolean;
  accept(offerIds: string[], operations: unknown[], refuseSeconds?: number): Promise<number>;
  decline(offerIds: string[], refuseSeconds?: number): Promise<number>;
  kill(taskId: string, agentId?: string): Promise<number>;
  revive(roles?: string[]): Promise<number>;
  suppress(roles?: string[]): Promise<number>;
  reconcile(tasks: Array<{ task_id: { value: string }; agent_id?: { value: string } }>): Promise<number>;
}

/** Passes run at most this often (each is linear in apps + tasks). */
const MIN_PASS_GAP_MS = 25;
/** …and at most once per this many times the last pass's cost (passes take ≤ 10% of the time). */
const PASS_GAP_PER_COST = 9;

export class MarathonScheduler {
  driver?: DriverLike;
  readonly health: HealthManager;
  readonly readiness: ReadinessManager;
  /** Per-app launch backoff after failures (§3.4): the tracker counts failures, a new config version resets it. */
  readonly launchDelay: LaunchDelay;
  readonly offerStats = new OfferStats();
  readonly tracker: Tracker;
  readonly launcher: Launcher;
  readonly killer: Killer;
  /** Launch targets the deployment executor sets for apps in a running deployment. */
  readonly overrides = new Map<string, Override>();
  /** When each app entered the launch queue (`since` in /v2/queue). */
  readonly queuedSince = new Map<string, number>();
  /** Definitions of older versions that still have tasks (health checks, ports). */
  private readonly defs = new Map<string, AppDefinition>();
  private pending = false;
  private timer?: NodeJS.Timeout;
  private suppressed = false;
  private lastLaunchable = '';
  private stopped = false;
  private passes = 0;
  private lastPass = 0;
  private passCost = 0;
  private lastSweep = 0;

  constructor(
    readonly store: MarathonStore,
    readonly bus: EventBus,
    readonly config: MarathonConfig,
    readonly log: Logger,
    readonly now: () => number = Date.now,
  ) {
    this.launchDelay = new LaunchDelay(now);
    this.readiness = new ReadinessManager(() => this.schedule());
    this.health = new HealthManager({
      bus,
      log,
      now,
      appFor: (i) => this.appFor(i),
      instance: (id) => this.store.instances.get(id),
      killUnhealthy: (i, reason) => this.killer.kill(i, { reason, unhealthy: true }),
      changed: () => this.schedule(),
    });
    this.tracker = new Tracker(this);
    this.launcher = new Launcher(this);
    this.killer = new Killer(this);
    for (const d of store.deployments.values()) for (const a of [...d.original, ...d.target]) this.remember(a);
  }

  /** Starts the periodic pass; health tracking for tasks already known to run. */
  start(): void {
    for (const i of this.store.instances.values()) if (i.state === 'TASK_RUNNING' && !i.killing) this.health.track(i);
    this.timer = setInterval(() => this.schedule(), 1000);
    this.timer.unref();
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
    this.health.stop();
    this.readiness.stop();
    this.killer.stop();
  }

  /** Keeps an app definition reachable by version while tasks of it may exist. */
  remember(app: AppDefinition): void {
    this.defs.set(`${app.id}@${app.version}`, app);
  }

  /** Drops remembered versions no task and no running deployment refers to any more. */
  private forgetUnusedDefs(): void {
    const used = new Set<string>();
    for (const i of this.store.instances.values()) used.add(`${i.appId}@${i.version}`);
    for (const d of this.store.deployments.values()) for (const a of [...d.original, ...d.target]) used.add(`${a.id}@${a.version}`);
    for (const key of [...this.defs.keys()]) if (!used.has(key)) this.defs.delete(key);
  }

  /** The definition a task was launched from. */
  appFor(i: Pick<Instance, 'appId' | 'version'>): AppDefinition | undefined {
    const current = this.store.apps.get(i.appId);
    if (current?.version === i.version) return current;
    return this.defs.get(`${i.appId}@${i.version}`) ?? current;
  }

  /** Whether a task counts as healthy for deployments and `tasksHealthy`. */
  isHealthy(i: Instance): boolean {
    if (i.state !== 'TASK_RUNNING' || i.killing) return false;
    const app = this.appFor(i);
    if (!app || app.healthChecks.length === 0) return true;
    return this.health.healthOf(i.taskId) === true;
  }

  /** Running, healthy and ready: what a deployment waits for. */
  isReady(i: Instance): boolean {
    return this.isHealthy(i) && this.readiness.isReady(i, this.appFor(i));
  }

  /**
   * Runs `evaluate` soon, coalescing bursts of triggers: at once when the last pass is older than
   * MIN_PASS_GAP_MS, otherwise when that gap is over (a flood of status updates costs few passes).
   */
  schedule(): void {
    if (this.pending || this.stopped) return;
    this.pending = true;
    const run = () => {
      this.pending = false;
      if (this.stopped) return;
      this.lastPass = Date.now();
      this.evaluate();
      this.passCost = Date.now() - this.lastPass;
    };
    // A pass over many tasks costs more: keep passes to a tenth of the time at most, so launching
    // 100,000 tasks is not starved by passes (20-50 ms each then, a pass every 0.2-0.5 s).
    const wait = this.lastPass + Math.max(MIN_PASS_GAP_MS, PASS_GAP_PER_COST * this.passCost) - Date.now();
    if (wait <= 0) setImmediate(run);
    else setTimeout(run, wait).unref();
  }

  private evaluate(): void {
    try {
      const all = instancesByApp(this);
      evaluateDeployments(this, all);
      const byApp = activeByApp(this, all);
      const now = this.now();
      const sweep = now - this.lastSweep >= 1000;
      if (sweep) this.lastSweep = now;
      keepApps(this, byApp, sweep);
      if (sweep) this.killer.retryStale();
      void this.updateOfferInterest(launchTargets(this, byApp));
      if (++this.passes % 60 === 0) this.forgetUnusedDefs();
    } catch (err) {
      this.log.error({ err }, 'scheduler pass failed');
    }
  }

  /** What to launch now, per app (delayed apps included, with their delay). */
  targets(): LaunchTarget[] {
    return launchTargets(this);
  }

  private async updateOfferInterest(targets: LaunchTarget[]): Promise<void> {
    const d = this.driver;
    if (!d?.connected) return;
    const now = this.now();
    const wanted = targets.filter((t) => t.missing > 0);
    for (const t of wanted) if (!this.queuedSince.has(t.app.id)) this.queuedSince.set(t.app.id, now);
    for (const id of [...this.queuedSince.keys()]) {
      if (!wanted.some((t) => t.app.id === id)) {
        this.queuedSince.delete(id);
        this.offerStats.reset(id);
      }
    }
    // Revive whenever the set of apps that could launch now changes (a new need, a delay over):
    // offers declined earlier may be filtered at the master for a while.
    const launchable = wanted.filter((t) => this.launchDelay.due(t.app.id, now) === 0).map((t) => t.app.id).sort().join(',');
    if (launchable !== '' && (launchable !== this.lastLaunchable || this.suppressed)) {
      this.suppressed = false;
      await d.revive();
    } else if (wanted.length === 0 && !this.suppressed) {
      this.suppressed = true;
      await d.suppress();
    }
    this.lastLaunchable = launchable;
  }

  /** Offers matter again (a new app, a scale up, a task gone): ask the master for them now. */
  wantOffers(): void {
    if (!this.driver?.connected) return;
    this.suppressed = false;
    void this.driver.revive();
  }

  /** A (re)subscription: forget the suppressed state, offers come anew. */
  onSubscribed(): void {
    this.suppressed = false;
    this.schedule();
  }
}
