import { describe, expect, it } from 'vitest';
import { agent, ev, framework, offer, task } from './events.test-helpers.js';
import { initialState, topReducer } from './reducer.js';
import { agentRows, frameworkRows, offerRows, taskRows, usage } from './selectors.js';

const T0 = 1_700_000_000_000;
const state = topReducer(initialState(T0), {
  type: 'events',
  now: T0,
  events: [
    ev.subscribed(
      [agent('a1', 'alpha', 'cpus:4;mem:4096'), agent('a2', 'beta', 'cpus:4;mem:4096')],
      [framework('f1', 'web'), framework('f2', 'batch')],
      [task('f1', 'w1', 'a1', 'TASK_RUNNING', 'cpus:2;mem:512'), task('f2', 'b1', 'a2', 'TASK_STAGING', 'cpus:1;mem:4096')],
      [task('f1', 'old', 'a1', 'TASK_FINISHED', 'cpus:4;mem:4096')],
    ),
    ev.offer('SENT', offer('o1', 'f1', 'a2', 'cpus:3', 'beta')),
    ev.offer('SENT', offer('o2', 'f2', 'a1', 'cpus:2', 'alpha')),
    ev.offer('DECLINED', offer('o2', 'f2', 'a1', 'cpus:2', 'alpha')),
  ],
});

describe('selectors', () => {
  it('sums usage from live tasks only, per agent, per framework and for the cluster', () => {
    const u = usage(state);
    expect(u.byAgent.get('a1')).toEqual({ used: { cpus: 2, mem: 512 }, tasks: 1 });
    expect(u.byFramework.get('f2')).toEqual({ used: { cpus: 1, mem: 4096 }, tasks: 1 });
    expect(u.clusterTotal).toEqual({ cpus: 8, mem: 8192 });
    expect(u.clusterUsed).toEqual({ cpus: 3, mem: 4608 });
  });

  it('agent rows: sorted by hostname, with used, task and held-offer counts', () => {
    expect(agentRows(state).map((a) => [a.hostname, a.used.cpus, a.tasks, a.offers])).toEqual([
      ['alpha', 2, 1, 0],
      ['beta', 1, 1, 1],
    ]);
  });

  it('framework rows: dominant share from used/total, biggest share first', () => {
    const rows = frameworkRows(state);
    expect(rows.map((f) => [f.name, f.share, f.shareResource, f.tasks, f.offersHeld])).toEqual([
      ['batch', 0.5, 'mem', 1, 0], // 4096 of 8192 mem beats 1 of 8 cpus
      ['web', 0.25, 'cpus', 1, 1], // 2 of 8 cpus beats 512 of 8192 mem
    ]);
  });

  it('task rows: live first by name, then finished; the filter matches id, state, framework or agent', () => {
    expect(taskRows(state).map((t) => [t.id, t.live])).toEqual([['b1', true], ['w1', true], ['old', false]]);
    expect(taskRows(state, 'STAG').map((t) => t.id)).toEqual(['b1']);
    expect(taskRows(state, 'web').map((t) => t.id)).toEqual(['w1', 'old']);
    expect(taskRows(state, 'ALPHA').map((t) => t.agent)).toEqual(['alpha', 'alpha']);
    expect(taskRows(state, 'nothing')).toEqual([]);
  });

  it('offer rows: newest first, names resolved, age while held and time held once closed', () => {
    const rows = offerRows(state, T0 + 4200);
    expect(rows.map((o) => [o.id, o.action, o.framework, o.agent, o.ageMs])).toEqual([
      ['o2', 'DECLINED', 'batch', 'alpha', 0],
      ['o1', 'SENT', 'web', 'beta', 4200],
    ]);
  });
});
