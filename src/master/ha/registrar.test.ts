/**
 * The registrar's diffing and the pieces around it, without ZooKeeper: what gets written for an
 * admission, an unreachable agent, a re-registration and a weight change; failed writes are retried
 * on the next sync; a recovered registry fills an empty master; stepping down forgets everything;
 * and the leader gate's path and Location rules.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../lib/logger.js';
import { Resources } from '../../protocol/resources/index.js';
import { Master } from '../master.js';
import { canonicalPath, leaderBase } from './leader-gate.js';
import { applyRegistry } from './leadership.js';
import { Registrar } from './registrar.js';
import type { AgentEntry, AgentSet, RegistryContents, RegistryOp, ZkRegistryStore } from './registry-store.js';
import { lead, standBy, stepDown } from './step-down.js';

function master(): Master {
  const config = { ip: '127.0.0.1', port: 5050, hostname: 'm1', allocationIntervalMs: 1000, agentPingTimeoutMs: 15_000, maxAgentPingTimeouts: 5, maxCompletedFrameworks: 50, maxCompletedTasksPerFramework: 1000, maxUnreachableTasksPerFramework: 1000, weights: { dev: 2 }, flags: {} };
  return new Master(config, silentLogger);
}

function empty(): RegistryContents {
  return { agents: new Map<AgentSet, Map<string, AgentEntry>>([['agents', new Map()], ['unreachable', new Map()], ['gone', new Map()]]), quota: {} };
}

/** A store that records each write's ops (as `node=json|delete (existed)`) and can be made to fail. */
function fakeStore() {
  const writes: string[][] = [];
  let failNext = false;
  const store = {
    weightsNode: '/mesos/registry/weights',
    agentNode: (set: string, id: string) => `/mesos/registry/${set}/${id}`,
    async write(ops: RegistryOp[]) {
      if (failNext) {
        failNext = false;
        throw new Error('connection loss');
      }
      writes.push(ops.map((o) => `${o.json === undefined ? 'delete' : o.existed ? 'set' : 'create'} ${o.node.replace('/mesos/registry/', '')}`));
    },
  };
  return { store: store as unknown as ZkRegistryStore, writes, fail: () => (failNext = true) };
}

function addAgent(m: Master, id: string): void {
  m.agents.set(id, { id, info: { hostname: 'a', id: { value: id } }, pid: 'slave(1)@127.0.0.1:5051', total: Resources.empty(), registeredTime: 1, active: true, connected: true, version: '1.11.0', capabilities: [], taskKeys: new Set() });
}

describe('Registrar', () => {
  it('stores an admission, a move to unreachable and weights, and nothing when nothing changed', async () => {
    const m = master();
    const { store, writes } = fakeStore();
    const r = new Registrar(m, store, '/mesos/json.info_0000000000', empty());
    await r.sync([]);
    expect(writes).toEqual([['create weights']]);
    addAgent(m, 'S1');
    await r.sync(['S1']);
    await r.sync(['S1']);
    expect(writes[1]).toEqual(['create agents/S1']);
    expect(writes).toHaveLength(2);
    const a = m.agents.get('S1')!;
    m.agents.delete('S1');
    m.unreachableAgents.set('S1', { id: 'S1', info: a.info, pid: a.pid, unreachableTime: 7 });
    await r.sync();
    expect(writes[2]).toEqual(['delete agents/S1', 'create unreachable/S1']);
    m.weights = { dev: 3 };
    await r.sync([]);
    expect(writes[3]).toEqual(['set weights']);
  });

  it('keeps what a failed write should have stored for the next sync, and rejects the caller', async () => {
    const m = master();
    const { store, writes, fail } = fakeStore();
    const r = new Registrar(m, store, '/f', { ...empty(), weights: { dev: 2 } });
    addAgent(m, 'S1');
    fail();
    await expect(r.sync(['S1'])).rejects.toThrow('connection loss');
    await r.sync([]);
    expect(writes).toEqual([['create agents/S1']]);
  });

  it('a recovered registry fills an empty master; --weights give way to stored ones', () => {
    const m = master();
    const c = empty();
    c.agents.get('agents')!.set('S1', { info: { hostname: 'a' }, pid: 'slave(1)@10.0.0.1:5051' });
    c.agents.get('unreachable')!.set('S2', { info: { hostname: 'b' }, pid: 'p', unreachable_time: 5 });
    c.weights = { prod: 4 };
    applyRegistry(m, c);
    expect([...m.recoveredAgents.values()]).toEqual([{ id: 'S1', info: { hostname: 'a', id: { value: 'S1' } }, pid: 'slave(1)@10.0.0.1:5051' }]);
    expect(m.unreachableAgents.get('S2')?.unreachableTime).toBe(5);
    expect(m.weights).toEqual({ prod: 4 });
  });
});

describe('leadership transitions and the gate', () => {
  it('standBy, lead and stepDown', () => {
    const m = master();
    standBy(m);
    expect([m.elected, m.leaderInfo, m.electedTime]).toEqual([false, undefined, undefined]);
    lead(m);
    expect([m.elected, m.leaderInfo]).toEqual([true, m.info]);
    addAgent(m, 'S1');
    m.recoveredAgents.set('S9', { id: 'S9', info: { hostname: 'x' }, pid: 'p' });
    m.weights = { other: 9 };
    stepDown(m);
    expect([m.elected, m.agents.size, m.recoveredAgents.size, m.weights]).toEqual([false, 0, 0, { dev: 2 }]);
  });

  it('canonicalPath folds /master, .json and trailing slashes; leaderBase prefers the hostname', () => {
    expect(['/master/flags.json?x=1', '/flags/', '//master//health', '/metrics/snapshot.json', '/master/redirect'].map(canonicalPath)).toEqual(['/flags', '/flags', '/health', '/metrics/snapshot', '/redirect']);
    expect(canonicalPath('/master/state')).toBe('/state');
    const m = master();
    expect(leaderBase(m)).toBe('//m1:5050');
    m.leaderInfo = { ...m.info, hostname: '', address: { ip: '10.0.0.2', port: 5051 } };
    expect(leaderBase(m)).toBe('//10.0.0.2:5051');
    m.leaderInfo = undefined;
    expect(leaderBase(m)).toBeUndefined();
  });
});
