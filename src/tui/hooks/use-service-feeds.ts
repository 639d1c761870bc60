/**
 * The Apps and Jobs views' data: Marathon's apps (refetched on its `/v2/events`, polled as a
 * fallback) and Chronos's jobs (polled; Chronos has no event stream), as rows. A source that is
 * not configured gives `undefined`, and its view says so.
 */
import { useMemo } from 'react';
import type { Feed } from '../feed.js';
import type { ChronosSource, MarathonSource } from '../services.js';
import { type AppRow, type JobRow, appRows, jobRows } from '../state/service-rows.js';
import type { ChronosJobs, MarathonApp } from '../state/service-types.js';
import { type FeedSpec, useFeed } from './use-feed.js';

/** How often Marathon and Chronos are asked when nothing tells us they changed. */
export const SERVICE_POLL_MS = 2000;

export interface ServiceFeed<R> {
  url: string;
  feed: Feed<unknown>;
  rows: R[];
  refresh(): void;
}

export function useServiceFeeds(
  marathon: MarathonSource | undefined,
  chronos: ChronosSource | undefined,
  refreshMs: number,
  clock: () => number,
  pollMs = SERVICE_POLL_MS,
): { apps?: ServiceFeed<AppRow>; jobs?: ServiceFeed<JobRow> } {
  const minGapMs = Math.max(refreshMs, 100);
  const appsSpec = useMemo<FeedSpec<MarathonApp[]> | undefined>(
    () => marathon && { fetch: (s) => marathon.apps(s), triggers: (on, s) => marathon.events(() => on(), s), pollMs, livePollMs: pollMs * 5, minGapMs },
    [marathon, pollMs, minGapMs],
  );
  const jobsSpec = useMemo<FeedSpec<ChronosJobs> | undefined>(() => chronos && { fetch: (s) => chronos.jobs(s), pollMs, minGapMs }, [chronos, pollMs, minGapMs]);
  const apps = useFeed(appsSpec, clock);
  const jobs = useFeed(jobsSpec, clock);
  const appData = apps.feed && 'data' in apps.feed ? apps.feed.data : undefined;
  const jobData = jobs.feed && 'data' in jobs.feed ? jobs.feed.data : undefined;
  const aRows = useMemo(() => (appData ? appRows(appData) : []), [appData]);
  const jRows = useMemo(() => (jobData ? jobRows(jobData) : []), [jobData]);
  return {
    ...(marathon && apps.feed ? { apps: { url: marathon.url, feed: apps.feed, rows: aRows, refresh: apps.refresh } } : {}),
    ...(chronos && jobs.feed ? { jobs: { url: chronos.url, feed: jobs.feed, rows: jRows, refresh: jobs.refresh } } : {}),
  };
}
