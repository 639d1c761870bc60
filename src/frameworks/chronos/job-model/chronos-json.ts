/**
 * Chronos job JSON ⇄ Job (`POST /v1/scheduler/iso8601`, `POST /v1/scheduler/dependency`,
 * `GET /v1/scheduler/jobs`; upstream `JobDeserializer.scala`, `JobSerializer.scala`, the field table
 * of `docs/docs/api.md`). Defaults as Chronos 3: cpus/mem/disk 0.1/128/256 (0 = default), retries 2,
 * shell true, concurrent false. `epsilon` and `async` are accepted and ignored, as 3.x does.
 * Extensions, off unless sent: `concurrencyPolicy` (ALLOW|FORBID|REPLACE) overrides `concurrent`,
 * and `startingDeadlineSeconds` gives a Chronos job the Metronome missed-run deadline.
 * @module
 */
import { ScheduleError } from '../schedule/index.js';
import { readChronosContainer, readConstraints, readEnvironment, readFetch } from './chronos-parts.js';
import { Fields } from './fields.js';
import { isIsoText, parseScheduleText } from './schedule-spec.js';
import { CHRONOS_DEFAULTS, type ConcurrencyPolicy, EMPTY_STATS, JOB_NAME_PATTERN, type Job, type JobSchedule, type JobStats } from './types.js';

export interface ParsedJob {
  job: Job;
  /** Present when the body carried any of the counters (Chronos lets POST copy them across). */
  stats?: JobStats;
}

const STAT_KEYS = ['successCount', 'errorCount', 'lastSuccess', 'lastError', 'errorsSinceLastSuccess'];

const ONE_YEAR_MS = 366 * 24 * 3600 * 1000;
const POLICIES: ConcurrencyPolicy[] = ['ALLOW', 'FORBID', 'REPLACE'];

/**
 * Reads a Chronos job. `endpoint` is the route it came in on: `iso8601` takes a schedule (none =
 * run once now, `R1/<now>/PT24H`), `dependency` takes parents. Throws JobValidationError.
 */
export function parseChronosJob(body: unknown, endpoint: 'iso8601' | 'dependency', now: Date): ParsedJob {
  const f = Fields.root(body);
  f.check();
  const name = f.str('name');
  if (name === undefined) {
    if (!f.has('name')) f.fail('name', 'error.path.missing', "the job's name is missing");
    f.check();
  }
  if (!JOB_NAME_PATTERN.test(name!)) f.fail('name', 'error.pattern', `the job's name is invalid. Allowed names: '${JOB_NAME_PATTERN.source.slice(1, -1)}'`);
  const container = readChronosContainer(f);
  const command = f.str('command');
  if ((command === undefined || command.trim() === '') && !container && !f.issues.some((i) => i.path === '/command')) {
    f.fail('command', 'error.path.missing', `job ${name}: command must not be empty (or give a container image)`);
  }
  const parents = f.strings('parents') ?? [];
  if (parents.some((p) => p === '')) f.fail('parents', 'error.empty.parent', 'parents must not contain an empty name');
  const schedule = readChronosSchedule(f, endpoint, parents.length > 0, now);
  const retries = f.num('retries', { min: 0, integer: true });
  const cpus = f.num('cpus', { min: 0 });
  const mem = f.num('mem', { min: 0 });
  const disk = f.num('disk', { min: 0 });
  const concurrent = f.bool('concurrent');
  const policy = f.str('concurrencyPolicy');
  if (policy !== undefined && !(POLICIES as string[]).includes(policy.toUpperCase())) {
    f.fail('concurrencyPolicy', 'error.expected.policy', `concurrencyPolicy must be ALLOW, FORBID or REPLACE, got '${policy}'`);
  }
  const runAsUser = f.str('runAsUser');
  const job: Job = {
    name: name!,
    origin: 'chronos',
    description: f.str('description') ?? '',
    owner: f.str('owner') ?? '',
    ownerName: f.str('ownerName') ?? '',
    labels: {},
    command: command ?? '',
    shell: f.bool('shell') ?? true,
    arguments: f.strings('arguments') ?? [],
    ...(schedule ? { schedule } : {}),
    parents: endpoint === 'dependency' ? parents : [],
    retry: { max: retries ?? CHRONOS_DEFAULTS.retries },
    cpus: cpus || CHRONOS_DEFAULTS.cpus,
    mem: mem || CHRONOS_DEFAULTS.mem,
    disk: disk || CHRONOS_DEFAULTS.disk,
    ...(container ? { container } : {}),
    env: readEnvironment(f),
    constraints: readConstraints(f),
    fetch: readFetch(f, name!),
    ...(runAsUser ? { runAsUser } : {}),
    disabled: f.bool('disabled') ?? false,
    concurrencyPolicy: policy ? (policy.toUpperCase() as ConcurrencyPolicy) : concurrent ? 'ALLOW' : 'FORBID',
    softError: f.bool('softError') ?? false,
    highPriority: f.bool('highPriority') ?? false,
    maxCompletionTime: f.num('maxCompletionTime', { min: 0 }) ?? 0,
    maxLaunchDelaySeconds: 0,
    executor: f.str('executor') ?? '',
    executorFlags: f.str('executorFlags') ?? '',
    taskInfoData: f.str('taskInfoData') ?? '',
    dataProcessingJobType: f.bool('dataProcessingJobType') ?? false,
  };
  const stats = STAT_KEYS.some((k) => f.has(k)) ? readStats(f) : undefined;
  f.check();
  return { job, ...(stats ? { stats } : {}) };
}

