import { describe, expect, it } from 'vitest';
import type { OperatorEvent } from '../../client/operator-types.js';
import { agent, ev, framework, offer, task } from './events.test-helpers.js';
import { rateSeries } from './offers.js';
import { FINISHED_TASKS_KEPT, initialState, topReducer } from './reducer.js';
import type { TopState } from './types.js';

const T0 = 1_700_000_000_000;
const apply = (state: TopState, events: OperatorEvent[], now = T0) => topReducer(state, { type: 'events', events, now });
const boot = (...events: OperatorEvent[]) =>
  apply(initialState(T0), [ev.subscribed([agent('a1', 'h1')], [framework('f1', 'web', { offers: [offer('o0', 'f1', 'a1')] })], [task('f1', 't1', 'a1')]), ...events]);

describe('topReducer', () => {
  it('builds agents, frameworks, tasks and held offers from the SUBSCRIBED snapshot', () => {
    const s = boot();
    expect(s.synced).toBe(true);
    expect(s.agents.get('a1')).toMatchObject({ hostname: 'h1', active: true, attributes: 'rack:r1', total: { cpus: 4, mem: 4096 } });
    expect(s.frameworks.get('f1')).toMatchObject({ name: 'web', roles: ['*'], connected: true });
    expect(s.tasks.get('f1/t1')).toMatchObject({ id: 't1', state: 'TASK_RUNNING', resources: { cpus: 1, mem: 128 } });
    expect([...s.offers.open.keys()]).toEqual(['o0']);
    expect(s.offers.recent.map((o) => [o.id, o.action])).toEqual([['o0', 'SENT']]);
    expect(s.events).toBe(1);
  });

  it('applies task, agent and framework deltas', () => {
    let s = boot();
    s = apply(s, [ev.taskAdded(task('f1', 't2', 'a1', 'TASK_STAGING')), ev.taskUpdated('f1', 't2', 'TASK_RUNNING', true)]);
    expect(s.tasks.get('f1/t2')).toMatchObject({ state: 'TASK_RUNNING', healthy: true });
    s = apply(s, [ev.taskUpdated('f1', 't2', 'TASK_RUNNING')]);
    expect(s.tasks.get('f1/t2')?.healthy).toBe(true); // a status without `healthy` keeps the last answer
    s = apply(s, [ev.agentAdded(agent('a2', 'h2')), ev.agentRemoved('a1'), ev.frameworkAdded(framework('f2', 'batch')), ev.frameworkRemoved('f1')]);
    expect([...s.agents.keys()]).toEqual(['a2']);
    expect([...s.frameworks.keys()]).toEqual(['f2']);
    s = apply(s, [ev.frameworkUpdated(framework('f2', 'batch', { active: false }, ['a', 'b']))]);
    expect(s.frameworks.get('f2')).toMatchObject({ active: false, roles: ['a', 'b'] });
  });

  it('creates a task it only hears an update for (TASK_ADDED happened before we subscribed elsewhere)', () => {
    const s = apply(boot(), [ev.taskUpdated('f1', 'ghost', 'TASK_LOST')]);
    expect(s.tasks.get('f1/ghost')).toMatchObject({ id: 'ghost', state: 'TASK_LOST', agentId: '' });
  });

  it('moves an offer from SENT to ACCEPTED in place and counts every step', () => {
    let s = boot(ev.offer('SENT', offer('o1', 'f1', 'a1')), ev.offer('SENT', offer('o2', 'f1', 'a1')));
    s = apply(s, [ev.offer('ACCEPTED', offer('o1', 'f1', 'a1')), ev.offer('DECLINED', offer('o2', 'f1', 'a1')), ev.offer('RESCINDED', offer('o0', 'f1', 'a1'))], T0 + 3000);
    expect(s.offers.open.size).toBe(0);
    expect(s.offers.recent.map((o) => [o.id, o.action])).toEqual([['o2', 'DECLINED'], ['o1', 'ACCEPTED'], ['o0', 'RESCINDED']]);
    expect(s.offers.recent[1]).toMatchObject({ sentAt: T0, closedAt: T0 + 3000, resources: { cpus: 2, mem: 1024 } });
    expect(s.offers.totals).toEqual({ SENT: 2, ACCEPTED: 1, DECLINED: 1, RESCINDED: 1 });
  });

  it('counts offers sent per second for the sparkline', () => {
    let s = boot();
    s = apply(s, [ev.offer('SENT', offer('o1', 'f1', 'a1')), ev.offer('SENT', offer('o2', 'f1', 'a1'))], T0);
    s = apply(s, [ev.offer('SENT', offer('o3', 'f1', 'a1'))], T0 + 2000);
    expect(rateSeries(s.offers, T0 + 2000, 4)).toEqual([0, 2, 0, 1]);
  });

  it('on a reconnect snapshot drops offers decided while away but keeps history and totals', () => {
    let s = boot(ev.offer('SENT', offer('o1', 'f1', 'a1')), ev.offer('SENT', offer('o2', 'f1', 'a1')), ev.offer('DECLINED', offer('o2', 'f1', 'a1')));
    s = apply(s, [ev.subscribed([agent('a1', 'h1')], [framework('f1', 'web', { offers: [offer('o3', 'f1', 'a1')] })])], T0 + 5000);
    expect([...s.offers.open.keys()]).toEqual(['o3']);
    expect(s.offers.recent.map((o) => `${o.id}:${o.action}`).sort()).toEqual(['o2:DECLINED', 'o3:SENT']);
    expect(s.offers.totals.SENT).toBe(2);
    expect(s.tasks.size).toBe(0);
  });

  it('never mutates the state it is given, and keeps untouched maps by reference', () => {
    const before = boot();
    const agents = before.agents;
    const after = apply(before, [ev.taskAdded(task('f1', 't9', 'a1')), ev.heartbeat()]);
    expect(before.tasks.has('f1/t9')).toBe(false);
    expect(after.agents).toBe(agents);
    expect(after.frameworks).toBe(before.frameworks);
    expect(after.tasks).not.toBe(before.tasks);
    expect(apply(after, [])).toBe(after);
  });

  it('ignores event types it does not know (a newer master)', () => {
    const s = boot();
    const next = apply(s, [{ type: 'SOMETHING_NEW' } as unknown as OperatorEvent]);
    expect(next.agents).toBe(s.agents);
    expect(next.events).toBe(s.events + 1);
  });

  it('keeps only the newest finished tasks, never a live one', () => {
    const finished = Array.from({ length: FINISHED_TASKS_KEPT + 5 }, (_, i) => task('f1', `done-${i}`, 'a1', 'TASK_FINISHED'));
    let s = boot();
    s = apply(s, finished.map((t) => ev.taskAdded(t)));
    s = apply(s, [ev.taskUpdated('f1', 't1', 'TASK_RUNNING'), ev.taskUpdated('f1', 'done-0', 'TASK_FINISHED')], T0 + 1);
    expect(s.tasks.has('f1/t1')).toBe(true);
    expect(s.tasks.has('f1/done-0')).toBe(true); // updated last, so newest
    expect(s.tasks.has('f1/done-1')).toBe(false);
    expect(s.tasks.size).toBe(FINISHED_TASKS_KEPT + 1);
  });

  it('tracks the connection: connecting, connected, retrying with the time of the next attempt', () => {
    let s = initialState(T0);
    s = topReducer(s, { type: 'status', status: { state: 'connected', url: 'http://m:5050/api/v1' }, now: T0 + 1 });
    expect(s.connection).toEqual({ state: 'connected', url: 'http://m:5050/api/v1', since: T0 + 1 });
    s = topReducer(s, { type: 'status', status: { state: 'retrying', error: 'boom', hint: 'try', retryInMs: 2000, attempt: 1 }, now: T0 + 10 });
    expect(s.connection).toEqual({ state: 'retrying', error: 'boom', hint: 'try', retryAt: T0 + 2010, since: T0 + 10 });
  });
});

