/**
 * Agent lifecycle (mesos-api.md §4 "Registration with the master"): register → `<masterId>-S<n>`;
 * re-register with running tasks (after a master restart or a blip; no duplicate agent); pings every
 * `--agent_ping_timeout`, unreachable after `--max_agent_ping_timeouts` misses, with TASK_UNREACHABLE
 * for partition-aware frameworks and TASK_LOST otherwise; graceful UNREGISTER removes it.
 */
import { MESOS_VERSION } from '../../lib/version.js';
import type { RecordStream } from '../../http/recordio-stream.js';
import type { AgentCall, AgentTaskReport } from '../../protocol/agent-protocol.js';
import { Resources } from '../../protocol/resources/index.js';
import { isTerminal, type FrameworkInfoV1 } from '../../protocol/v1/types.js';
import { agentAddedEvent, agentRemovedEvent, frameworkAddedEvent } from '../http/v1/index.js';
import type { Master } from '../master.js';
import { type AgentRecord, type FrameworkRecord, type TaskRecord, newFrameworkRecord, taskKey } from '../model.js';
import { rescindWhere } from './offers.js';
import { addTask, completeTask, isPartitionAware, masterStatus, recordStatus, transitionByMaster } from './task-lifecycle.js';
import { rolesOf } from './frameworks.js';

type SubscribePayload = Extract<AgentCall, { type: 'SUBSCRIBE' }>['subscribe'];

/** Registers or re-registers an agent on `stream`; returns its id. */
export function subscribeAgent(m: Master, p: SubscribePayload, streamId: string, stream: RecordStream, remoteIp: string): string {
  const total = Resources.fromV1(p.agent_info.resources ?? []);
  const requested = p.agent_info.id?.value;
  const known = requested ? m.agents.get(requested) : undefined;
  const wasUnreachable = requested ? m.unreachableAgents.get(requested) : undefined;
  const id = requested ?? m.newAgentId();
  const now = Date.now() / 1000;
  const ip = remoteIp.replace(/^::ffff:/, '');
  if (known) removeFromAllocator(m, known);
  const agent: AgentRecord = {
    id,
    info: { ...p.agent_info, id: { value: id } },
    pid: `slave(1)@${ip}:${p.agent_info.port ?? 5051}`,
    total,
    registeredTime: known?.registeredTime ?? now,
    active: true,
    connected: true,
    version: p.version ?? MESOS_VERSION,
    capabilities: (p.capabilities ?? []).map((c) => c.type),
    taskKeys: known?.taskKeys ?? new Set(),
  };
  if (requested) agent.reregisteredTime = now;
  m.agents.set(id, agent);
  m.unreachableAgents.delete(id);
  m.pingMisses.set(id, 0);
  if (requested) m.counters.slaveReregistrations++;
  else m.counters.slaveRegistrations++;

  const previous = m.channels.attachAgent(id, streamId, stream);
  if (previous && previous.stream !== stream) previous.stream.close();
  stream.onClose(() => agentDisconnected(m, id, stream));

  if (requested) adoptReportedTasks(m, agent, p, !!wasUnreachable);
  const used = new Map<string, Resources>();
  for (const key of agent.taskKeys) {
    const t = m.tasks.get(key);
    if (t && !t.terminalUuid) used.set(t.frameworkId, (used.get(t.frameworkId) ?? Resources.empty()).add(t.resources));
  }
  m.allocator.addAgent(id, total, [...used].map(([frameworkId, resources]) => ({ frameworkId, resources })));
  m.channels.toAgent(id, {
    type: 'SUBSCRIBED',
    subscribed: { agent_id: { value: id }, master_info: m.info, ping_interval_seconds: m.config.agentPingTimeoutMs / 1000 },
  });
  m.channels.toOperators(agentAddedEvent(agent, m));
  m.log.info({ agentId: id, reregistered: !!requested }, 'agent subscribed');
  m.allocateSoon();
  return id;
}

function removeFromAllocator(m: Master, agent: AgentRecord): void {
  rescindWhere(m, (o) => o.agentId === agent.id, 'agent re-registered');
  m.allocator.removeAgent(agent.id);
}

