/**
 * Pure rendering for `tsmesos job`: list rows for Chronos and Metronome jobs, run-history rows
 * (the tsmesos history extension, or Metronome runs mapped onto it), and the `job show` page.
 */
import type { ChronosJob, JobRun, JobSummary, MetronomeJob, MetronomeRun } from '../client/chronos-types.js';
import type { Column } from './output/table.js';
import { formatMegabytes, formatScalar } from './output/units.js';
import { formatAgo, formatBetween, parseTime } from './time-text.js';

/** One `job list` row; `--json` prints an array of these. */
export interface JobRow {
  name: string;
  api: 'chronos' | 'metronome';
  /** ISO 8601 schedule, cron (with zone), or `after a, b` for a dependent job. */
  schedule: string;
  /** Last result: `success`, `failure` or `fresh`. */
  status: string;
  /** `idle`, `queued`, `running`… */
  state: string;
  disabled: boolean;
  successCount: number;
  errorCount: number;
  lastRun: string | null;
  command: string;
}

/** Whichever of the two timestamps is later, or null. */
function latest(a: string | null | undefined, b: string | null | undefined): string | null {
  const ta = parseTime(a);
  const tb = parseTime(b);
  if (ta === undefined) return tb === undefined ? null : b!;
  return tb === undefined || ta >= tb ? a! : b!;
}

function lastResult(success: string | null | undefined, error: string | null | undefined): string {
  const s = parseTime(success);
  const e = parseTime(error);
  if (s === undefined && e === undefined) return 'fresh';
  return (s ?? -Infinity) >= (e ?? -Infinity) ? 'success' : 'failure';
}

export function chronosSchedule(j: Pick<ChronosJob, 'schedule' | 'scheduleTimeZone' | 'parents'>): string {
  if (j.parents?.length) return `after ${j.parents.join(', ')}`;
  if (!j.schedule) return '-';
  return j.scheduleTimeZone ? `${j.schedule} (${j.scheduleTimeZone})` : j.schedule;
}

export function chronosRow(j: ChronosJob, summary?: JobSummary): JobRow {
  return {
    name: j.name,
    api: 'chronos',
    schedule: chronosSchedule(j),
    status: summary?.status || lastResult(j.lastSuccess, j.lastError),
    state: summary?.state || 'idle',
    disabled: j.disabled === true,
    successCount: j.successCount ?? 0,
    errorCount: j.errorCount ?? 0,
    lastRun: latest(j.lastSuccess, j.lastError),
    command: (j.command ?? '').replace(/\s+/g, ' '),
  };
}

export function metronomeSchedule(j: MetronomeJob): string {
  if (j.dependencies?.length) return `after ${j.dependencies.map((d) => d.id).join(', ')}`;
  const s = j.schedules?.[0];
  if (!s) return '-';
  return `${s.cron} (${s.timezone ?? 'UTC'})${s.enabled === false ? ' disabled' : ''}`;
}

export function metronomeRow(j: MetronomeJob): JobRow {
  const h = j.historySummary ?? j.history;
  return {
    name: j.id,
    api: 'metronome',
    schedule: metronomeSchedule(j),
    status: lastResult(h?.lastSuccessAt, h?.lastFailureAt),
    state: j.activeRuns?.length ? 'running' : 'idle',
    disabled: j.schedules?.length ? j.schedules.every((s) => s.enabled === false) : false,
    successCount: h?.successCount ?? 0,
    errorCount: h?.failureCount ?? 0,
    lastRun: latest(h?.lastSuccessAt, h?.lastFailureAt),
    command: (j.run?.cmd ?? j.run?.args?.join(' ') ?? (j.run?.docker?.image ? `(image ${j.run.docker.image})` : '')).replace(/\s+/g, ' '),
  };
}

export const JOB_COLUMNS: Column[] = [
  { header: 'NAME' },
  { header: 'SCHEDULE' },
  { header: 'LAST' },
  { header: 'STATE' },
  { header: 'OK', align: 'right' },
  { header: 'FAILED', align: 'right' },
  { header: 'LAST RUN' },
  { header: 'COMMAND' },
];

export function jobCells(r: JobRow, now: number): string[] {
  return [r.name, r.schedule, r.status, r.disabled ? `${r.state} (disabled)` : r.state, String(r.successCount), String(r.errorCount), formatAgo(r.lastRun, now), r.command];
}

/** Metronome's run shapes mapped onto the history extension's (newest first). */
export function metronomeRuns(runs: MetronomeRun[]): JobRun[] {
  const status: Record<string, string> = { SUCCESS: 'success', FAILED: 'failure', ACTIVE: 'running', STARTING: 'running', INITIAL: 'queued' };
  return [...runs]
    .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))
    .map((r) => {
      const last = r.tasks?.at(-1);
      const task = typeof last === 'string' ? { id: last } : last;
      return {
        runId: r.id,
        taskId: task?.id ?? null,
        scheduledAt: r.createdAt ?? null,
        startedAt: task?.startedAt ?? null,
        finishedAt: r.completedAt ?? r.finishedAt ?? task?.completedAt ?? null,
        state: task?.status ?? null,
        status: status[r.status ?? ''] ?? (r.status ?? '').toLowerCase(),
      };
    });
}