describe('topReducer: the live task count', () => {
  it('follows adds, state changes, re-adds and snapshots without recounting', () => {
    let s = boot();
    expect(s.liveTasks).toBe(1);
    s = apply(s, [ev.taskAdded(task('f1', 't2', 'a1', 'TASK_STAGING')), ev.taskAdded(task('f1', 't3', 'a1', 'TASK_STAGING'))]);
    expect(s.liveTasks).toBe(3);
    s = apply(s, [ev.taskUpdated('f1', 't2', 'TASK_RUNNING'), ev.taskUpdated('f1', 't3', 'TASK_FAILED'), ev.taskUpdated('f1', 't3', 'TASK_FAILED')]);
    expect(s.liveTasks).toBe(2);
    s = apply(s, [ev.taskAdded(task('f1', 't2', 'a1', 'TASK_RUNNING')), ev.taskUpdated('f1', 'ghost', 'TASK_LOST'), ev.taskUpdated('f1', 'ghost2', 'TASK_RUNNING')]);
    expect(s.liveTasks).toBe(3);
    const fresh = apply(s, [ev.subscribed([], [], [task('f1', 'x', 'a1'), task('f1', 'y', 'a1', 'TASK_FINISHED')])]);
    expect(fresh.liveTasks).toBe(1);
    expect(fresh.liveTasks).toBe([...fresh.tasks.values()].filter((t) => !['TASK_FINISHED', 'TASK_FAILED', 'TASK_KILLED', 'TASK_LOST'].includes(t.state)).length);
  });
});
