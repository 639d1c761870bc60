/**
 * The durable registry in ZooKeeper (`--registry=replicated_log`). Upstream keeps it in a
 * replicated log among the masters (`src/master/registry.proto`, `src/master/registrar.cpp`);
 * tsmesos ships no consensus of its own, so it keeps the same contents in ZooKeeper, under the
 * `--zk` path, where the ensemble's own quorum makes them durable:
 *
 *   <path>/registry/agents/<agent id>        admitted agent  {"info": AgentInfo, "pid"}
 *   <path>/registry/unreachable/<agent id>   unreachable     {"info", "pid", "unreachable_time": secs}
 *   <path>/registry/gone/<agent id>          gone            {"gone_time": secs}
 *   <path>/registry/weights                  {"<role>": weight, …}   (absent until first stored)
 *   <path>/registry/quota                    {}                      (placeholder: no quota yet)
 *
 * One znode per agent keeps every write small (znodes are limited to about 1 MB) and a failover
 * read proportional to the cluster. Writes are ZooKeeper multis that also check the writer's own
 * election node, so a master whose candidacy has ended can not write any more.
 * @module
 */
import type { ZkSession } from '../../zk/client-session.js';
import { zkCode } from '../../zk/client-session.js';
import zookeeper from 'node-zookeeper-client';
import type { AgentInfoV1 } from '../../protocol/v1/types.js';

export const AGENT_SETS = ['agents', 'unreachable', 'gone'] as const;
export type AgentSet = (typeof AGENT_SETS)[number];

export interface AgentEntry {
  info: AgentInfoV1;
  pid: string;
  unreachable_time?: number;
  gone_time?: number;
}

export interface RegistryContents {
  agents: Map<AgentSet, Map<string, AgentEntry>>;
  /** Undefined when no master has stored weights yet (the `--weights` flag applies then). */
  weights?: Record<string, number>;
  quota: Record<string, unknown>;
}

/** One change: `json` undefined deletes; `existed` says whether the znode is there now. */
export interface RegistryOp {
  node: string;
  json?: string;
  existed: boolean;
}

/** Keeps one multi well under ZooKeeper's 1 MB request limit. */
const BATCH_BYTES = 512 * 1024;

export class ZkRegistryStore {
  constructor(
    private readonly session: ZkSession,
    /** `<zk path>/registry`. */
    readonly root: string,
  ) {}

  agentNode(set: AgentSet, id: string): string {
    return `${this.root}/${set}/${id}`;
  }
  get weightsNode(): string {
    return `${this.root}/weights`;
  }

  async load(): Promise<RegistryContents> {
    const agents = new Map<AgentSet, Map<string, AgentEntry>>();
    for (const set of AGENT_SETS) {
      await this.session.mkdirp(`${this.root}/${set}`);
      const ids = await this.session.getChildren(`${this.root}/${set}`);
      const entries = await Promise.all(ids.map(async (id) => [id, await this.session.getData(this.agentNode(set, id))] as const));
      const byId = new Map<string, AgentEntry>();
      for (const [id, data] of entries) if (data?.length) byId.set(id, JSON.parse(data.toString('utf8')) as AgentEntry);
      agents.set(set, byId);
    }
    const weights = await this.session.getData(this.weightsNode);
    const quota = await this.session.getData(`${this.root}/quota`);
    return {
      agents,
      weights: weights?.length ? (JSON.parse(weights.toString('utf8')) as Record<string, number>) : undefined,
      quota: quota?.length ? (JSON.parse(quota.toString('utf8')) as Record<string, unknown>) : {},
    };
  }

  /** Applies `ops` (in batches) only while `fence` (our election node) exists. */
  async write(ops: RegistryOp[], fence: string): Promise<void> {
    let batch: RegistryOp[] = [];
    let bytes = 0;
    for (const op of ops) {
      const size = (op.json?.length ?? 0) + op.node.length + 64;
      if (batch.length > 0 && bytes + size > BATCH_BYTES) {
        await this.commit(batch, fence);
        batch = [];
        bytes = 0;
      }
      batch.push(op);
      bytes += size;
    }
    if (batch.length > 0) await this.commit(batch, fence);
  }

  private async commit(batch: RegistryOp[], fence: string): Promise<void> {
    const acl = this.session.acl;
    try {
      await this.session.commit((t) => {
        t.check(fence);
        for (const op of batch) {
          if (op.json === undefined) t.remove(op.node);
          else if (op.existed) t.setData(op.node, Buffer.from(op.json));
          else t.create(op.node, Buffer.from(op.json), acl, zookeeper.CreateMode.PERSISTENT);
        }
      });
    } catch (e) {
      const code = zkCode(e);
      // Our picture of what exists was wrong (e.g. a node written by an earlier leader that died
      // mid-batch): fall back to one fenced, idempotent multi per op.
      if (code !== zookeeper.Exception.NODE_EXISTS && code !== zookeeper.Exception.NO_NODE) throw e;
      for (const op of batch) await this.commitOne(op, fence);
    }
  }

  private async commitOne(op: RegistryOp, fence: string): Promise<void> {
    const exists = (await this.session.getData(op.node)) !== undefined;
    if (op.json === undefined && !exists) return;
    await this.session.commit((t) => {
      t.check(fence);
      if (op.json === undefined) t.remove(op.node);
      else if (exists) t.setData(op.node, Buffer.from(op.json));
      else t.create(op.node, Buffer.from(op.json), this.session.acl, zookeeper.CreateMode.PERSISTENT);
    });
  }
}
