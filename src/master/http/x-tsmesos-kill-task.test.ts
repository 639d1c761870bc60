/**
 * `X_TSMESOS_KILL_TASK` through the real operator route (fastify inject): the kill goes to the
 * task's agent stream as `KILL_TASK`, and every way the call can be wrong gets its own status and
 * a plain-text reason, as the operator API answers.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../http/server.js';
import type { RecordStream } from '../../http/recordio-stream.js';
import { silentLogger } from '../../lib/logger.js';
import { Resources } from '../../protocol/resources/index.js';
import type { TaskStateName } from '../../protocol/v1/types.js';
import { Master } from '../master.js';
import type { FrameworkRecord, TaskRecord } from '../model.js';
import { registerOperatorApi } from './operator-api.js';

let m: Master;
let app: FastifyInstance;
let sent: Array<{ agent: string; event: any }>;

function fakeStream(agent: string): RecordStream {
  return { send: (event) => (sent.push({ agent, event }), true), close() {}, closed: false, onClose() {} };
}

function addAgent(id: string, connected = true): void {
  m.agents.set(id, { id, info: { hostname: id, id: { value: id } }, pid: `slave(1)@127.0.0.1:5051`, total: Resources.empty(), registeredTime: 1, active: connected, connected, version: '1.11.0', capabilities: [], taskKeys: new Set() });
  if (connected) m.channels.attachAgent(id, `stream-${id}`, fakeStream(id));
}

function addFramework(id: string): FrameworkRecord {
  const fw = { id, info: { name: id, user: 'root', id: { value: id } }, roles: ['*'], capabilities: new Set<string>(), active: true, connected: true, recovered: false, registeredTime: 1, suppressedRoles: new Set<string>(), tasks: new Map(), unreachableTasks: new Map(), completedTasks: [], offers: new Set<string>(), executors: new Map() } as FrameworkRecord;
  m.frameworks.set(id, fw);
  return fw;
}

function addTask(frameworkId: string, taskId: string, agentId: string, state: TaskStateName = 'TASK_RUNNING'): TaskRecord {
  const t = { taskId, frameworkId, agentId, info: { name: taskId, task_id: { value: taskId }, agent_id: { value: agentId }, resources: [] }, resources: Resources.empty(), role: '*', state, statuses: [] } as unknown as TaskRecord;
  if (state === 'TASK_RUNNING') {
    m.tasks.set(`${frameworkId}/${taskId}`, t);
    m.frameworks.get(frameworkId)!.tasks.set(taskId, t);
  } else m.frameworks.get(frameworkId)!.completedTasks.push(t);
  return t;
}

const kill = (payload: unknown) =>
  app.inject({
    method: 'POST',
    url: '/api/v1',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    payload: JSON.stringify({ type: 'X_TSMESOS_KILL_TASK', x_tsmesos_kill_task: payload }),
  });

beforeEach(async () => {
  const config = { ip: '127.0.0.1', port: 5050, hostname: 'm1', allocationIntervalMs: 1000, agentPingTimeoutMs: 15_000, maxAgentPingTimeouts: 5, maxCompletedFrameworks: 50, maxCompletedTasksPerFramework: 1000, maxUnreachableTasksPerFramework: 1000, weights: {}, flags: {} };
  m = new Master(config, silentLogger);
  sent = [];
  app = createServer({ logger: silentLogger, renderError: (reply, _s, message) => reply.type('text/plain; charset=utf-8').send(message) });
  registerOperatorApi(app, m);
  await app.ready();
  addAgent('S0');
  addAgent('S1');
  addFramework('fw-a');
  addFramework('fw-b');
});
afterEach(() => app.close());

describe('X_TSMESOS_KILL_TASK', () => {
  it('sends KILL_TASK to the agent running the task and answers 202', async () => {
    addTask('fw-a', 'web.1', 'S1');
    const res = await kill({ task_id: { value: 'web.1' } });
    expect(res.statusCode).toBe(202);
    expect(res.body).toBe('');
    expect(sent).toEqual([{ agent: 'S1', event: { type: 'KILL_TASK', kill_task: { framework_id: { value: 'fw-a' }, task_id: { value: 'web.1' } } } }]);
  });

  it('passes a kill policy through, and narrows by framework and agent', async () => {
    addTask('fw-a', 'dup', 'S0');
    addTask('fw-b', 'dup', 'S1');
    const ambiguous = await kill({ task_id: { value: 'dup' } });
    expect(ambiguous.statusCode).toBe(400);
    expect(ambiguous.body).toBe("Task 'dup' exists in 2 frameworks (fw-a, fw-b); specify 'x_tsmesos_kill_task.framework_id'");
    const policy = { grace_period: { nanoseconds: 2_000_000_000 } };
    expect((await kill({ task_id: { value: 'dup' }, framework_id: { value: 'fw-b' }, kill_policy: policy })).statusCode).toBe(202);
    expect((await kill({ task_id: { value: 'dup' }, agent_id: { value: 'S0' } })).statusCode).toBe(202);
    expect(sent.map((s) => [s.agent, s.event.kill_task.framework_id.value, s.event.kill_task.kill_policy])).toEqual([
      ['S1', 'fw-b', policy],
      ['S0', 'fw-a', undefined],
    ]);
    expect((await kill({ task_id: { value: 'dup' }, framework_id: { value: 'fw-a' }, agent_id: { value: 'S1' } })).statusCode).toBe(404);
  });

  it('says 404 for an unknown task and 409 for a finished one, and sends nothing', async () => {
    addTask('fw-a', 'done', 'S0', 'TASK_FINISHED');
    const unknown = await kill({ task_id: { value: 'nope' } });
    expect([unknown.statusCode, unknown.body]).toEqual([404, "No task found with specified ID 'nope'"]);
    const finished = await kill({ task_id: { value: 'done' } });
    expect([finished.statusCode, finished.body]).toEqual([409, "Task 'done' has already finished (TASK_FINISHED)"]);
    expect(sent).toEqual([]);
  });

  it('answers 503 when the agent is disconnected instead of pretending the kill was sent', async () => {
    addAgent('S9', false);
    addTask('fw-a', 'stuck', 'S9');
    const res = await kill({ task_id: { value: 'stuck' } });
    expect(res.statusCode).toBe(503);
    expect(res.body).toMatch(/agent S9 running task 'stuck' is disconnected/);
    expect(sent).toEqual([]);
  });

  it('rejects malformed calls with the operator API 400', async () => {
    for (const [payload, field] of [
      [undefined, "'x_tsmesos_kill_task' to be present"],
      [{}, "'x_tsmesos_kill_task.task_id.value'"],
      [{ task_id: 'web.1' }, "'x_tsmesos_kill_task.task_id.value'"],
      [{ task_id: { value: '' } }, "'x_tsmesos_kill_task.task_id.value'"],
      [{ task_id: { value: 'x' }, framework_id: { value: 3 } }, "'x_tsmesos_kill_task.framework_id.value'"],
    ] as const) {
      const res = await kill(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.body).toContain(`Failed to validate master::Call: Expecting ${field}`);
    }
    expect(sent).toEqual([]);
  });
});
