/**
 * Where Chronos mode keeps its state in the StateStore (ZooKeeper under `<zk>/state`):
 *
 *   framework-id            the Mesos framework id (resubscribe with it after a restart/failover)
 *   jobs/<job>              {job, stats, cursor}: definition, counters, last consumed occurrence
 *   runs/<job>/<runId>      an active run (queued or running) with its attempts and task ids
 *   history/<job>           {runs}: the newest finished runs, newest first, bounded
 *   pending/<job>           parents that succeeded per workflow, for a dependent job
 *
 * Every state change is one `putMany` (a ZooKeeper multi): e.g. consuming an occurrence (cursor)
 * and creating its run happen together, so a crash can neither lose nor repeat an occurrence.
 * Writes go through one queue, in order; the in-memory model is updated only after they landed.
 * @module
 */
import { keySegment, decodeSegment, type StateStore } from '../../common/state-store.js';
import { MAX_MULTI_BYTES } from '../../common/zk-state-store.js';
import type { NO_PENDING, PendingParents } from '../dag-runs.js';
import type { Job, JobStats } from '../job-model/types.js';
import type { JobRun } from '../runs/run.js';

export interface JobDoc {
  job: Job;
  stats: JobStats;
  /** The last occurrence consumed (ms); cron fires strictly after it. */
  cursor: number;
}

export type Op = { key: string; value?: unknown };

export interface LoadedState {
  frameworkId?: string;
  jobs: JobDoc[];
  active: JobRun[];
  history: Map<string, JobRun[]>;
  pending: Map<string, PendingParents>;
}

export const keys = {
  frameworkId: 'framework-id',
  job: (name: string) => `jobs/${keySegment(name)}`,
  runsOf: (name: string) => `runs/${keySegment(name)}`,
  run: (r: Pick<JobRun, 'job' | 'runId'>) => `runs/${keySegment(r.job)}/${keySegment(r.runId)}`,
  history: (name: string) => `history/${keySegment(name)}`,
  pending: (name: string) => `pending/${keySegment(name)}`,
};

export class ChronosStore {
  private chain: Promise<unknown> = Promise.resolve();

  constructor(readonly store: StateStore) {}

  async load(): Promise<LoadedState> {
    const frameworkId = await this.store.get<string>(keys.frameworkId);
    const jobs: JobDoc[] = [];
    const history = new Map<string, JobRun[]>();
    const pending = new Map<string, PendingParents>();
    const active: JobRun[] = [];
    for (const seg of await this.store.list('jobs')) {
      const name = decodeSegment(seg);
      const doc = await this.store.get<JobDoc>(keys.job(name));
      if (!doc) continue;
      jobs.push(doc);
      const h = await this.store.get<{ runs: JobRun[] }>(keys.history(name));
      if (h) history.set(name, h.runs);
      const p = await this.store.get<PendingParents>(keys.pending(name));
      if (p) pending.set(name, p);
    }
    // Active runs of jobs that no longer exist are loaded too: their tasks still need an end.
    for (const jobSeg of await this.store.list('runs')) {
      for (const runSeg of await this.store.list(`runs/${jobSeg}`)) {
        const run = await this.store.get<JobRun>(`runs/${jobSeg}/${runSeg}`);
        if (run) active.push(run);
      }
    }
    return { ...(frameworkId ? { frameworkId } : {}), jobs, active, history, pending };
  }

  /** Commits one state change (one multi) in order with every earlier commit. */
  commit(ops: Op[]): Promise<void> {
    return this.commitGroups([ops]);
  }

  /**
   * Commits several independent state changes (e.g. a burst of due jobs) in as few multis as fit
   * under ZooKeeper's request limit; a group is never split, so each change stays all-or-nothing.
   */
  commitGroups(groups: Op[][]): Promise<void> {
    const run = this.chain.then(() => this.write(groups));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async write(groups: Op[][]): Promise<void> {
    let batch: Op[] = [];
    let bytes = 0;
    for (const group of groups) {
      const size = group.reduce((n, op) => n + op.key.length + 64 + (op.value === undefined ? 0 : JSON.stringify(op.value).length), 0);
      if (batch.length > 0 && bytes + size > MAX_MULTI_BYTES * 0.9) {
        await this.store.putMany(batch);
        batch = [];
        bytes = 0;
      }
      batch.push(...group);
      bytes += size;
    }
    if (batch.length > 0) await this.store.putMany(batch);
  }
}

/** Op builders, so callers assemble one batch per state change. */
export const ops = {
  job: (doc: JobDoc): Op => ({ key: keys.job(doc.job.name), value: doc }),
  deleteJob: (name: string): Op[] => [{ key: keys.job(name) }, { key: keys.history(name) }, { key: keys.pending(name) }, { key: keys.runsOf(name) }],
  run: (run: JobRun): Op => ({ key: keys.run(run), value: run }),
  endRun: (run: JobRun): Op => ({ key: keys.run(run) }),
  history: (name: string, runs: JobRun[]): Op => ({ key: keys.history(name), value: { runs } }),
  pending: (name: string, p: PendingParents | typeof NO_PENDING): Op => (p.workflows.length ? { key: keys.pending(name), value: p } : { key: keys.pending(name) }),
  frameworkId: (id: string): Op => ({ key: keys.frameworkId, value: id }),
};
