/**
 * Keeps the durable registry in step with the master (upstream `src/master/registrar.cpp`: the
 * master admits, marks unreachable or removes an agent, or changes weights, only once the
 * registry holds it). Rather than threading registry calls through every state change, the
 * registrar compares what the master holds now with what it last stored, for the agents it is
 * told about (or all of them), and writes the difference; callers await `sync` before they
 * acknowledge anything (SUBSCRIBED to an agent, 200 to UPDATE_WEIGHTS). Syncs run one at a time.
 * @module
 */
import type { Master } from '../master.js';
import { AGENT_SETS, type AgentEntry, type AgentSet, type RegistryContents, type RegistryOp, type ZkRegistryStore } from './registry-store.js';

export class Registrar {
  /** What the store holds, as JSON text per set and agent id. */
  private readonly stored = new Map<AgentSet, Map<string, string>>(AGENT_SETS.map((s) => [s, new Map()]));
  private storedWeights?: string;
  private dirty = new Set<string>();
  private full = false;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly m: Master,
    private readonly store: ZkRegistryStore,
    /** Our election node: writes succeed only while it exists. */
    private readonly fence: string,
    loaded: RegistryContents,
  ) {
    for (const [set, entries] of loaded.agents) for (const [id, e] of entries) this.stored.get(set)!.set(id, JSON.stringify(e));
    if (loaded.weights) this.storedWeights = JSON.stringify(loaded.weights);
  }

  /**
   * Stores the current state of `agentIds` (every agent when omitted) and the weights; resolves
   * once written, rejects when the write failed (the caller must not acknowledge then).
   */
  sync(agentIds?: Iterable<string>): Promise<void> {
    if (agentIds) for (const id of agentIds) this.dirty.add(id);
    else this.full = true;
    const run = this.chain.catch(() => undefined).then(() => this.flush());
    this.chain = run;
    return run;
  }

  private async flush(): Promise<void> {
    const ids = this.full ? this.allIds() : this.dirty;
    const wasFull = this.full;
    this.full = false;
    this.dirty = new Set();
    const ops: RegistryOp[] = [];
    const after: Array<() => void> = [];
    for (const id of ids) this.diffAgent(id, ops, after);
    const weights = JSON.stringify(this.m.weights);
    if (weights !== this.storedWeights) {
      ops.push({ node: this.store.weightsNode, json: weights, existed: this.storedWeights !== undefined });
      after.push(() => (this.storedWeights = weights));
    }
    if (ops.length === 0) return;
    try {
      await this.store.write(ops, this.fence);
    } catch (e) {
      if (wasFull) this.full = true;
      for (const id of ids) this.dirty.add(id);
      throw e;
    }
    for (const fn of after) fn();
  }

  private allIds(): Set<string> {
    const ids = new Set<string>([...this.m.agents.keys(), ...this.m.recoveredAgents.keys(), ...this.m.unreachableAgents.keys()]);
    for (const byId of this.stored.values()) for (const id of byId.keys()) ids.add(id);
    return ids;
  }

  /** Where the master has the agent now, as the entry the store should hold. */
  private desired(id: string): [AgentSet, AgentEntry] | undefined {
    const live = this.m.agents.get(id) ?? this.m.recoveredAgents.get(id);
    if (live) return ['agents', { info: live.info, pid: live.pid }];
    const u = this.m.unreachableAgents.get(id);
    if (u) return ['unreachable', { info: u.info, pid: u.pid, unreachable_time: u.unreachableTime }];
    // Gone agents are kept as stored: nothing in the master marks an agent gone yet.
    const gone = this.stored.get('gone')!.get(id);
    return gone ? ['gone', JSON.parse(gone) as AgentEntry] : undefined;
  }

  private diffAgent(id: string, ops: RegistryOp[], after: Array<() => void>): void {
    const want = this.desired(id);
    const json = want && JSON.stringify(want[1]);
    for (const set of AGENT_SETS) {
      const byId = this.stored.get(set)!;
      const have = byId.get(id);
      const target = want?.[0] === set ? json : undefined;
      if (have === target) continue;
      ops.push({ node: this.store.agentNode(set, id), json: target, existed: have !== undefined });
      after.push(() => (target === undefined ? byId.delete(id) : byId.set(id, target)));
    }
  }
}
