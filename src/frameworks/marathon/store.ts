/**
 * Marathon's durable state over a StateStore (ZooKeeper while leading):
 *
 *   framework-id                         {"value": "<framework id>"}
 *   apps/<app id>                        AppDefinition (the current version)
 *   versions/<app id>/<version>          AppDefinition (every stored version, newest --zk_max_versions kept)
 *   groups/<group id>                    {id, dependencies, version} (groups made explicitly)
 *   deployments/<deployment id>          DeploymentRecord (running deployments only)
 *   instances/<task id>                  Instance (launched and not yet known to be gone)
 *   failures/<app id>                    TaskFailure (lastTaskFailure)
 *   deployment-failures/<app id>        DeploymentFailure (tsmesos: why the last deployment was rolled back)
 *
 * Everything is also held in memory (the service reads only memory). Writes change memory at once
 * and queue the store write; `flush()` resolves when everything queued so far is durable, which
 * the HTTP layer awaits before it acknowledges a change. Queued writes are coalesced per key and
 * sent as multis. A failed write (e.g. NotLeaderError after losing leadership) goes to `onError`.
 * @module
 */
import type { AppDefinition } from './app-model/types.js';
import { decodeSegment, keySegment, type StateStore } from '../common/state-store.js';
import type { Instance, TaskFailure } from './scheduler/instance.js';
import type { DeploymentRecord } from './scheduler/deployment-record.js';

/** tsmesos extension: the last deployment of an app that failed (deadline) and was rolled back. */
export interface DeploymentFailure {
  appId: string;
  deploymentId: string;
  reason: string;
  timestamp: string;
  version: string;
  rollbackDeploymentId: string;
}

export interface GroupRecord {
  id: string;
  dependencies: string[];
  version: string;
}

const BATCH_OPS = 200;

export class MarathonStore {
  frameworkId?: string;
  readonly apps = new Map<string, AppDefinition>();
  readonly groups = new Map<string, GroupRecord>();
  readonly deployments = new Map<string, DeploymentRecord>();
  readonly instances = new Map<string, Instance>();
  readonly failures = new Map<string, TaskFailure>();
  readonly deploymentFailures = new Map<string, DeploymentFailure>();
  /** Queued writes by key (the latest value wins) with the sequence number of that latest write. */
  private pending = new Map<string, { value: unknown; seq: number }>();
  private draining?: Promise<void>;
  private failed?: unknown;
  /** Sequence number of the last write queued, and the highest n such that writes 1..n are stored. */
  private seq = 0;
  private stored = 0;
  private readonly waiters: Array<{ seq: number; resolve: () => void }> = [];

  constructor(
    readonly kv: StateStore,
    private readonly opts: { maxVersions: number; onError: (e: unknown) => void },
  ) {}

  /** Reads everything (a newly elected leader's recovery). */
  static async load(kv: StateStore, opts: { maxVersions: number; onError: (e: unknown) => void }): Promise<MarathonStore> {
    const s = new MarathonStore(kv, opts);
    s.frameworkId = (await kv.get<{ value: string }>('framework-id'))?.value;
    const read = async <T>(dir: string, into: Map<string, T>, keyOf: (v: T) => string) => {
      const names = await kv.list(dir);
      const values = await Promise.all(names.map((n) => kv.get<T>(`${dir}/${n}`)));
      for (const v of values) if (v !== undefined) into.set(keyOf(v), v);
    };
    await read<AppDefinition>('apps', s.apps, (a) => a.id);
    await read<GroupRecord>('groups', s.groups, (g) => g.id);
    await read<DeploymentRecord>('deployments', s.deployments, (d) => d.id);
    await read<Instance>('instances', s.instances, (i) => i.taskId);
    await read<TaskFailure>('failures', s.failures, (f) => f.appId);
    await read<DeploymentFailure>('deployment-failures', s.deploymentFailures, (f) => f.appId);
    return s;
  }

  private write(key: string, value: unknown): void {
    this.pending.delete(key);
    this.pending.set(key, { value, seq: ++this.seq });
    this.draining ??= this.drain();
  }

