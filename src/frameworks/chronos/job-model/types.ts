/**
 * The one internal Job both wire forms map onto: a Chronos job (`/v1/scheduler/*`, `Jobs.scala`) and a
 * Metronome JobSpec (`/v1/jobs`, `JobSpec.scala` + `ScheduleSpec.scala`). Upstream nouns, no wire
 * quirks: the Chronos `concurrent` bool and Metronome's `concurrencyPolicy` become one policy, the
 * Chronos `retries` count and Metronome's restart policy one retry rule, `uris` become `fetch`.
 * @module
 */

/** Chronos `concurrent:true` = ALLOW, `false` = FORBID; REPLACE (kill the running one) is ours. */
export type ConcurrencyPolicy = 'ALLOW' | 'FORBID' | 'REPLACE';

/** A constraint on offer attributes (`hostname` is synthetic); Metronome IS/EQ are stored as EQUALS. */
export interface JobConstraint {
  attribute: string;
  operator: 'EQUALS' | 'LIKE' | 'UNLIKE';
  value: string;
}

export interface FetchUri {
  uri: string;
  executable: boolean;
  cache: boolean;
  extract: boolean;
  outputFile?: string;
}

export interface JobVolume {
  containerPath: string;
  hostPath?: string;
  mode: 'RO' | 'RW';
}

/** Chronos' flat container (`image` directly in it); Metronome `run.docker` maps to type DOCKER. */
export interface JobContainer {
  type: 'DOCKER' | 'MESOS';
  image: string;
  network: 'HOST' | 'BRIDGE' | 'USER';
  networkName?: string;
  volumes: JobVolume[];
  forcePullImage: boolean;
  privileged: boolean;
  parameters: Array<{ key: string; value: string }>;
}

/** One schedule: ISO 8601 `R[n]/start/period` (rewritten in storage as runs are consumed) or cron. */
export interface JobSchedule {
  /** Metronome schedule id (Chronos jobs get `default`). */
  id: string;
  kind: 'iso8601' | 'cron';
  /** The stored text: for ISO 8601 the *next* occurrence, as Chronos keeps it. */
  expression: string;
  /** IANA zone; '' for ISO means the offset written in the expression. */
  timeZone: string;
  /** Missed-run policy: a late occurrence older than this is skipped. Undefined = run late (Chronos 3). */
  startingDeadlineSeconds?: number;
  enabled: boolean;
}

export interface RetryPolicy {
  /** Extra attempts after the first failure; undefined = until `deadlineSeconds` (Metronome ON_FAILURE). */
  max?: number;
  /** Metronome `activeDeadlineSeconds`: no retry starts later than this after the run was created. */
  deadlineSeconds?: number;
}

export interface Job {
  name: string;
  /** Which API created it: decides the defaults shown where the other API has no field. */
  origin: 'chronos' | 'metronome';
  description: string;
  owner: string;
  ownerName: string;
  labels: Record<string, string>;
  command: string;
  shell: boolean;
  arguments: string[];
  schedule?: JobSchedule;
  parents: string[];
  retry: RetryPolicy;
  cpus: number;
  mem: number;
  disk: number;
  container?: JobContainer;
  env: Array<{ name: string; value: string }>;
  constraints: JobConstraint[];
  fetch: FetchUri[];
  runAsUser?: string;
  disabled: boolean;
  concurrencyPolicy: ConcurrencyPolicy;
  softError: boolean;
  highPriority: boolean;
  /** Seconds before a running task is killed (0 = never). */
  maxCompletionTime: number;
  /** Metronome `maxLaunchDelay`: a run not started within this many seconds fails. */
  maxLaunchDelaySeconds: number;
  taskKillGracePeriodSeconds?: number;
  /** Chronos custom-executor fields, kept and echoed. */
  executor: string;
  executorFlags: string;
  taskInfoData: string;
  dataProcessingJobType: boolean;
}

/** The read-only counters Chronos returns with every job (writable on POST, to copy jobs across). */
export interface JobStats {
  successCount: number;
  errorCount: number;
  /** ISO timestamps or ''. */
  lastSuccess: string;
  lastError: string;
  errorsSinceLastSuccess: number;
}

export const EMPTY_STATS: JobStats = { successCount: 0, errorCount: 0, lastSuccess: '', lastError: '', errorsSinceLastSuccess: 0 };

/** Chronos' task resources default (flags `--mesos_task_cpu/mem/disk`); 0 in the JSON means these. */
export const CHRONOS_DEFAULTS = { cpus: 0.1, mem: 128, disk: 256, retries: 2 } as const;
export const METRONOME_DEFAULTS = { cpus: 1, mem: 128, disk: 0, maxLaunchDelay: 3600, startingDeadlineSeconds: 900 } as const;

/** A job name as Chronos takes it (tsmesos is stricter than upstream's regex, which allowed spaces). */
export const JOB_NAME_PATTERN = /^[\w.-]+$/;