/** Frameworks known only from an agent's report are "recovered" until their scheduler resubscribes. */
function recoveredFramework(m: Master, id: string, info: FrameworkInfoV1 | undefined): FrameworkRecord {
  const fwInfo: FrameworkInfoV1 = info ?? { user: '', name: '' };
  const fw = newFrameworkRecord(id, fwInfo, rolesOf(fwInfo), { active: false, connected: false, recovered: true });
  m.frameworks.set(id, fw);
  m.allocator.addFramework(id, { roles: fw.roles, active: false });
  m.markAllocatorFramework(id, true);
  m.channels.toOperators(frameworkAddedEvent(fw, m));
  return fw;
}

/** Reconciles the master's view of an agent's tasks with what the agent reports on re-registration. */
function adoptReportedTasks(m: Master, agent: AgentRecord, p: SubscribePayload, wasUnreachable: boolean): void {
  const reported = new Set<string>();
  const shutdown = new Set<string>();
  for (const r of p.tasks ?? []) {
    const fwId = r.framework_id.value;
    let fw = m.frameworks.get(fwId);
    if (!fw && m.completedFrameworks.some((f) => f.id === fwId)) {
      shutdown.add(fwId);
      continue;
    }
    fw ??= recoveredFramework(m, fwId, (p.frameworks ?? []).find((f) => f.id?.value === fwId));
    if (wasUnreachable && !isPartitionAware(fw)) {
      // Upstream shuts down tasks of non-partition-aware frameworks that come back from a partition.
      shutdown.add(fwId);
      continue;
    }
    reported.add(taskKey(fwId, r.task.task_id.value));
    adoptTask(m, agent, fw, r);
  }
  for (const fwId of shutdown) m.channels.toAgent(agent.id, { type: 'SHUTDOWN_FRAMEWORK', shutdown_framework: { framework_id: { value: fwId } } });
  for (const key of [...agent.taskKeys]) {
    const task = m.tasks.get(key);
    if (!task || reported.has(key) || shutdown.has(task.frameworkId)) continue;
    // The agent does not know a task we sent it (e.g. RUN_TASK lost in a blip): it never started.
    const fw = m.frameworks.get(task.frameworkId);
    const state = isPartitionAware(fw) ? 'TASK_DROPPED' : 'TASK_LOST';
    transitionByMaster(m, task, masterStatus(task, state, 'REASON_AGENT_REREGISTERED', 'Task was not found on the re-registered agent'));
  }
}

function adoptTask(m: Master, agent: AgentRecord, fw: FrameworkRecord, r: AgentTaskReport): void {
  const key = taskKey(fw.id, r.task.task_id.value);
  const existing = m.tasks.get(key);
  const role = fw.roles[0] ?? '*';
  const task: TaskRecord = existing ?? {
    taskId: r.task.task_id.value,
    frameworkId: fw.id,
    agentId: agent.id,
    info: r.task,
    resources: Resources.fromV1(r.task.resources ?? []).unallocate().allocate(role),
    role,
    state: r.state,
    statuses: r.status ? [r.status] : [],
    executorId: r.executor_id?.value ?? r.task.executor?.executor_id.value,
    user: r.task.command?.user ?? fw.info.user,
  };
  delete task.unreachableTime;
  task.agentId = agent.id;
  if (task.state !== r.state && r.status) recordStatus(m, task, r.status);
  task.state = r.state;
  if (!existing || !fw.tasks.has(task.taskId)) addTask(m, fw, task);
  agent.taskKeys.add(key);
  if (isTerminal(task.state) && !task.terminalUuid) task.terminalUuid = r.status?.uuid;
}