  private async drain(): Promise<void> {
    // Let the current turn queue more writes, so they go out together.
    await new Promise((r) => setImmediate(r));
    try {
      while (this.pending.size > 0) {
        const ops: Array<[string, { value: unknown; seq: number }]> = [];
        for (const entry of this.pending) {
          ops.push(entry);
          if (ops.length === BATCH_OPS) break;
        }
        for (const [k] of ops) this.pending.delete(k);
        await this.kv.putMany(ops.map(([key, op]) => ({ key, value: op.value })));
        // Keys are re-queued at the end when written again, so the queue stays in sequence order.
        this.stored = this.pending.size > 0 ? this.pending.values().next().value!.seq - 1 : this.seq;
        this.wake();
      }
    } catch (e) {
      this.failed = e;
      this.pending.clear();
      this.opts.onError(e);
      this.wake();
    } finally {
      this.draining = undefined;
    }
  }

  private wake(): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const w = this.waiters[i]!;
      if (this.failed !== undefined || w.seq <= this.stored) {
        this.waiters.splice(i, 1);
        w.resolve();
      }
    }
  }

  /** Resolves once every write queued before the call is stored (not later ones); rejects if storing failed. */
  async flush(): Promise<void> {
    const target = this.seq;
    if (this.stored < target && this.failed === undefined) await new Promise<void>((resolve) => this.waiters.push({ seq: target, resolve }));
    if (this.failed !== undefined) throw this.failed;
  }

  setFrameworkId(id: string): void {
    this.frameworkId = id;
    this.write('framework-id', { value: id });
  }

  clearFrameworkId(): void {
    this.frameworkId = undefined;
    this.write('framework-id', undefined);
  }

  putApp(app: AppDefinition): void {
    this.apps.set(app.id, app);
    this.write(`apps/${keySegment(app.id)}`, app);
    this.write(`versions/${keySegment(app.id)}/${keySegment(app.version)}`, app);
    void this.pruneVersions(app.id);
  }

  deleteApp(id: string): void {
    this.apps.delete(id);
    this.failures.delete(id);
    this.deploymentFailures.delete(id);
    this.write(`deployment-failures/${keySegment(id)}`, undefined);
    // Versions stay (upstream garbage-collects them later): a re-created app keeps its history.
    this.write(`apps/${keySegment(id)}`, undefined);
    this.write(`failures/${keySegment(id)}`, undefined);
  }

  /** Stored versions of an app, oldest first. */
  async versions(id: string): Promise<string[]> {
    await this.flush().catch(() => undefined);
    return (await this.kv.list(`versions/${keySegment(id)}`)).map(decodeSegment).sort();
  }

  async version(id: string, version: string): Promise<AppDefinition | undefined> {
    await this.flush().catch(() => undefined);
    return this.kv.get<AppDefinition>(`versions/${keySegment(id)}/${keySegment(version)}`);
  }

  private async pruneVersions(id: string): Promise<void> {
    try {
      const all = await this.versions(id);
      for (const v of all.slice(0, Math.max(0, all.length - this.opts.maxVersions))) this.write(`versions/${keySegment(id)}/${keySegment(v)}`, undefined);
    } catch {
      // pruning is best effort; the next putApp tries again
    }
  }

  putGroup(g: GroupRecord): void {
    this.groups.set(g.id, g);
    this.write(`groups/${keySegment(g.id)}`, g);
  }

  deleteGroup(id: string): void {
    this.groups.delete(id);
    this.write(`groups/${keySegment(id)}`, undefined);
  }

  putDeployment(d: DeploymentRecord): void {
    this.deployments.set(d.id, d);
    this.write(`deployments/${keySegment(d.id)}`, d);
  }

  deleteDeployment(id: string): void {
    this.deployments.delete(id);
    this.write(`deployments/${keySegment(id)}`, undefined);
  }

  putInstance(i: Instance): void {
    this.instances.set(i.taskId, i);
    this.write(`instances/${keySegment(i.taskId)}`, i);
  }

  deleteInstance(taskId: string): void {
    this.instances.delete(taskId);
    this.write(`instances/${keySegment(taskId)}`, undefined);
  }

  putFailure(f: TaskFailure): void {
    this.failures.set(f.appId, f);
    this.write(`failures/${keySegment(f.appId)}`, f);
  }

  putDeploymentFailure(f: DeploymentFailure): void {
    this.deploymentFailures.set(f.appId, f);
    this.write(`deployment-failures/${keySegment(f.appId)}`, f);
  }

  instancesOf(appId: string): Instance[] {
    return [...this.instances.values()].filter((i) => i.appId === appId);
  }
}
