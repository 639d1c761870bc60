/**
 * The real Marathon and Chronos sources of the Apps and Jobs views, on the shared clients
 * (client/marathon-client.ts, client/chronos-client.ts): Marathon's apps with counts and
 * deployments, its `/v2/events` stream as the refresh trigger, scale (`PUT /v2/apps/{id}`
 * `{"instances":N}`) and restart; Chronos's job summary and job list, and run-now.
 */
import { ChronosClient } from '../client/chronos-client.js';
import { MarathonClient } from '../client/marathon-client.js';
import { followSse } from './sse.js';
import type { ChronosSource, MarathonSource } from './services.js';

/** Short: a view that hangs on a slow server is worse than one that says it timed out. */
const TIMEOUT_MS = 5000;

export function marathonSource(url: string, unreachableHint: string): MarathonSource {
  const client = new MarathonClient(url, { timeoutMs: TIMEOUT_MS, unreachableHint });
  return {
    url: client.baseUrl,
    apps: () => client.apps({ embed: ['apps.counts', 'apps.deployments'] }),
    events: (onEvent, signal) => followSse(`${client.baseUrl}/v2/events`, (e) => onEvent(e.event), signal, 'Marathon'),
    scale: (appId, instances) => client.updateApp(appId, { instances }),
    restart: (appId) => client.restartApp(appId),
  };
}

export function chronosSource(url: string, unreachableHint: string): ChronosSource {
  const client = new ChronosClient(url, { timeoutMs: TIMEOUT_MS, unreachableHint });
  return {
    url: client.baseUrl,
    async jobs() {
      const [summary, jobs] = await Promise.all([client.summary(), client.jobs()]);
      return { summary, jobs };
    },
    runNow: (name) => client.run(name),
  };
}
