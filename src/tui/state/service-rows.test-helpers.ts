/** Marathon and Chronos answers in their wire shape, for the Apps and Jobs tests. */
import type { ChronosJobs, MarathonApp } from './service-types.js';

export const APPS: MarathonApp[] = [
  { id: '/prod/web', instances: 3, cpus: 0.5, mem: 256, tasksRunning: 3, tasksStaged: 0, tasksHealthy: 3, tasksUnhealthy: 0, deployments: [] },
  { id: '/prod/api', instances: 4, cpus: 1, mem: 1024, tasksRunning: 2, tasksStaged: 2, tasksHealthy: 1, tasksUnhealthy: 1, deployments: [{ id: 'dep-1' }] },
  { id: '/batch/idle', instances: 0, cpus: 0.1, mem: 64, tasksRunning: 0, tasksStaged: 0, tasksHealthy: 0, tasksUnhealthy: 0, deployments: [] },
];

export const JOBS: ChronosJobs = {
  summary: [
    { name: 'nightly', status: 'success', state: 'idle', schedule: 'R/2030-01-01T02:00:00.000Z/P1D', parents: [], disabled: false },
    { name: 'report', status: 'failure', state: '1 running', parents: ['nightly', 'extract'], disabled: false },
    { name: 'old', status: 'fresh', state: 'idle', schedule: 'R0/2020-01-01T00:00:00.000Z/PT1H', disabled: true },
  ],
  jobs: [
    { name: 'nightly', schedule: 'R/2030-01-01T02:00:00.000Z/P1D', successCount: 12, errorCount: 1, lastSuccess: '2029-12-31T02:00:05.000Z', lastError: '2029-12-01T02:00:05.000Z' },
    { name: 'report', parents: ['nightly', 'extract'], successCount: 3, errorCount: 4, lastSuccess: '2029-12-30T02:00:05.000Z', lastError: '2029-12-31T02:10:00.000Z' },
    { name: 'old', schedule: 'R0/2020-01-01T00:00:00.000Z/PT1H', disabled: true, successCount: 0, errorCount: 0, lastSuccess: '', lastError: '' },
    // Created between the two requests: only in the job list.
    { name: 'fresh-one', schedule: 'R/2030-01-01T00:00:00.000Z/PT1H', successCount: 0, errorCount: 2, lastSuccess: '', lastError: '2029-12-31T00:00:00.000Z' },
  ],
};