export const RUN_COLUMNS: Column[] = [
  { header: 'STARTED' },
  { header: 'STATUS' },
  { header: 'EXIT', align: 'right' },
  { header: 'TRY', align: 'right' },
  { header: 'TRIGGER' },
  { header: 'DURATION', align: 'right' },
  { header: 'HOST' },
  { header: 'MESSAGE' },
  { header: 'TASK', cut: 'middle' },
];

export function runCells(r: JobRun, now: number): string[] {
  const when = r.startedAt ?? r.scheduledAt;
  const running = r.status === 'running';
  return [
    formatAgo(when, now),
    r.status ?? '-',
    r.exitCode === null || r.exitCode === undefined ? '-' : String(r.exitCode),
    r.attempt === undefined ? '-' : String(r.attempt),
    r.trigger ?? '-',
    r.startedAt && (r.finishedAt || running) ? formatBetween(r.startedAt, r.finishedAt, now) : '-',
    r.host ?? '-',
    (r.message ?? '').replace(/\s+/g, ' ') || '-',
    r.taskId ?? '-',
  ];
}

/** The tsmesos `waiting` field of a queued run in the history (why it has not launched yet). */
interface RunWaiting {
  since?: string;
  offersDeclined?: number;
  retryAt?: string;
  reasons?: Array<{ reason: string; at?: string }>;
  summary?: string;
}

/** For each run still waiting to launch: since when, and why the last offers did not fit ('' if none). */
export function waitingText(runs: Array<JobRun & { waiting?: RunWaiting }>, now: number): string {
  const out: string[] = [];
  for (const r of runs) {
    const w = r.waiting;
    if (!w) continue;
    const head = `Run ${r.runId} queued ${formatAgo(w.since, now)}, not launched`;
    if (!w.reasons?.length || w.retryAt) out.push(`${head}: ${w.summary ?? 'waiting'}`);
    else out.push(`${head}: ${w.offersDeclined ?? w.reasons.length} offer(s) declined, latest per host:`, ...w.reasons.map((x) => `  ${x.reason} (${formatAgo(x.at, now)})`));
  }
  return out.length ? `\n${out.join('\n')}\n` : '';
}

/** The key/value part of `job show` for a Chronos job. */
export function chronosDetails(j: ChronosJob, now: number): Array<[string, string]> {
  const kv: Array<[string, string]> = [
    ['command', j.command || '-'],
    [j.parents?.length ? 'runs after' : 'schedule', j.parents?.length ? j.parents.join(', ') : chronosSchedule(j)],
    ['last result', `${lastResult(j.lastSuccess, j.lastError)} (${j.successCount ?? 0} ok, ${j.errorCount ?? 0} failed${j.errorsSinceLastSuccess ? `, ${j.errorsSinceLastSuccess} since the last success` : ''})`],
    ['last success', formatAgo(j.lastSuccess, now)],
    ['last error', formatAgo(j.lastError, now)],
    ['resources', `cpus ${formatScalar(j.cpus ?? 0)}, mem ${formatMegabytes(j.mem ?? 0)}, disk ${formatMegabytes(j.disk ?? 0)}`],
    ['retries', String(j.retries ?? 2)],
    ['concurrent', j.concurrent ? 'yes' : 'no'],
  ];
  if (j.disabled) kv.push(['disabled', 'yes']);
  if (j.owner) kv.push(['owner', j.owner]);
  if (j.description) kv.push(['description', j.description]);
  if (j.container?.image) kv.push(['container', `${j.container.type ?? 'DOCKER'} ${j.container.image}`]);
  return kv;
}

export function metronomeDetails(j: MetronomeJob, now: number): Array<[string, string]> {
  const row = metronomeRow(j);
  const kv: Array<[string, string]> = [
    ['command', row.command || '-'],
    ['schedule', row.schedule],
    ['last result', `${row.status} (${row.successCount} ok, ${row.errorCount} failed)`],
    ['last run', formatAgo(row.lastRun, now)],
    ['resources', `cpus ${formatScalar(j.run?.cpus ?? 1)}, mem ${formatMegabytes(j.run?.mem ?? 128)}, disk ${formatMegabytes(j.run?.disk ?? 0)}`],
  ];
  const s = j.schedules?.[0];
  if (s) kv.push(['policy', `${s.concurrencyPolicy ?? 'ALLOW'}, starting deadline ${s.startingDeadlineSeconds ?? 900}s${s.nextRunAt ? `, next run ${formatAgo(s.nextRunAt, now)}` : ''}`]);
  if (j.description) kv.push(['description', j.description]);
  return kv;
}

export function keyValues(title: string, kv: Array<[string, string]>): string {
  const pad = Math.max(...kv.map(([k]) => k.length));
  return `${[title, ...kv.map(([k, v]) => `  ${k.padEnd(pad)}  ${v}`)].join('\n')}\n`;
}
