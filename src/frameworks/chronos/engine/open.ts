/**
 * Opens the engine for a newly elected leader: load everything from the store, re-arm every
 * schedule (an occurrence that passed while no leader ran is due at once, then handled by the
 * missed-run policy), every pending retry and launch deadline; and the entry points the
 * SchedulerDriver's events call. A failed state write means our view may differ from the store:
 * the engine reports it as fatal and the daemon gives up leadership (state is re-read on re-election).
 * @module
 */
import type { TaskStatusV1 } from '../../../protocol/v1/types.js';
import type { OfferV1 } from '../runs/offer-match.js';
import { currentAttempt } from '../runs/run.js';
import { type ChronosStore, ops } from '../store/chronos-store.js';
import { type DriverPort, Engine, type EngineOptions } from './engine.js';
import { armRun, armSchedule, fireScheduled } from './firing.js';
import { handleOffers, handleRunTimers, handleUpdate } from './launching.js';
import { Model } from './model.js';

export interface OpenOptions extends EngineOptions {
  historyLimit: number;
  /** A state write failed: the daemon should abdicate (and re-read state when elected again). */
  onFatal: (err: Error) => void;
}

export interface ChronosEngine {
  engine: Engine;
  offers(offers: OfferV1[]): void;
  update(status: TaskStatusV1): void;
  subscribed(frameworkId: string): void;
  stop(): void;
}

export async function openEngine(store: ChronosStore, driver: DriverPort, o: OpenOptions): Promise<ChronosEngine> {
  const loaded = await store.load();
  const e = new Engine(Model.from(loaded, o.historyLimit), store, driver, o);
  const guard = (p: Promise<unknown>) =>
    void p.catch((err: Error) => {
      if (!e.running) return;
      o.log.error({ err: err.message }, 'a Chronos state change failed');
      o.onFatal(err);
    });
  e.onDueTimers(async (kind, ids) => {
    try {
      await (kind === 's' ? fireScheduled(e, ids) : handleRunTimers(e, kind, ids));
    } catch (err) {
      guard(Promise.reject(err));
    }
  });
  const now = e.now();
  for (const doc of e.model.jobs.values()) armSchedule(e, doc, doc.job.name);
  for (const run of e.model.active.values()) {
    armRun(e, run);
    const a = currentAttempt(run);
    const limit = e.model.jobs.get(run.job)?.job.maxCompletionTime ?? 0;
    if (limit > 0 && a?.startedAt !== undefined && a.finishedAt === undefined) e.timer('c', run.runId, Math.max(now, a.startedAt + limit * 1000));
  }
  o.log.info({ jobs: e.model.jobs.size, activeRuns: e.model.active.size }, 'Chronos state loaded');
  return {
    engine: e,
    offers: (offers) => guard(e.serial(() => handleOffers(e, offers))),
    update: (status) => guard(e.serial(() => handleUpdate(e, status))),
    subscribed: (frameworkId) =>
      guard(
        e.serial(async () => {
          if (e.model.frameworkId !== frameworkId) await e.commit([ops.frameworkId(frameworkId)], () => (e.model.frameworkId = frameworkId));
          e.wantOffers();
        }),
      ),
    stop: () => e.stop(),
  };
}
