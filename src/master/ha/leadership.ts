/**
 * A master under `--zk` (upstream `Master::contended`, `Master::detected`, `Master::recover` in
 * `src/master/master.cpp`): it contends through ZooKeeper, serves as a standby (redirecting, see
 * leader-gate.ts) until elected, then reads the registry, and only then leads. Recovered agents
 * keep their ids and show as `recovered_slaves` until they re-register; those that have not
 * come back within `--agent_reregister_timeout` become unreachable. Weights stored in the
 * registry win over `--weights`, which are stored when the registry has none (as upstream).
 *
 * Losing the candidacy steps the master down at once (step-down.ts: streams closed, state
 * forgotten) where upstream would abort; it then contends again as a fresh standby.
 * @module
 */
import type { Logger } from '../../lib/logger.js';
import type { MasterInfoV1 } from '../../protocol/v1/types.js';
import { Contender } from '../../zk/election.js';
import { znodePath } from '../../zk/zk-url.js';
import { HierarchicalAllocator } from '../allocator/index.js';
import type { Master } from '../master.js';
import type { HaConfig } from './config.js';
import { Registrar } from './registrar.js';
import { type RegistryContents, ZkRegistryStore } from './registry-store.js';
import { lead, stepDown } from './step-down.js';

export interface Leadership {
  contender: Contender;
  /** Leaves the group (a standby takes over at once) and stops all timers. */
  stop(): Promise<void>;
}

export function startLeadership(m: Master, ha: HaConfig, log: Logger): Leadership {
  let reregisterTimer: NodeJS.Timeout | undefined;
  const contender = new Contender(ha.zk, () => ({ ...m.info }), {
    sessionTimeoutMs: ha.sessionTimeoutMs,
    onWarning: (message) => log.warn({ zk: ha.zk.display }, message),
  });

  contender.on('leader', (leader) => {
    if (m.elected) return;
    m.leaderInfo = leader?.info && leader.id !== m.id ? (leader.info as unknown as MasterInfoV1) : undefined;
    log.info({ leader: leader?.url ?? null }, leader ? 'detected the leading master' : 'no leading master');
  });
  contender.on('lost', (reason) => {
    clearTimeout(reregisterTimer);
    if (!m.elected) return;
    log.warn({ reason }, 'lost leadership: stepping down and closing every stream');
    stepDown(m);
  });
  contender.on('elected', () => {
    const session = contender.session!;
    const node = contender.node!;
    const still = () => contender.leading && contender.session === session;
    m.elected = true;
    m.recovering = true;
    m.leaderInfo = m.info;
    log.info({ node }, 'elected as the leading master; recovering the registry');
    void recover(m, ha, session, node, still)
      .then((registrar) => {
        if (!still()) return;
        m.registrar = registrar;
        lead(m);
        log.info({ recoveredAgents: m.recoveredAgents.size }, 'leading');
        if (m.recoveredAgents.size > 0) {
          reregisterTimer = setTimeout(() => expireRecovered(m, log), ha.agentReregisterTimeoutMs);
          reregisterTimer.unref();
        }
      })
      .catch((err: unknown) => {
        log.error({ err }, 'registry recovery failed');
        if (still()) contender.rejoin(`registry recovery failed: ${String(err)}`);
      });
  });
  contender.start();
  return {
    contender,
    async stop() {
      clearTimeout(reregisterTimer);
      await contender.stop();
    },
  };
}

/** Reads the registry into the (empty) master; resolves with the registrar that keeps it current. */
async function recover(m: Master, ha: HaConfig, session: NonNullable<Contender['session']>, node: string, still: () => boolean): Promise<Registrar | undefined> {
  if (!ha.durableRegistry) return undefined;
  const store = new ZkRegistryStore(session, znodePath(ha.zk.path, 'registry'));
  const contents = await store.load();
  if (!still()) return undefined;
  const registrar = new Registrar(m, store, znodePath(ha.zk.path, node), contents);
  applyRegistry(m, contents);
  await registrar.sync([]); // stores --weights when the registry had none
  return registrar;
}

export function applyRegistry(m: Master, contents: RegistryContents): void {
  for (const [id, e] of contents.agents.get('agents') ?? []) m.recoveredAgents.set(id, { id, info: { ...e.info, id: { value: id } }, pid: e.pid });
  for (const [id, e] of contents.agents.get('unreachable') ?? []) {
    m.unreachableAgents.set(id, { id, info: { ...e.info, id: { value: id } }, pid: e.pid, unreachableTime: e.unreachable_time ?? Date.now() / 1000 });
  }
  if (contents.weights) {
    m.weights = { ...contents.weights };
    m.allocator = new HierarchicalAllocator({ weights: m.weights });
  }
}

/** `--agent_reregister_timeout` passed: recovered agents still away become unreachable. */
function expireRecovered(m: Master, log: Logger): void {
  if (!m.elected) return;
  const now = Date.now() / 1000;
  const ids = [...m.recoveredAgents.keys()];
  for (const id of ids) {
    const r = m.recoveredAgents.get(id)!;
    m.recoveredAgents.delete(id);
    m.unreachableAgents.set(id, { id, info: r.info, pid: r.pid, unreachableTime: now });
  }
  log.warn({ agents: ids }, 'recovered agents did not re-register in time: marked unreachable');
  m.registrar?.sync(ids).catch((err: unknown) => log.error({ err }, 'could not store unreachable agents'));
}