/** The agent's stream broke: deactivate it (no offers), keep its tasks until it is unreachable. */
export function agentDisconnected(m: Master, agentId: string, stream: RecordStream): void {
  if (!m.channels.detachAgent(agentId, stream)) return;
  const agent = m.agents.get(agentId);
  if (!agent) return;
  agent.connected = false;
  agent.active = false;
  m.allocator.deactivateAgent(agentId);
  rescindWhere(m, (o) => o.agentId === agentId, 'agent disconnected');
  // Tasks of frameworks that do not checkpoint die with the agent connection (upstream behaviour).
  for (const key of [...agent.taskKeys]) {
    const task = m.tasks.get(key);
    const fw = task && m.frameworks.get(task.frameworkId);
    if (!task || !fw || fw.info.checkpoint) continue;
    const state = isPartitionAware(fw) ? 'TASK_GONE' : 'TASK_LOST';
    transitionByMaster(m, task, masterStatus(task, state, 'REASON_AGENT_DISCONNECTED', `Agent ${agent.info.hostname} disconnected`));
  }
  m.log.warn({ agentId }, 'agent disconnected');
}

/** Every `--agent_ping_timeout`: count a miss for agents that did not answer the last ping, ping again. */
export function pingAgents(m: Master): void {
  for (const agent of [...m.agents.values()]) {
    const misses = m.pingMisses.get(agent.id) ?? 0;
    if (misses >= m.config.maxAgentPingTimeouts) {
      markUnreachable(m, agent, `missed ${misses} pings`);
      continue;
    }
    m.pingMisses.set(agent.id, misses + 1);
    m.channels.toAgent(agent.id, { type: 'PING' });
  }
}

export function pong(m: Master, agentId: string): void {
  if (m.agents.has(agentId)) m.pingMisses.set(agentId, 0);
}

/** Marks an agent unreachable: its tasks become TASK_UNREACHABLE (partition-aware) or TASK_LOST. */
export function markUnreachable(m: Master, agent: AgentRecord, why: string): void {
  m.log.warn({ agentId: agent.id, why }, 'agent unreachable');
  const now = Date.now() / 1000;
  rescindWhere(m, (o) => o.agentId === agent.id, 'agent unreachable');
  m.allocator.removeAgent(agent.id);
  m.agents.delete(agent.id);
  m.pingMisses.delete(agent.id);
  m.unreachableAgents.set(agent.id, { id: agent.id, info: agent.info, pid: agent.pid, unreachableTime: now });
  m.counters.slaveRemovals++;
  for (const key of [...agent.taskKeys]) {
    const task = m.tasks.get(key);
    const fw = task && m.frameworks.get(task.frameworkId);
    if (!task || !fw) continue;
    const pa = isPartitionAware(fw);
    const status = masterStatus(task, pa ? 'TASK_UNREACHABLE' : 'TASK_LOST', 'REASON_AGENT_REMOVED', `Agent ${agent.info.hostname} is unreachable`);
    status.unreachable_time = { nanoseconds: Math.round(now * 1e9) };
    if (pa) {
      recordStatus(m, task, status);
      task.unreachableTime = now;
      fw.tasks.delete(task.taskId);
      fw.unreachableTasks.set(task.taskId, task);
      m.channels.toFramework(fw.id, { type: 'UPDATE', update: { status } });
    } else {
      transitionByMaster(m, task, status);
    }
  }
  for (const fw of m.frameworks.values()) m.channels.toFramework(fw.id, { type: 'FAILURE', failure: { agent_id: { value: agent.id } } });
  m.channels.closeAgent(agent.id);
  m.channels.toOperators(agentRemovedEvent(agent.id));
}

/** Graceful agent shutdown: the agent is removed and its tasks are gone. */
export function unregisterAgent(m: Master, agentId: string): void {
  const agent = m.agents.get(agentId);
  if (!agent) return;
  rescindWhere(m, (o) => o.agentId === agentId, 'agent unregistered');
  for (const key of [...agent.taskKeys]) {
    const task = m.tasks.get(key);
    if (!task) continue;
    const fw = m.frameworks.get(task.frameworkId);
    const state = isPartitionAware(fw) ? 'TASK_GONE' : 'TASK_LOST';
    transitionByMaster(m, task, masterStatus(task, state, 'REASON_AGENT_REMOVED', 'Agent shut down'));
    if (m.tasks.has(key)) completeTask(m, task);
  }
  m.allocator.removeAgent(agentId);
  m.agents.delete(agentId);
  m.pingMisses.delete(agentId);
  m.counters.slaveRemovals++;
  m.channels.closeAgent(agentId);
  m.channels.toOperators(agentRemovedEvent(agentId));
}
