/**
 * Builders for operator stream events in their wire shape (mesos-api.md §3 plus `TSMESOS_OFFER`),
 * so reducer, selector and view tests read like the stream they stand for.
 */
import type { OfferAction, OperatorEvent, V1Agent, V1Framework, V1Offer, V1Resource, V1Task } from '../../client/operator-types.js';

export function res(text: string): V1Resource[] {
  return text.split(';').map((kv) => {
    const [name, value] = kv.split(':') as [string, string];
    const ports = /^\[(\d+)-(\d+)\]$/.exec(value);
    return ports
      ? { name, type: 'RANGES', ranges: { range: [{ begin: Number(ports[1]), end: Number(ports[2]) }] } }
      : { name, type: 'SCALAR', scalar: { value: Number(value) } };
  });
}

export function agent(id: string, hostname: string, resources = 'cpus:4;mem:4096', extra: Partial<V1Agent> = {}): V1Agent {
  return {
    agent_info: { hostname, port: 5051, id: { value: id }, resources: res(resources), attributes: [{ name: 'rack', type: 'TEXT', text: { value: 'r1' } }] },
    active: true,
    total_resources: res(resources),
    ...extra,
  };
}

export function framework(id: string, name: string, extra: Partial<V1Framework> = {}, roles = ['*']): V1Framework {
  return { framework_info: { name, user: 'root', id: { value: id }, roles }, active: true, connected: true, ...extra };
}

export function task(frameworkId: string, id: string, agentId: string, state = 'TASK_RUNNING', resources = 'cpus:1;mem:128'): V1Task {
  return { name: id, task_id: { value: id }, framework_id: { value: frameworkId }, agent_id: { value: agentId }, state, resources: res(resources), statuses: [] };
}

export function offer(id: string, frameworkId: string, agentId: string, resources = 'cpus:2;mem:1024', hostname = 'h1'): V1Offer {
  return { id: { value: id }, framework_id: { value: frameworkId }, agent_id: { value: agentId }, hostname, allocation_info: { role: '*' }, resources: res(resources) };
}

export const ev = {
  subscribed(agents: V1Agent[] = [], frameworks: V1Framework[] = [], tasks: V1Task[] = [], completed: V1Task[] = []): OperatorEvent {
    return {
      type: 'SUBSCRIBED',
      subscribed: {
        heartbeat_interval_seconds: 15,
        get_state: { get_agents: { agents }, get_frameworks: { frameworks }, get_tasks: { tasks, completed_tasks: completed } },
      },
    };
  },
  taskAdded: (t: V1Task): OperatorEvent => ({ type: 'TASK_ADDED', task_added: { task: t } }),
  taskUpdated: (frameworkId: string, taskId: string, state: string, healthy?: boolean): OperatorEvent => ({
    type: 'TASK_UPDATED',
    task_updated: { framework_id: { value: frameworkId }, state, status: { task_id: { value: taskId }, state, ...(healthy === undefined ? {} : { healthy }) } },
  }),
  agentAdded: (a: V1Agent): OperatorEvent => ({ type: 'AGENT_ADDED', agent_added: { agent: a } }),
  agentRemoved: (id: string): OperatorEvent => ({ type: 'AGENT_REMOVED', agent_removed: { agent_id: { value: id } } }),
  frameworkAdded: (f: V1Framework): OperatorEvent => ({ type: 'FRAMEWORK_ADDED', framework_added: { framework: f } }),
  frameworkUpdated: (f: V1Framework): OperatorEvent => ({ type: 'FRAMEWORK_UPDATED', framework_updated: { framework: f } }),
  frameworkRemoved: (id: string, name = 'x'): OperatorEvent => ({ type: 'FRAMEWORK_REMOVED', framework_removed: { framework_info: { name, id: { value: id } } } }),
  offer: (action: OfferAction, o: V1Offer): OperatorEvent => ({
    type: 'TSMESOS_OFFER',
    tsmesos_offer: { action, offer: o, framework_id: o.framework_id, agent_id: o.agent_id, timestamp: 1 },
  }),
  heartbeat: (): OperatorEvent => ({ type: 'HEARTBEAT' }),
};
