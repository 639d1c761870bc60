/**
 * Framework lifecycle (mesos-api.md §2.1 rules 4-5, §7 "Framework failover"): SUBSCRIBE assigns
 * `<masterId>-NNNN` or takes over an existing id (the old stream gets ERROR "Framework failed over");
 * a broken stream deactivates the framework and starts `failover_timeout`; expiry or TEARDOWN
 * removes it, kills its tasks and moves it to the bounded completed list.
 */
import type { RecordStream } from '../../http/recordio-stream.js';
import type { FrameworkInfoV1 } from '../../protocol/v1/types.js';
import { frameworkAddedEvent, frameworkRemovedEvent, frameworkUpdatedEvent } from '../http/v1/index.js';
import type { Master } from '../master.js';
import { type FrameworkRecord, newFrameworkRecord } from '../model.js';
import { rescindWhere } from './offers.js';
import { completeTask, masterStatus, recordStatus } from './task-lifecycle.js';

export class SubscribeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SubscribeError';
    Object.setPrototypeOf(this, SubscribeError.prototype);
  }
}

/** Roles of a FrameworkInfo: `roles` for MULTI_ROLE frameworks, else the deprecated `role` (default `*`). */
export function rolesOf(info: FrameworkInfoV1): string[] {
  const multi = info.capabilities?.some((c) => c.type === 'MULTI_ROLE');
  if (multi) return info.roles ?? [];
  return [info.role ?? '*'];
}

/** Upstream role name rules (mesos-api.md §6 "Roles"). */
export function validateRole(role: string): string | undefined {
  if (role === '*') return undefined;
  if (role === '' || role === '.' || role === '..') return `Role '${role}' is invalid`;
  if (role.startsWith('-') || /[\s\\]/.test(role) || role.split('/').some((p) => p === '' || p === '.' || p === '..')) {
    return `Role '${role}' is invalid`;
  }
  return undefined;
}

function validateInfo(m: Master, info: FrameworkInfoV1): string[] {
  const multi = info.capabilities?.some((c) => c.type === 'MULTI_ROLE');
  if (!multi && info.roles?.length) throw new SubscribeError("'FrameworkInfo.roles' is set but the MULTI_ROLE capability is missing");
  if (multi && info.role !== undefined && info.role !== '*') throw new SubscribeError("'FrameworkInfo.role' must not be set for MULTI_ROLE frameworks");
  const roles = rolesOf(info);
  if (new Set(roles).size !== roles.length) throw new SubscribeError("'FrameworkInfo.roles' contains duplicate items");
  for (const r of roles) {
    const err = validateRole(r);
    if (err) throw new SubscribeError(err);
    if (m.config.roles && r !== '*' && !m.config.roles.has(r)) throw new SubscribeError(`Role '${r}' is not present in the master's --roles`);
  }
  return roles;
}

/**
 * Handles SUBSCRIBE. Returns the framework; throws SubscribeError for an ERROR event on the new stream.
 */
export function subscribe(m: Master, info: FrameworkInfoV1, suppressed: string[], streamId: string, stream: RecordStream): FrameworkRecord {
  const roles = validateInfo(m, info);
  const requested = info.id?.value;
  if (requested && m.completedFrameworks.some((f) => f.id === requested)) throw new SubscribeError('Framework has been removed');
  const now = Date.now() / 1000;
  let fw = requested ? m.frameworks.get(requested) : undefined;
  const isNew = !fw;
  if (!fw) {
    const id = requested ?? m.newFrameworkId();
    fw = newFrameworkRecord(id, info, roles, { active: true, connected: true, recovered: false });
    fw.registeredTime = now;
    m.frameworks.set(id, fw);
    if (requested) fw.reregisteredTime = now;
  } else {
    fw.reregisteredTime = now;
    const timer = m.failoverTimers.get(fw.id);
    if (timer) clearTimeout(timer);
    m.failoverTimers.delete(fw.id);
    // Offers made to the previous instance are no longer valid.
    rescindWhere(m, (o) => o.frameworkId === fw!.id, 'framework failed over');
  }
  fw.info = { ...info, id: { value: fw.id } };
  fw.roles = roles;
  fw.capabilities = new Set((info.capabilities ?? []).map((c) => c.type));
  fw.suppressedRoles = new Set(suppressed);
  fw.active = true;
  fw.connected = true;
  fw.recovered = false;
  delete fw.unregisteredTime;
  const previous = m.channels.attachFramework(fw.id, streamId, stream);
  if (previous && previous.stream !== stream) {
    previous.stream.send({ type: 'ERROR', error: { message: 'Framework failed over' } });
    previous.stream.close();
  }
  stream.onClose(() => disconnect(m, fw!.id, stream));
  if (m.allocatorHasFramework(fw.id)) {
    m.allocator.updateFramework(fw.id, { roles, suppressedRoles: suppressed });
    m.allocator.activateFramework(fw.id);
  } else {
    m.allocator.addFramework(fw.id, { roles, suppressedRoles: suppressed, active: true });
    m.markAllocatorFramework(fw.id, true);
  }
  m.channels.toOperators(isNew ? frameworkAddedEvent(fw, m) : frameworkUpdatedEvent(fw, m));
  m.allocateSoon();
  return fw;
}