function readChronosSchedule(f: Fields, endpoint: 'iso8601' | 'dependency', hasParents: boolean, now: Date): JobSchedule | undefined {
  const text = f.str('schedule');
  const timeZone = f.str('scheduleTimeZone') ?? '';
  const deadline = f.num('startingDeadlineSeconds', { min: 0 });
  if (endpoint === 'dependency') {
    if (!hasParents) f.fail('parents', 'error.path.missing', 'a dependent job needs parents: a non-empty list of job names');
    if (text !== undefined && text !== '') f.fail('schedule', 'error.schedule.and.parents', 'a job has either a schedule or parents, not both (post scheduled jobs to /iso8601)');
    return undefined;
  }
  if (hasParents) f.fail('parents', 'error.schedule.and.parents', 'a job has either a schedule or parents, not both (post dependent jobs to /dependency)');
  if (text === undefined && f.has('schedule')) return undefined;
  // No schedule: run once now, as upstream does.
  const expression = text === undefined || text === '' ? `R1/${now.toISOString()}/PT24H` : text;
  try {
    const parsed = parseScheduleText(expression, timeZone, now);
    if (parsed.kind === 'iso8601' && parsed.start.getTime() < now.getTime() - ONE_YEAR_MS) {
      f.fail('schedule', 'error.schedule.past', `Scheduled start date '${parsed.start.toISOString()}' is more than 1 year in the past!`);
    }
  } catch (e) {
    if (!(e instanceof ScheduleError)) throw e;
    const own = /^(Cannot parse schedule|Scheduled start date)/.test(e.message);
    f.fail('schedule', 'error.schedule', own ? e.message : `Cannot parse schedule '${expression}' (${e.message})`);
  }
  return {
    id: 'default',
    kind: isIsoText(expression) ? 'iso8601' : 'cron',
    expression: expression.trim(),
    timeZone: timeZone || (isIsoText(expression) ? '' : 'UTC'),
    ...(deadline !== undefined ? { startingDeadlineSeconds: deadline } : {}),
    enabled: true,
  };
}

function readStats(f: Fields): JobStats {
  const ts = (key: 'lastSuccess' | 'lastError'): string => {
    const v = f.str(key) ?? '';
    if (v !== '' && Number.isNaN(Date.parse(v))) f.fail(key, 'error.expected.date', `${key} must be an ISO 8601 timestamp or "", got '${v}'`);
    return v;
  };
  return {
    successCount: f.num('successCount', { min: 0, integer: true }) ?? EMPTY_STATS.successCount,
    errorCount: f.num('errorCount', { min: 0, integer: true }) ?? EMPTY_STATS.errorCount,
    lastSuccess: ts('lastSuccess'),
    lastError: ts('lastError'),
    errorsSinceLastSuccess: f.num('errorsSinceLastSuccess', { min: 0, integer: true }) ?? EMPTY_STATS.errorsSinceLastSuccess,
  };
}

/** A job as Chronos returns it: every field, stats included, and exactly one of schedule/parents. */
export function renderChronosJob(job: Job, stats: JobStats): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: job.name,
    command: job.command,
    shell: job.shell,
    epsilon: 'PT60S',
    executor: job.executor,
    executorFlags: job.executorFlags,
    taskInfoData: job.taskInfoData,
    retries: job.retry.max ?? 0,
    owner: job.owner,
    ownerName: job.ownerName,
    description: job.description,
    successCount: stats.successCount,
    errorCount: stats.errorCount,
    lastSuccess: stats.lastSuccess,
    lastError: stats.lastError,
    cpus: job.cpus,
    disk: job.disk,
    mem: job.mem,
    disabled: job.disabled,
    softError: job.softError,
    dataProcessingJobType: job.dataProcessingJobType,
    errorsSinceLastSuccess: stats.errorsSinceLastSuccess,
    fetch: job.fetch.map((u) => ({ uri: u.uri, executable: u.executable, cache: u.cache, extract: u.extract, ...(u.outputFile ? { output_file: u.outputFile } : {}) })),
    uris: job.fetch.map((u) => u.uri),
    environmentVariables: job.env.map((e) => ({ name: e.name, value: e.value })),
    arguments: job.arguments,
    highPriority: job.highPriority,
    runAsUser: job.runAsUser ?? 'root',
    concurrent: job.concurrencyPolicy === 'ALLOW',
    concurrencyPolicy: job.concurrencyPolicy,
    maxCompletionTime: job.maxCompletionTime,
    constraints: job.constraints.map((c) => [c.attribute, c.operator, c.value]),
  };
  if (job.container) {
    const c = job.container;
    out.container = { type: c.type, image: c.image, network: c.network, ...(c.networkName ? { networkName: c.networkName } : {}), volumes: c.volumes, forcePullImage: c.forcePullImage, parameters: c.parameters };
  }
  if (job.parents.length > 0) out.parents = job.parents;
  else {
    out.schedule = job.schedule?.expression ?? 'R0//PT24H';
    out.scheduleTimeZone = job.schedule?.kind === 'cron' ? job.schedule.timeZone : (job.schedule?.timeZone ?? '');
    if (job.schedule?.startingDeadlineSeconds !== undefined) out.startingDeadlineSeconds = job.schedule.startingDeadlineSeconds;
  }
  return out;
}
