import { describe, expect, it } from 'vitest';
import { parseApp } from '../app-model/normalize.js';
import type { AppDefinition } from '../app-model/types.js';
import { dependencyCycle, dependencyDepths, planDeployment, planToJson } from './plan.js';

const app = (id: string, extra: Record<string, unknown> = {}): AppDefinition => ({
  ...parseApp({ id, cmd: 'sleep 100', ...extra }),
  version: '2024-01-01T00:00:00.000Z',
  versionInfo: { lastScalingAt: '2024-01-01T00:00:00.000Z', lastConfigChangeAt: '2024-01-01T00:00:00.000Z' },
});
const group = (...apps: AppDefinition[]) => new Map(apps.map((a) => [a.id, a]));

describe('planDeployment', () => {
  it('a new app: start with 0 instances, then scale', () => {
    const plan = planDeployment(group(), group(app('/a')), 'd1', 'v1');
    expect(plan.steps).toEqual([{ actions: [{ action: 'StartApplication', app: '/a' }] }, { actions: [{ action: 'ScaleApplication', app: '/a' }] }]);
    expect(plan.affectedApps).toEqual(['/a']);
  });

  it('a removed app: one stop step', () => {
    const plan = planDeployment(group(app('/a'), app('/b')), group(app('/b')), 'd', 'v');
    expect(plan.steps).toEqual([{ actions: [{ action: 'StopApplication', app: '/a' }] }]);
  });

  it('scale-only change → ScaleApplication, config change → RestartApplication, no change → nothing', () => {
    const a = app('/a');
    const b = app('/b');
    const c = app('/c');
    const plan = planDeployment(group(a, b, c), group({ ...a, instances: 4 }, { ...b, cpus: 0.5 }, c), 'd', 'v');
    expect(plan.steps).toEqual([{ actions: [{ action: 'ScaleApplication', app: '/a' }, { action: 'RestartApplication', app: '/b' }] }]);
    expect(plan.affectedApps).toEqual(['/a', '/b']);
  });

  it('a restart (same definition, new lastConfigChangeAt) → RestartApplication', () => {
    const a = app('/a');
    const plan = planDeployment(group(a), group({ ...a, version: 'v2', versionInfo: { lastScalingAt: 'v2', lastConfigChangeAt: 'v2' } }), 'd', 'v2');
    expect(plan.steps).toEqual([{ actions: [{ action: 'RestartApplication', app: '/a' }] }]);
  });

  it('orders steps by dependency depth: db before app before web, groups resolve to their apps', () => {
    const target = group(app('/p/web', { dependencies: ['/p/app'] }), app('/p/app', { dependencies: ['/p/data'] }), app('/p/data/db'), app('/p/data/cache'));
    expect(dependencyDepths(target).get('/p/web')).toBe(2);
    const plan = planDeployment(group(), target, 'd', 'v');
    expect(plan.steps.map((s) => s.actions.map((a) => `${a.action} ${a.app}`))).toEqual([
      ['StartApplication /p/app', 'StartApplication /p/data/cache', 'StartApplication /p/data/db', 'StartApplication /p/web'],
      ['ScaleApplication /p/data/cache', 'ScaleApplication /p/data/db'],
      ['ScaleApplication /p/app'],
      ['ScaleApplication /p/web'],
    ]);
  });

  it('stops run in reverse dependency order inside the stop step', () => {
    const original = group(app('/db'), app('/web', { dependencies: ['/db'] }));
    expect(planDeployment(original, group(), 'd', 'v').steps[0].actions.map((a) => a.app)).toEqual(['/web', '/db']);
  });

  it('finds dependency cycles, and plans anyway without looping', () => {
    const apps = group(app('/a', { dependencies: ['/b'] }), app('/b', { dependencies: ['/a'] }), app('/c'));
    expect(dependencyCycle(apps).sort()).toEqual(['/a', '/b']);
    expect(dependencyCycle(group(app('/a', { dependencies: ['/c'] }), app('/c')))).toEqual([]);
    expect(planDeployment(group(), apps, 'd', 'v').affectedApps).toEqual(['/a', '/b', '/c']);
  });
});

describe('planToJson', () => {
  it('renders a GET /v2/deployments row', () => {
    const plan = planDeployment(group(), group(app('/a')), 'dep-1', '2024-01-01T00:00:00.000Z');
    expect(planToJson(plan, 2)).toEqual({
      id: 'dep-1',
      version: '2024-01-01T00:00:00.000Z',
      affectedApps: ['/a'],
      affectedPods: [],
      steps: [{ actions: [{ action: 'StartApplication', app: '/a' }] }, { actions: [{ action: 'ScaleApplication', app: '/a' }] }],
      currentActions: [{ action: 'ScaleApplication', app: '/a', readinessCheckResults: [] }],
      currentStep: 2,
      totalSteps: 2,
    });
    expect(planToJson(plan, 1, [{ action: 'X', app: '/a' }]).currentActions).toEqual([{ action: 'X', app: '/a' }]);
  });
});