/** The framework's stream broke: deactivate it and start the failover timeout. */
export function disconnect(m: Master, frameworkId: string, stream: RecordStream): void {
  if (!m.channels.detachFramework(frameworkId, stream)) return;
  const fw = m.frameworks.get(frameworkId);
  if (!fw) return;
  fw.connected = false;
  fw.active = false;
  fw.unregisteredTime = Date.now() / 1000;
  m.allocator.deactivateFramework(frameworkId);
  rescindWhere(m, (o) => o.frameworkId === frameworkId, 'framework disconnected');
  m.channels.toOperators(frameworkUpdatedEvent(fw, m));
  const timeoutMs = Math.max(0, (fw.info.failover_timeout ?? 0) * 1000);
  m.log.info({ frameworkId, failoverSecs: timeoutMs / 1000 }, 'framework disconnected');
  const t = setTimeout(() => {
    m.failoverTimers.delete(frameworkId);
    const current = m.frameworks.get(frameworkId);
    if (current && !current.connected) removeFramework(m, current, 'failover timeout');
  }, Math.min(timeoutMs, 2_147_483_647));
  t.unref();
  m.failoverTimers.set(frameworkId, t);
}

/** Removes a framework: kill its tasks on the agents, retire them, keep it in completed_frameworks. */
export function removeFramework(m: Master, fw: FrameworkRecord, why: string): void {
  m.log.info({ frameworkId: fw.id, why }, 'removing framework');
  const timer = m.failoverTimers.get(fw.id);
  if (timer) clearTimeout(timer);
  m.failoverTimers.delete(fw.id);
  rescindWhere(m, (o) => o.frameworkId === fw.id, 'framework removed');
  const agents = new Set<string>();
  for (const task of [...fw.tasks.values(), ...fw.unreachableTasks.values()]) {
    agents.add(task.agentId);
    if (!task.terminalUuid) recordStatus(m, task, masterStatus(task, 'TASK_KILLED', 'REASON_FRAMEWORK_REMOVED', `Framework ${fw.id} removed`));
    completeTask(m, task);
  }
  for (const agentId of [...agents, ...fw.executors.keys()]) {
    m.channels.toAgent(agentId, { type: 'SHUTDOWN_FRAMEWORK', shutdown_framework: { framework_id: { value: fw.id } } });
  }
  m.channels.closeFramework(fw.id);
  m.allocator.removeFramework(fw.id);
  m.markAllocatorFramework(fw.id, false);
  fw.active = false;
  fw.connected = false;
  fw.unregisteredTime ??= Date.now() / 1000;
  m.frameworks.delete(fw.id);
  m.completedFrameworks.push(fw);
  const excess = m.completedFrameworks.length - m.config.maxCompletedFrameworks;
  if (excess > 0) m.completedFrameworks.splice(0, excess);
  m.channels.toOperators(frameworkRemovedEvent(fw));
}

/** UPDATE_FRAMEWORK: new info, roles and suppressed roles for a subscribed framework. */
export function updateFramework(m: Master, fw: FrameworkRecord, info: FrameworkInfoV1, suppressed: string[]): void {
  if (info.id && info.id.value !== fw.id) throw new SubscribeError("'framework_info.id' differs from 'framework_id'");
  const roles = validateInfo(m, info);
  fw.info = { ...info, id: { value: fw.id } };
  fw.roles = roles;
  fw.capabilities = new Set((info.capabilities ?? []).map((c) => c.type));
  fw.suppressedRoles = new Set(suppressed);
  m.allocator.updateFramework(fw.id, { roles, suppressedRoles: suppressed });
  rescindWhere(m, (o) => o.frameworkId === fw.id && !roles.includes(o.role), 'role removed');
  m.channels.toOperators(frameworkUpdatedEvent(fw, m));
}
