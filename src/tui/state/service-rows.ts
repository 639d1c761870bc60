/**
 * Rows for the Apps and Jobs views, derived from Marathon's and Chronos's answers (pure, like
 * selectors.ts). Apps sort by id; jobs by name. A job is in both Chronos answers, but the two are
 * separate requests, so one that appears in only one of them (created or deleted in between) is
 * still listed with what is known.
 */
import type { ChronosJobs, MarathonApp } from './service-types.js';

export interface AppRow {
  id: string;
  instances: number;
  running: number;
  staged: number;
  healthy: number;
  unhealthy: number;
  cpus?: number;
  mem?: number;
  /** Deployments in progress for this app. */
  deployments: number;
}

export function appRows(apps: readonly MarathonApp[]): AppRow[] {
  return apps
    .map((a) => ({
      id: a.id,
      instances: a.instances ?? 0,
      running: a.tasksRunning ?? 0,
      staged: a.tasksStaged ?? 0,
      healthy: a.tasksHealthy ?? 0,
      unhealthy: a.tasksUnhealthy ?? 0,
      ...(a.cpus === undefined ? {} : { cpus: a.cpus }),
      ...(a.mem === undefined ? {} : { mem: a.mem }),
      deployments: a.deployments?.length ?? 0,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export interface JobRow {
  name: string;
  /** `R/2024-05-01T10:00:00.000Z/PT1H` (Chronos rewrites it to the next run), or empty for a dependent job. */
  schedule: string;
  parents: string[];
  /** `success`, `failure` or `fresh`. */
  lastStatus: string;
  /** `idle`, `queued`, `running`, "2 running". */
  state: string;
  successCount: number;
  errorCount: number;
  disabled: boolean;
}

export function jobRows({ summary, jobs }: ChronosJobs): JobRow[] {
  const byName = new Map(jobs.map((j) => [j.name, j]));
  const rows = new Map<string, JobRow>();
  for (const s of summary) {
    const j = byName.get(s.name);
    rows.set(s.name, {
      name: s.name,
      schedule: s.schedule ?? j?.schedule ?? '',
      parents: s.parents ?? j?.parents ?? [],
      lastStatus: s.status || lastStatusOf(j),
      state: s.state || 'idle',
      successCount: j?.successCount ?? 0,
      errorCount: j?.errorCount ?? 0,
      disabled: s.disabled ?? j?.disabled ?? false,
    });
  }
  for (const j of jobs) {
    if (rows.has(j.name)) continue;
    rows.set(j.name, {
      name: j.name,
      schedule: j.schedule ?? '',
      parents: j.parents ?? [],
      lastStatus: lastStatusOf(j),
      state: 'idle',
      successCount: j.successCount ?? 0,
      errorCount: j.errorCount ?? 0,
      disabled: j.disabled ?? false,
    });
  }
  return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Chronos's own rule for the summary's `status`: the newer of last success and last error wins. */
function lastStatusOf(j: { lastSuccess?: string; lastError?: string } | undefined): string {
  const ok = Date.parse(j?.lastSuccess ?? '');
  const err = Date.parse(j?.lastError ?? '');
  if (Number.isNaN(ok) && Number.isNaN(err)) return 'fresh';
  if (Number.isNaN(err)) return 'success';
  if (Number.isNaN(ok)) return 'failure';
  return ok >= err ? 'success' : 'failure';
}

/** What a job waits for: its schedule, or "after a, b" for a dependent job. */
export function trigger(row: JobRow): string {
  if (row.parents.length > 0) return `after ${row.parents.join(', ')}`;
  return row.schedule || '-';
}
