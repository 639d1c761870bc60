/** A small cluster, run through the real reducer and selectors, for the view tests. */
import { agent, ev, framework, offer, task } from '../state/events.test-helpers.js';
import { initialState, topReducer } from '../state/reducer.js';
import { agentRows, frameworkRows, offerRows, taskRows, usage } from '../state/selectors.js';

export const T0 = 1_700_000_000_000;

export const sampleState = topReducer(initialState(T0), {
  type: 'events',
  now: T0,
  events: [
    ev.subscribed(
      [agent('a1', 'alpha.example', 'cpus:4;mem:4096;disk:1000'), agent('a2', 'beta.example', 'cpus:4;mem:4096;disk:1000', { active: false })],
      [framework('fw-0001', 'web'), framework('fw-0002', 'batch', { connected: false })],
      [task('fw-0001', 'web.1', 'a1', 'TASK_RUNNING', 'cpus:2;mem:1024'), task('fw-0002', 'job.7', 'a2', 'TASK_STAGING', 'cpus:1;mem:4096')],
      [task('fw-0001', 'web.0', 'a1', 'TASK_KILLED', 'cpus:2;mem:1024')],
    ),
    ev.taskUpdated('fw-0001', 'web.1', 'TASK_RUNNING', true),
    ev.offer('SENT', offer('offer-1', 'fw-0001', 'a1', 'cpus:2;mem:3072', 'alpha.example')),
    ev.offer('SENT', offer('offer-2', 'fw-0002', 'a2', 'cpus:3', 'beta.example')),
    ev.offer('DECLINED', offer('offer-2', 'fw-0002', 'a2', 'cpus:3', 'beta.example')),
  ],
});

const u = usage(sampleState);
export const sample = {
  agents: agentRows(sampleState, u),
  frameworks: frameworkRows(sampleState, u),
  tasks: taskRows(sampleState),
  offers: offerRows(sampleState, T0 + 65_000),
};
