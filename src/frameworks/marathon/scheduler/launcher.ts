/**
 * Offers → launches (upstream `OfferMatcherManager` + `InstanceOpFactory`): for each offer, carve
 * out as many instances of the apps that need them as fit (CORE `matchOffer` checks role,
 * constraints, resources, ports), record each launch as an instance *before* the ACCEPT goes out
 * (so a crash can not leave a task we do not know about), then ACCEPT with LAUNCH operations.
 * Offers no app uses are declined: briefly while some app still waits (so the next offer of this
 * agent comes soon), for `--decline_offer_duration` otherwise. Every unused offer is counted per app
 * with its reason for /v2/queue.
 *
 * Scale: what each app needs and where its instances are (only for apps with constraints, in a CORE
 * PlacementIndex: UNIQUE/MAX_PER look only at instances sharing the offer's value) is worked out
 * once per batch and kept current as the batch launches; matching yields to the event loop every
 * 20-40 ms (SLICE_MS), so a batch of 1000 offers × 100 instances never stalls status updates, HTTP or the
 * ZooKeeper session. Batches are matched one at a time (a batch matched while another one is paused
 * would fill the same gaps), and after each pause the apps are checked again: one deleted, held,
 * given a new version, delayed by a failure or scaled down meanwhile launches no more from the batch.
 * @module
 */
import type { AppDefinition } from '../app-model/types.js';
import { attributesOf, type PlacementView } from '../constraints.js';
import { matchOffer } from '../launch/offer-match.js';
import { PlacementIndex } from '../launch/placement-index.js';
import { buildTaskInfo, newTaskId } from '../launch/task-builder.js';
import type { Instance } from './instance.js';
import { isActive } from './instance.js';
import { placementOf, wantOf, type Want } from './keeper.js';
import type { MarathonScheduler } from './marathon-scheduler.js';

export interface OfferV1 {
  id: { value: string };
  agent_id: { value: string };
  hostname: string;
  resources: unknown[];
  attributes?: unknown[];
}

/** Refuse seconds for an offer declined while some app is still waiting. */
const WAITING_REFUSE_SECONDS = 3;

/**
 * How long matching holds the event loop at a time, ms: after each pause it takes as long as the
 * rest of the loop just took (half the loop while status updates, ACCEPTs and ZooKeeper writes
 * pile up), but at least `min` and at most `max`.
 */
export const SLICE_MS = { min: 20, max: 40 } as const;

/** Constraint-free apps: matchOffer never looks at their placements. */
const NO_PLACEMENTS: PlacementView[] = [];

/** One app this batch launches for. */
interface Pending {
  app: AppDefinition;
  /** Still to launch in this batch. */
  missing: number;
  /** What the app wanted when last looked at (the lowest count seen). */
  want: Want;
  /** Where its instances are, this batch's launches included (apps with constraints only). */
  placed?: PlacementIndex;
}

interface Matched {
  accepts: Array<Promise<unknown>>;
  unused: OfferV1[];
  /** Some app still needs tasks (unused offers are refused only briefly). */
  waiting: boolean;
}

export class Launcher {
  /** Synchronous stretches of matching, ms (`{min: 0, max: 0}`: yield after every launch and every offer). */
  slice: { min: number; max: number } = { ...SLICE_MS };
  /** The batch being matched: the next one starts after it. */
  private matching: Promise<unknown> = Promise.resolve();

  constructor(private readonly s: MarathonScheduler) {}

  /** Matches a batch of offers (after any batch still being matched), then ACCEPTs and declines. */
  async onOffers(offers: OfferV1[]): Promise<void> {
    const matched = this.matching.then(() => this.match(offers));
    this.matching = matched.catch(() => undefined);
    const { accepts, unused, waiting } = await matched;
    await Promise.all(accepts);
    const d = this.s.driver;
    if (d && unused.length > 0) {
      await d.decline(unused.map((o) => o.id.value), waiting ? WAITING_REFUSE_SECONDS : this.s.config.declineOfferDurationMs / 1000);
    }
  }

