/**
 * Hand-built `MasterView` fixtures for the renderer tests (legacy, v1, metrics). Not a test file
 * itself: builders return plain records so each test can tweak one field and see one effect.
 */
import { Resources } from '../../../protocol/resources/index.js';
import type { TaskStateName, TaskStatusV1 } from '../../../protocol/v1/types.js';
import type {
  AgentRecord,
  FrameworkRecord,
  MasterCounters,
  MasterView,
  OfferRecord,
  TaskRecord,
  UnreachableAgent,
} from '../../model.js';
import { emptyCounters, taskKey } from '../../model.js';

export function status(taskId: string, state: TaskStateName, timestamp: number, extra: Partial<TaskStatusV1> = {}): TaskStatusV1 {
  return { task_id: { value: taskId }, state, timestamp, source: 'SOURCE_EXECUTOR', ...extra };
}

export function makeTask(o: Partial<TaskRecord> & { taskId: string }): TaskRecord {
  const frameworkId = o.frameworkId ?? 'M-0000';
  const agentId = o.agentId ?? 'M-S0';
  const state = o.state ?? 'TASK_RUNNING';
  return {
    frameworkId,
    agentId,
    info: { name: `name-${o.taskId}`, task_id: { value: o.taskId }, agent_id: { value: agentId }, command: { value: 'sleep 100' } },
    resources: Resources.parse('cpus:0.5;mem:128'),
    role: 'dev',
    state,
    statuses: [status(o.taskId, state, 1000)],
    ...o,
  };
}

export function makeFramework(o: Partial<FrameworkRecord> & { id: string }): FrameworkRecord {
  return {
    info: { user: 'root', name: `fw-${o.id}`, id: { value: o.id }, roles: ['dev'], hostname: 'sched1', failover_timeout: 60, checkpoint: true },
    roles: ['dev'],
    capabilities: new Set(['MULTI_ROLE']),
    active: true,
    connected: true,
    recovered: false,
    registeredTime: 1000.5,
    suppressedRoles: new Set(),
    tasks: new Map(),
    unreachableTasks: new Map(),
    completedTasks: [],
    offers: new Set(),
    executors: new Map(),
    ...o,
  };
}

export function makeAgent(o: Partial<AgentRecord> & { id: string }): AgentRecord {
  return {
    info: { hostname: `host-${o.id}`, port: 5051, id: { value: o.id } },
    pid: 'slave(1)@10.0.0.5:5051',
    total: Resources.parse('cpus:4;mem:4096;disk:10000;ports:[31000-32000]'),
    registeredTime: 900.25,
    active: true,
    connected: true,
    version: '1.11.0',
    capabilities: ['MULTI_ROLE', 'HIERARCHICAL_ROLE'],
    taskKeys: new Set(),
    ...o,
  };
}

export function makeCounters(o: Partial<MasterCounters> = {}): MasterCounters {
  return { ...emptyCounters(), ...o };
}

export interface ViewParts {
  frameworks?: FrameworkRecord[];
  completedFrameworks?: FrameworkRecord[];
  agents?: AgentRecord[];
  unreachableAgents?: UnreachableAgent[];
  offers?: OfferRecord[];
  weights?: Record<string, number>;
  counters?: Partial<MasterCounters>;
  flags?: Record<string, string>;
  elected?: boolean;
  operatorSubscribers?: number;
}

/**
 * Assembles a view and wires the cross references the master keeps (agent `taskKeys`, framework
 * `offers`) from the records themselves, so fixtures cannot drift out of sync.
 */
export function makeView(p: ViewParts = {}): MasterView {
  const frameworks = new Map((p.frameworks ?? []).map((f) => [f.id, f]));
  const agents = new Map((p.agents ?? []).map((a) => [a.id, a]));
  const offers = new Map((p.offers ?? []).map((o) => [o.id, o]));
  const tasks = new Map<string, TaskRecord>();
  for (const fw of frameworks.values()) {
    for (const t of fw.tasks.values()) {
      tasks.set(taskKey(t.frameworkId, t.taskId), t);
      agents.get(t.agentId)?.taskKeys.add(taskKey(t.frameworkId, t.taskId));
    }
  }
  for (const o of offers.values()) frameworks.get(o.frameworkId)?.offers.add(o.id);
  return {
    info: {
      id: 'M',
      ip: 0x0100000a,
      port: 5050,
      pid: 'master@10.0.0.1:5050',
      hostname: 'master1',
      version: '1.11.0',
      address: { hostname: 'master1', ip: '10.0.0.1', port: 5050 },
      capabilities: [{ type: 'AGENT_UPDATE' }, { type: 'QUOTA_V2' }],
    },
    flags: p.flags ?? { port: '5050', cluster: 'test-cluster', work_dir: '/tmp/m' },
    startTime: 500,
    electedTime: 501,
    elected: p.elected ?? true,
    frameworks,
    completedFrameworks: p.completedFrameworks ?? [],
    agents,
    unreachableAgents: new Map((p.unreachableAgents ?? []).map((a) => [a.id, a])),
    offers,
    weights: p.weights ?? {},
    counters: makeCounters(p.counters),
    operatorSubscribers: p.operatorSubscribers ?? 0,
    task: (key) => tasks.get(key),
  };
}

export function makeOffer(o: Partial<OfferRecord> & { id: string }): OfferRecord {
  return {
    frameworkId: 'M-0000',
    agentId: 'M-S0',
    role: 'dev',
    resources: Resources.parse('cpus:1;mem:256;ports:[31001-31010]'),
    createdAt: 1001,
    ...o,
  };
}
