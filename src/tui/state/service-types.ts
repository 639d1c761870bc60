/**
 * The Marathon and Chronos JSON the Apps and Jobs views read: the shared client types
 * (client/marathon-types.ts, client/chronos-types.ts; upstream camelCase wire names), plus the
 * pair of Chronos answers the Jobs view combines.
 */
import type { ChronosJob, JobSummary } from '../../client/chronos-types.js';

export type { MarathonApp } from '../../client/marathon-types.js';
export type { ChronosJob, JobSummary as ChronosJobSummary } from '../../client/chronos-types.js';

/** Both Chronos answers, fetched together: the summary has the state, the job list the counts. */
export interface ChronosJobs {
  summary: JobSummary[];
  jobs: ChronosJob[];
}
