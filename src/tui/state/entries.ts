/**
 * Wire → entry conversions for the reducer: one v1 agent, framework or task message (as the
 * operator stream sends them, mesos-api.md §3) becomes the flat entry the views read.
 */
import type { V1Agent, V1Attribute, V1Framework, V1FrameworkInfo, V1Task } from '../../client/operator-types.js';
import { scalarsOf } from './resources.js';
import type { AgentEntry, FrameworkEntry, TaskEntry } from './types.js';

export function agentEntry(a: V1Agent): AgentEntry {
  const info = a.agent_info;
  return {
    id: info.id?.value ?? '',
    hostname: info.hostname,
    port: info.port ?? 5051,
    active: a.active ?? !a.deactivated,
    attributes: (info.attributes ?? []).map(formatAttribute).join(' '),
    total: scalarsOf(a.total_resources ?? info.resources),
  };
}

/** `rack:r1`, `zone:2`, `disks:{a,b}`, `ports:[1-2]`: the agent's `--attributes` syntax. */
export function formatAttribute(a: V1Attribute): string {
  let value = '';
  if (a.text) value = a.text.value;
  else if (a.scalar) value = String(a.scalar.value);
  else if (a.set) value = `{${(a.set.item ?? []).join(',')}}`;
  else if (a.ranges) value = `[${(a.ranges.range ?? []).map((r) => `${r.begin}-${r.end}`).join(',')}]`;
  return `${a.name}:${value}`;
}

export function frameworkEntry(f: V1Framework): FrameworkEntry {
  return { ...infoFields(f.framework_info), active: f.active ?? true, connected: f.connected ?? true };
}

function infoFields(info: V1FrameworkInfo): Pick<FrameworkEntry, 'id' | 'name' | 'roles' | 'user'> {
  const roles = info.roles && info.roles.length > 0 ? info.roles : [info.role ?? '*'];
  return { id: info.id?.value ?? '', name: info.name, roles, user: info.user ?? '' };
}

export function taskKey(frameworkId: string, taskId: string): string {
  return `${frameworkId}/${taskId}`;
}

export function taskEntry(t: V1Task, now: number): TaskEntry {
  const healthy = [...(t.statuses ?? [])].reverse().find((s) => s.healthy !== undefined)?.healthy;
  return {
    key: taskKey(t.framework_id.value, t.task_id.value),
    id: t.task_id.value,
    name: t.name,
    frameworkId: t.framework_id.value,
    agentId: t.agent_id.value,
    state: t.state,
    resources: scalarsOf(t.resources),
    ...(healthy === undefined ? {} : { healthy }),
    updatedAt: now,
  };
}
