/**
 * Offers → launches (upstream `OfferMatcherManager` + `InstanceOpFactory`): for each offer, carve
 * out as many instances of the apps that need them as fit (CORE `matchOffer` checks role,
 * constraints, resources, ports), record each launch as an instance *before* the ACCEPT goes out
 * (so a crash can not leave a task we do not know about), then ACCEPT with LAUNCH operations.
 * Offers no app uses are declined: briefly while some app still waits (so the next offer of this
 * agent comes soon), for `--decline_offer_duration` otherwise. Every unused offer is counted per app
 * with its reason for /v2/queue.
 * @module
 */
import { attributesOf } from '../constraints.js';
import { matchOffer } from '../launch/offer-match.js';
import { buildTaskInfo, newTaskId } from '../launch/task-builder.js';
import type { Instance } from './instance.js';
import { isActive } from './instance.js';
import { placementOf } from './keeper.js';
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

export class Launcher {
  constructor(private readonly s: MarathonScheduler) {}

  async onOffers(offers: OfferV1[]): Promise<void> {
    const s = this.s;
    const now = s.now();
    const targets = s.targets().filter((t) => t.missing > 0);
    const ready = targets.filter((t) => s.backoffs.msLeft(t.app, now) === 0);
    // Where each waiting app's instances are (for constraints), kept current as this call launches.
    const placed = new Map<string, Array<{ hostname: string; attributes: Record<string, string> }>>(ready.map((t) => [t.app.id, []]));
    for (const i of s.store.instances.values()) if (isActive(i)) placed.get(i.appId)?.push(placementOf(i));
    const d = s.driver;
    const accepts: Array<Promise<unknown>> = [];
    const unused: OfferV1[] = [];
    let n = 0;
    for (const offer of offers) {
      const tasks: Record<string, unknown>[] = [];
      let remaining = offer.resources;
      const attributes = attributesOf(offer.attributes ?? []);
      const view = { id: offer.id.value, agentId: offer.agent_id.value, hostname: offer.hostname, resources: offer.resources, attributes: offer.attributes ?? [] };
      for (const t of ready) {
        let used = false;
        while (t.missing > 0) {
          const here = placed.get(t.app.id)!;
          const r = matchOffer(t.app, { hostname: offer.hostname, attributes: offer.attributes ?? [], resources: offer.resources }, remaining, here, s.config.role);
          if (!r.ok) {
            if (!used) s.offerStats.unused(t.app.id, now, view, r.reason, r.detail);
            break;
          }
          const taskId = newTaskId(t.app.id);
          tasks.push(buildTaskInfo(t.app, taskId, offer.agent_id.value, offer.hostname, r.match));
          s.store.putInstance(this.instance(t.app, taskId, offer, attributes, r.match.hostPorts, now));
          here.push({ hostname: offer.hostname, attributes });
          remaining = r.remaining;
          t.missing--;
          used = true;
        }
        if (used) s.offerStats.used(t.app.id, now);
      }
      if (tasks.length === 0) unused.push(offer);
      else if (d) accepts.push(this.launch(d, offer, tasks));
      // Let the store writes and the first ACCEPTs go out while a big batch of offers is matched.
      if (++n % 16 === 0) await new Promise((r) => setImmediate(r));
    }
    await Promise.all(accepts);
    if (d && unused.length > 0) {
      const refuse = targets.length > 0 ? WAITING_REFUSE_SECONDS : s.config.declineOfferDurationMs / 1000;
      await d.decline(unused.map((o) => o.id.value), refuse);
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
