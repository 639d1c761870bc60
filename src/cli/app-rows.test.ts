import { describe, expect, it } from 'vitest';
import type { MarathonApp, QueueEntry } from '../client/marathon-types.js';
import { appCells, appRow, appStatus, currentActions, deploymentCells, queueLines, taskCells, taskHealth } from './app-rows.js';
import { renderAppShow } from './app-show.js';
import { findTask } from './app-tasks.js';
import { updateBody } from './app-add.js';
import { renderTable } from './output/table.js';

const NOW = Date.parse('2024-05-01T12:00:00.000Z');
const base: MarathonApp = { id: '/test', cmd: 'python3 -m http.server $PORT', instances: 3, cpus: 0.1, mem: 16, disk: 0, tasksRunning: 3, tasksStaged: 0, tasksHealthy: 0, tasksUnhealthy: 0, deployments: [] };

describe('app list rows', () => {
  it('status follows deployments, suspension and missing instances', () => {
    expect(appStatus(base)).toBe('Running');
    expect(appStatus({ ...base, deployments: [{ id: 'd' }] })).toBe('Deploying');
    expect(appStatus({ ...base, instances: 0, tasksRunning: 0 })).toBe('Suspended');
    expect(appStatus({ ...base, tasksRunning: 1 })).toBe('Waiting');
  });

  it('cells: RUNNING is running/instances, HEALTHY "-" without health checks, CMD falls back to args and image', () => {
    expect(appCells(appRow(base))).toEqual(['/test', 'Running', '3/3', '-', '0.1', '16M', 'python3 -m http.server $PORT']);
    const checked = appRow({ ...base, healthChecks: [{ protocol: 'HTTP' }], tasksHealthy: 2 });
    expect(checked.healthy).toBe(2);
    expect(appRow({ id: '/a', args: ['sleep', '10'] }).cmd).toBe('sleep 10');
    expect(appRow({ id: '/b', container: { type: 'DOCKER', docker: { image: 'nginx' } } }).cmd).toBe('(image nginx)');
  });

  it('renders as a table the terminal width can take', () => {
    const text = renderTable(['ID', 'STATUS', 'RUNNING', 'HEALTHY', 'CPUS', 'MEM', 'CMD'], [appCells(appRow(base))], 40);
    for (const line of text.trimEnd().split('\n')) expect([...line].length).toBeLessThanOrEqual(40);
  });
});

describe('task rows', () => {
  it('health from healthCheckResults, age from startedAt', () => {
    expect(taskHealth({ id: 't' })).toBe('-');
    expect(taskHealth({ id: 't', healthCheckResults: [{ alive: true }] })).toBe('healthy');
    expect(taskHealth({ id: 't', healthCheckResults: [{ alive: false, lastFailureCause: 'HTTP 500' }] })).toBe('unhealthy: HTTP 500');
    expect(taskCells({ id: 't1', host: 'a1', ports: [31000, 31001], state: 'TASK_RUNNING', startedAt: '2024-05-01T11:55:00.000Z', version: 'v1' }, NOW)).toEqual([
      't1',
      'a1',
      '31000,31001',
      'TASK_RUNNING',
      '-',
      '5m00s ago',
      'v1',
    ]);
  });

  it('findTask: exact, unique prefix, unique part; ambiguity lists candidates', () => {
    const tasks = [
      { id: 'test.instance-3f6c._app.1', appId: '/test', state: 'TASK_RUNNING', host: 'a1' },
      { id: 'test.instance-77aa._app.1', appId: '/test', state: 'TASK_RUNNING', host: 'a2' },
    ];
    expect(findTask(tasks, '3f6c').id).toBe('test.instance-3f6c._app.1');
    expect(findTask(tasks, 'test.instance-77').id).toBe('test.instance-77aa._app.1');
    expect(() => findTask(tasks, 'test.')).toThrow(/2 tasks match "test\.":\n {4}test\.instance-3f6c\._app\.1  \/test \(TASK_RUNNING on a1\)/);
    expect(() => findTask(tasks, 'zzz')).toThrow(/no Marathon task matches "zzz"/);
  });
});

describe('deployment rows', () => {
  it('STEP current/total and the current actions', () => {
    const d = { id: 'd1', version: '2024-05-01T11:59:30.000Z', affectedApps: ['/a', '/b'], currentStep: 1, totalSteps: 2, steps: [{ actions: [{ action: 'ScaleApplication', app: '/a' }] }], currentActions: [] };
    expect(currentActions(d)).toBe('ScaleApplication /a');
    expect(deploymentCells(d, NOW)).toEqual(['d1', '/a,/b', '1/2', 'ScaleApplication /a', '30s ago']);
  });
});

