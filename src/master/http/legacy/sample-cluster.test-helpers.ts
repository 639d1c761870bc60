/**
 * The shared sample cluster for renderer tests (legacy, v1, metrics), built from the builders in
 * `fixtures.test-helpers.ts`. Expected numbers in the tests are derived from the records below.
 */
import { Resources } from '../../../protocol/resources/index.js';
import type { MasterView } from '../../model.js';
import { makeAgent, makeFramework, makeOffer, makeTask, makeView, status } from './fixtures.test-helpers.js';

/**
 * A small but complete cluster: one MULTI_ROLE framework with a running command task, a staging
 * task under a custom executor, an unreachable and a completed task and one offer; a second,
 * disconnected single-role framework; a completed framework; two agents (one deactivated, one with
 * a reservation and every attribute type) and an unreachable agent.
 */
export function sampleView(): MasterView {
  const run = makeTask({ taskId: 't-run', statuses: [status('t-run', 'TASK_STAGING', 1000), status('t-run', 'TASK_RUNNING', 1010)] });
  const staging = makeTask({
    taskId: 't-exec',
    state: 'TASK_STAGING',
    executorId: 'e1',
    statuses: [status('t-exec', 'TASK_STAGING', 1005)],
    resources: Resources.parse('cpus:1;mem:256;ports:[31000-31000]'),
  });
  const lost = makeTask({ taskId: 't-unreach', agentId: 'M-S1', state: 'TASK_UNREACHABLE', statuses: [status('t-unreach', 'TASK_UNREACHABLE', 1020)] });
  const done = makeTask({ taskId: 't-done', state: 'TASK_FINISHED', statuses: [status('t-done', 'TASK_FINISHED', 990)] });
  const fw0 = makeFramework({
    id: 'M-0000',
    tasks: new Map([[run.taskId, run], [staging.taskId, staging]]),
    unreachableTasks: new Map([[lost.taskId, lost]]),
    completedTasks: [done],
    executors: new Map([['M-S0', new Map([['e1', { executor_id: { value: 'e1' }, name: 'custom', resources: [{ name: 'cpus', type: 'SCALAR', scalar: { value: 0.1 } }, { name: 'mem', type: 'SCALAR', scalar: { value: 32 } }] }]])]]),
  });
  const fw1 = makeFramework({
    id: 'M-0001',
    info: { user: 'bob', name: 'single', role: 'ops' },
    roles: ['ops'],
    capabilities: new Set(),
    active: false,
    connected: false,
    unregisteredTime: 1030,
  });
  const gone = makeTask({ taskId: 't-old', frameworkId: 'M-0002', state: 'TASK_KILLED', statuses: [status('t-old', 'TASK_KILLED', 800)] });
  const fw2 = makeFramework({ id: 'M-0002', active: false, connected: false, completedTasks: [gone] });
  const s0 = makeAgent({
    id: 'M-S0',
    total: Resources.parse('cpus:4;mem:4096;disk:10000;ports:[31000-32000];cpus(dev):2;mem(dev):512'),
    info: {
      hostname: 'agent0',
      port: 5051,
      attributes: [
        { name: 'rack', type: 'TEXT', text: { value: 'r1' } },
        { name: 'zone', type: 'SCALAR', scalar: { value: 2 } },
        { name: 'slots', type: 'RANGES', ranges: { range: [{ begin: 1, end: 4 }, { begin: 8, end: 9 }] } },
        { name: 'disks', type: 'SET', set: { item: ['ssd', 'hdd'] } },
      ],
    },
  });
  const s1 = makeAgent({ id: 'M-S1', pid: 'slave(1)@10.0.0.6:5052', active: false, connected: false, info: { hostname: 'agent1', port: 5052 } });
  return makeView({
    frameworks: [fw0, fw1],
    completedFrameworks: [fw2],
    agents: [s0, s1],
    unreachableAgents: [{ id: 'M-S9', info: { hostname: 'agent9' }, pid: 'slave(1)@10.0.0.9:5051', unreachableTime: 1040 }],
    offers: [makeOffer({ id: 'M-O0' })],
    weights: { dev: 2 },
  });
}
