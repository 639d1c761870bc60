/**
 * Chronos `/v1/scheduler` and Metronome `/v1/jobs` JSON as the operator CLI and TUI read it
 * (marathon-chronos-api.md §4–5), plus the tsmesos run-history extension
 * (`GET /v1/scheduler/job/{name}/history`, briefs/chronos-wire-ext.md). Wire names unchanged; only
 * what clients read is typed; unknown keys pass through.
 */

/** A Chronos job (`GET /v1/scheduler/jobs` element, `GET /v1/scheduler/job/{name}`). */
export interface ChronosJob {
  name: string;
  command?: string;
  shell?: boolean;
  arguments?: string[];
  /** `R[n]/start/period`; absent for a dependent job. */
  schedule?: string;
  scheduleTimeZone?: string;
  /** Set for a dependent job: it runs after all of these succeeded. */
  parents?: string[];
  retries?: number;
  cpus?: number;
  mem?: number;
  disk?: number;
  owner?: string;
  ownerName?: string;
  description?: string;
  disabled?: boolean;
  concurrent?: boolean;
  successCount?: number;
  errorCount?: number;
  errorsSinceLastSuccess?: number;
  /** ISO timestamps, or `""` when never. */
  lastSuccess?: string;
  lastError?: string;
  container?: { type?: string; image?: string } & Record<string, unknown>;
  [key: string]: unknown;
}

/** `GET /v1/scheduler/jobs/summary` element. */
export interface JobSummary {
  name: string;
  /** Last result: `success` | `failure` | `fresh`. */
  status?: string;
  /** `idle` | `queued` | `running` (or "N running"). */
  state?: string;
  schedule?: string;
  parents?: string[];
  disabled?: boolean;
}

/** One run in the tsmesos history extension, newest first. */
export interface JobRun {
  runId: string;
  taskId?: string | null;
  attempt?: number;
  trigger?: 'schedule' | 'manual' | 'dependency' | 'retry' | string;
  scheduledAt?: string | null;
  startedAt?: string | null;
  finishedAt?: string | null;
  state?: string | null;
  status?: 'queued' | 'running' | 'success' | 'failure' | 'skipped' | 'killed' | string;
  exitCode?: number | null;
  message?: string | null;
  agentId?: string | null;
  host?: string | null;
  frameworkId?: string | null;
  /** `http://agent:5051/files/browse?path=<sandbox>` once the task has a sandbox. */
  sandbox?: string | null;
}

export interface JobHistory {
  name: string;
  runs: JobRun[];
}

/** `/v1/scheduler/graph/csv` parsed: `node,<name>,<lastState>,<state>` and `link,<parent>,<child>`. */
export interface GraphNode {
  name: string;
  lastState: string;
  state: string;
}

export interface JobGraph {
  nodes: GraphNode[];
  links: Array<{ parent: string; child: string }>;
}

export interface MetronomeSchedule {
  id: string;
  cron: string;
  timezone?: string;
  enabled?: boolean;
  concurrencyPolicy?: string;
  startingDeadlineSeconds?: number;
  nextRunAt?: string;
}

export interface MetronomeRunTask {
  id: string;
  startedAt?: string | null;
  completedAt?: string | null;
  status?: string;
}

/** A Metronome job run: `INITIAL → STARTING → ACTIVE → SUCCESS | FAILED`. */
export interface MetronomeRun {
  id: string;
  jobId?: string;
  status?: string;
  createdAt?: string;
  completedAt?: string | null;
  finishedAt?: string | null;
  /** Active runs list task objects; `embed=history`'s finished runs list bare task ids. */
  tasks?: Array<MetronomeRunTask | string>;
}

export interface MetronomeJob {
  id: string;
  description?: string;
  labels?: Record<string, string>;
  run?: { cmd?: string; args?: string[]; cpus?: number; mem?: number; disk?: number; docker?: { image?: string } } & Record<string, unknown>;
  schedules?: MetronomeSchedule[];
  dependencies?: Array<{ id: string }>;
  activeRuns?: MetronomeRun[];
  history?: {
    successCount?: number;
    failureCount?: number;
    lastSuccessAt?: string | null;
    lastFailureAt?: string | null;
    successfulFinishedRuns?: MetronomeRun[];
    failedFinishedRuns?: MetronomeRun[];
  };
  historySummary?: { successCount?: number; failureCount?: number; lastSuccessAt?: string | null; lastFailureAt?: string | null };
  [key: string]: unknown;
}