const queue: QueueEntry = {
  app: { id: '/test' },
  count: 2,
  since: '2024-05-01T11:58:00.000Z',
  delay: { timeLeftSeconds: 12, overdue: false },
  processedOffersSummary: {
    processedOffersCount: 10,
    unusedOffersCount: 10,
    lastUnusedOfferAt: '2024-05-01T11:59:58.000Z',
    rejectSummaryLastOffers: [
      { reason: 'UnfulfilledRole', declined: 0, processed: 10 },
      { reason: 'UnfulfilledConstraint', declined: 6, processed: 10 },
      { reason: 'InsufficientMemory', declined: 4, processed: 4 },
    ],
  },
  lastUnusedOffers: [
    { offer: { hostname: 'a1' }, reason: ['UnfulfilledConstraint'], timestamp: '2024-05-01T11:59:50.000Z' },
    { offer: { hostname: 'a2' }, reason: ['InsufficientMemory', 'InsufficientCpus'], timestamp: '2024-05-01T11:59:58.000Z' },
  ],
};

describe('why is it not launching', () => {
  it('count, backoff, declined steps in order, newest unused offers first', () => {
    expect(queueLines(queue, NOW)).toEqual([
      '2 instances waiting to launch, waiting since 2m00s ago',
      'launch delayed by backoff for another 12s (after failures; `DELETE /v2/queue/<app>/delay` resets it)',
      'offers processed: 10, unused: 10, used: 0 (last unused 2s ago)',
      'declined last offers because:',
      '  UnfulfilledConstraint: 6 of 10',
      '  InsufficientMemory: 4 of 4',
      'recent unused offers:',
      '  a2: InsufficientMemory, InsufficientCpus (2s ago)',
      '  a1: UnfulfilledConstraint (10s ago)',
    ]);
  });

  it('no offers at all points at the agents', () => {
    expect(queueLines({ count: 1, processedOffersSummary: { processedOffersCount: 0 } }, NOW)).toEqual([
      '1 instance waiting to launch',
      'no offers processed yet: is an agent with free resources registered (`tsmesos agent list`)?',
    ]);
  });

  it('app show puts it under "Waiting to launch", after the summary and the tasks', () => {
    const app: MarathonApp = {
      ...base,
      tasksRunning: 1,
      constraints: [['hostname', 'UNIQUE']],
      labels: { tier: 'web' },
      lastTaskFailure: { state: 'TASK_FAILED', host: 'a1', message: 'exited with status 1', timestamp: '2024-05-01T11:59:00.000Z' },
      tasks: [{ id: 'test.1', host: 'a1', ports: [31000], state: 'TASK_RUNNING', startedAt: '2024-05-01T11:50:00.000Z' }],
    };
    const text = renderAppShow(app, queue, NOW, 120);
    expect(text).toContain('App /test\n  status        Waiting\n  command       python3 -m http.server $PORT\n  tasks         1/3 running\n');
    expect(text).toContain('  constraints   hostname:UNIQUE\n  labels        tier=web\n');
    expect(text).toContain('  last failure  TASK_FAILED 1m00s ago on a1: exited with status 1\n');
    expect(text).toMatch(/\nTasks \(1\):\nID +HOST +PORTS +STATE +HEALTH +STARTED +VERSION\ntest\.1 +a1 +31000 +TASK_RUNNING +- +10m00s ago +-\n/);
    expect(text).toContain('\nWaiting to launch:\n  2 instances waiting to launch');
    expect(text.indexOf('Tasks (1)')).toBeLessThan(text.indexOf('Waiting to launch:'));
  });
});

describe('app update body', () => {
  const none = async () => ({ env: { A: '1' }, labels: { x: 'y' } });
  it('flags over the file; --env and --label merge into the current maps', async () => {
    expect(await updateBody('/test', { timeout: 1, instances: 4, mem: 64 }, none)).toEqual({ instances: 4, mem: 64 });
    expect(await updateBody('test', { timeout: 1, env: ['B=2', 'C=x=y'], label: ['k=v'] }, none)).toEqual({ env: { A: '1', B: '2', C: 'x=y' }, labels: { x: 'y', k: 'v' } });
  });
  it('nothing to change, or a bad pair, is a usage error (exit 2)', async () => {
    await expect(updateBody('/test', { timeout: 1 }, none)).rejects.toMatchObject({ message: 'nothing to update', exitCode: 2 });
    await expect(updateBody('/test', { timeout: 1, env: ['NOEQUALS'] }, none)).rejects.toMatchObject({ exitCode: 2 });
  });
});