  private async match(offers: OfferV1[]): Promise<Matched> {
    const s = this.s;
    const now = s.now();
    const targets = s.targets();
    const pending: Pending[] = [];
    const constrained = new Map<string, PlacementIndex>();
    for (const t of targets) {
      const want = wantOf(s, t.app.id);
      if (!want || s.launchDelay.due(t.app.id, now) > 0) continue;
      const placed = t.app.constraints.length > 0 ? new PlacementIndex(t.app.constraints) : undefined;
      if (placed) constrained.set(t.app.id, placed);
      pending.push({ app: t.app, missing: t.missing, want, placed });
    }
    if (constrained.size > 0) for (const i of s.store.instances.values()) if (isActive(i)) constrained.get(i.appId)?.add(placementOf(i));
    const out: Matched = { accepts: [], unused: [], waiting: targets.length > 0 };
    let sliceStart = performance.now();
    let sliceMs = this.slice.min;
    const pause = async (): Promise<void> => {
      const left = performance.now();
      if (left - sliceStart < sliceMs) return;
      await new Promise((r) => setImmediate(r));
      sliceStart = performance.now();
      sliceMs = Math.min(this.slice.max, Math.max(this.slice.min, sliceStart - left));
      this.recheck(pending);
    };
    for (const offer of offers) {
      const tasks: Record<string, unknown>[] = [];
      let remaining = offer.resources;
      const attributes = attributesOf(offer.attributes ?? []);
      const here = { hostname: offer.hostname, attributes };
      const whole = { hostname: offer.hostname, attributes: offer.attributes ?? [], resources: offer.resources };
      const view = { id: offer.id.value, agentId: offer.agent_id.value, ...whole };
      for (const p of pending) {
        let used = false;
        while (p.missing > 0) {
          const r = matchOffer(p.app, whole, remaining, p.placed?.relevant(here) ?? NO_PLACEMENTS, s.config.role);
          if (!r.ok) {
            if (!used) s.offerStats.unused(p.app.id, now, view, r.reason, r.detail);
            break;
          }
          const taskId = newTaskId(p.app.id);
          tasks.push(buildTaskInfo(p.app, taskId, offer.agent_id.value, offer.hostname, r.match));
          s.store.putInstance(this.instance(p.app, taskId, offer, attributes, r.match.hostPorts, now));
          p.placed?.add(here);
          remaining = r.remaining;
          p.missing--;
          used = true;
          await pause();
        }
        if (used) s.offerStats.used(p.app.id, now);
      }
      const d = s.driver;
      if (tasks.length === 0) out.unused.push(offer);
      else if (d) out.accepts.push(this.launch(d, offer, tasks));
      await pause();
    }
    return out;
  }

  /**
   * After a pause: an app deleted, held, given a new version (or a deployment's target instead of
   * steady state) or delayed by a failure meanwhile gets no more launches from this batch; a lower
   * count lowers what is missing. Tasks gone meanwhile are left to the next batch.
   */
  private recheck(pending: Pending[]): void {
    const now = this.s.now();
    for (const p of pending) {
      if (p.missing === 0) continue;
      const w = wantOf(this.s, p.app.id);
      if (!w || w.app.version !== p.app.version || w.ofVersion !== p.want.ofVersion || this.s.launchDelay.due(p.app.id, now) > 0) {
        p.missing = 0;
      } else if (w.count < p.want.count) {
        p.missing = Math.max(0, p.missing - (p.want.count - w.count));
        p.want = w;
      }
    }
  }

  /** ACCEPT once the launched instances are stored (decline when they could not be). */
  private async launch(d: NonNullable<MarathonScheduler['driver']>, offer: OfferV1, tasks: Record<string, unknown>[]): Promise<void> {
    try {
      await this.s.store.flush();
    } catch (err) {
      this.s.log.error({ err }, 'could not record launches: declining the offer');
      await d.decline([offer.id.value], WAITING_REFUSE_SECONDS);
      return;
    }
    await d.accept([offer.id.value], [{ type: 'LAUNCH', launch: { task_infos: tasks } }]);
  }

  private instance(app: { id: string; version: string; role?: string; portDefinitions: Array<{ port: number }>; container?: { portMappings: Array<{ servicePort: number }> } }, taskId: string, offer: OfferV1, attributes: Record<string, string>, hostPorts: number[], now: number): Instance {
    const servicePorts = app.portDefinitions.length > 0 ? app.portDefinitions.map((p) => p.port) : (app.container?.portMappings ?? []).map((m) => m.servicePort);
    return {
      taskId,
      appId: app.id,
      version: app.version,
      agentId: offer.agent_id.value,
      host: offer.hostname,
      attributes,
      hostPorts,
      servicePorts,
      state: 'TASK_STAGING',
      stagedAt: new Date(now).toISOString(),
      role: app.role ?? this.s.config.role,
      ipAddresses: [],
    };
  }
}
