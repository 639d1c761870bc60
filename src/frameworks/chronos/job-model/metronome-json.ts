/**
 * Metronome JobSpec ⇄ Job (`POST/PUT /v1/jobs[/{id}]`; upstream `JobSpec.scala`, `JobRunSpec.scala`,
 * `schema/jobspec.schema.json`). Defaults: cpus 1 (≥ 0.01), mem 128 (≥ 32), disk 0, maxLaunchDelay
 * 3600, restart NEVER. A job has `cmd`, `args` or an image; at most one schedule; `dependencies`
 * and `schedules` exclude each other. Secrets are refused (tsmesos has no secret store).
 * @module
 */
import { readParameters, readVolumes } from './chronos-parts.js';
import { Fields } from './fields.js';
import { readScheduleSpec, renderScheduleSpec } from './metronome-schedule.js';
import { type ConcurrencyPolicy, type Job, type JobConstraint, type JobContainer, METRONOME_DEFAULTS } from './types.js';

export const METRONOME_ID = /^(([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])\.)*([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])$/;
const OPERATORS: Record<string, JobConstraint['operator']> = { IS: 'EQUALS', EQ: 'EQUALS', EQUALS: 'EQUALS', LIKE: 'LIKE', UNLIKE: 'UNLIKE' };

/** Reads a JobSpec; `pathId` (PUT) must match the body's id when the body has one. */
export function parseJobSpec(body: unknown, now: Date, pathId?: string): Job {
  const f = Fields.root(body);
  f.check();
  const id = f.str('id') ?? (f.has('id') ? undefined : pathId);
  if (id === undefined && !f.has('id')) f.fail('id', 'error.path.missing', 'id is required');
  else if (id !== undefined && !METRONOME_ID.test(id)) f.fail('id', `must fully match regular expression '${METRONOME_ID.source}'`, `id '${id}' is not a valid job id`);
  if (pathId !== undefined && id !== undefined && id !== pathId) f.fail('id', 'Id from the path does not match the id in the body', `id '${id}' differs from the path's '${pathId}'`);
  const run = f.obj('run');
  if (!run && !f.has('run')) f.fail('run', 'error.path.missing', 'run is required');
  const specs = f.objects('schedules');
  if (specs.length > 1) f.fail('schedules', 'Only one schedule supported at the moment', 'Only one schedule supported at the moment');
  const parsed = specs.length === 1 ? readScheduleSpec(specs[0]!, now) : undefined;
  const deps = f.objects('dependencies').flatMap((d) => {
    const dep = d.str('id');
    if (dep === undefined) {
      if (!d.has('id')) d.fail('id', 'error.path.missing', `${d.path('id').slice(1)} is required`);
      return [];
    }
    return [dep];
  });
  if (deps.length > 0 && specs.length > 0) f.fail('dependencies', 'Jobs with dependencies may not have schedules', 'a job may not have both dependencies and schedules');
  const job = run ? readRun(run, id ?? '', f) : undefined;
  f.check();
  job!.description = f.str('description') ?? '';
  job!.labels = f.stringMap('labels') ?? {};
  job!.parents = deps;
  if (parsed) {
    job!.schedule = parsed.schedule;
    job!.concurrencyPolicy = parsed.concurrencyPolicy;
  }
  f.check();
  return job!;
}

function readRun(r: Fields, id: string, root: Fields): Job {
  const cpus = r.num('cpus', { min: 0.01 }) ?? METRONOME_DEFAULTS.cpus;
  const mem = r.num('mem', { min: 32 }) ?? METRONOME_DEFAULTS.mem;
  const disk = r.num('disk', { min: 0 }) ?? METRONOME_DEFAULTS.disk;
  const cmd = r.str('cmd');
  const args = r.strings('args');
  const container = readContainer(r);
  if (!r.has('cmd') && !r.has('args') && !r.has('docker') && !r.has('ucr')) {
    root.fail('run', 'Cmd, docker or ucr image must be specified', 'Cmd, docker or ucr image must be specified');
  }
  if (cmd !== undefined && args !== undefined) r.fail('args', 'AppDefinition must either contain one of \'cmd\' or \'args\'', 'give either run.cmd or run.args, not both');
  const env: Array<{ name: string; value: string }> = [];
  const envObj = r.obj('env');
  for (const k of Object.keys(envObj?.raw ?? {})) {
    const v = envObj!.raw[k];
    if (typeof v === 'string') env.push({ name: k, value: v });
    else envObj!.fail(k, 'error.expected.jsstring', `run.env.${k} must be a string (secrets are not supported)`);
  }
  const secrets = r.obj('secrets');
  if (secrets && Object.keys(secrets.raw).length > 0) r.fail('secrets', 'Secrets are not supported', 'run.secrets: tsmesos has no secret store');
  const fetch = r.objects('artifacts').map((a) => {
    const uri = a.str('uri');
    if (uri === undefined && !a.has('uri')) a.fail('uri', 'error.path.missing', `${a.path('uri').slice(1)} is required`);
    return { uri: uri ?? '', executable: a.bool('executable') ?? false, cache: a.bool('cache') ?? false, extract: a.bool('extract') ?? true };
  });
  const restart = r.obj('restart');
  const policy = (restart?.str('policy') ?? 'NEVER').toUpperCase();
  if (policy !== 'NEVER' && policy !== 'ON_FAILURE') restart!.fail('policy', 'error.expected.enum', `run.restart.policy must be NEVER or ON_FAILURE, got '${policy}'`);
  const deadline = restart?.num('activeDeadlineSeconds', { min: 0 });
  const grace = r.num('taskKillGracePeriodSeconds', { min: 0 });
  const user = r.str('user');
  return {
    name: id,
    origin: 'metronome',
    description: '',
    owner: '',
    ownerName: '',
    labels: {},
    command: cmd ?? (container ? '' : (args?.[0] ?? '')),
    shell: cmd !== undefined,
    arguments: args ?? [],
    parents: [],
    retry: policy === 'ON_FAILURE' ? { ...(deadline !== undefined ? { deadlineSeconds: deadline } : {}) } : { max: 0 },
    cpus,
    mem,
    disk,
    ...(container ? { container } : {}),
    env,
    constraints: readPlacement(r),
    fetch,
    ...(user ? { runAsUser: user } : {}),
    disabled: false,
    concurrencyPolicy: 'ALLOW' as ConcurrencyPolicy,
    softError: false,
    highPriority: false,
    maxCompletionTime: 0,
    maxLaunchDelaySeconds: r.num('maxLaunchDelay', { min: 1 }) ?? METRONOME_DEFAULTS.maxLaunchDelay,
    ...(grace !== undefined ? { taskKillGracePeriodSeconds: grace } : {}),
    executor: '',
    executorFlags: '',
    taskInfoData: '',
    dataProcessingJobType: false,
  };
}

function readContainer(r: Fields): JobContainer | undefined {
  const docker = r.obj('docker');
  const ucr = r.obj('ucr');
  if (docker && ucr) r.fail('docker', 'Either Docker or UCR should be provided, but not both', 'Either Docker or UCR should be provided, but not both');
  const volumes = readVolumes(r);
  if (docker) {
    const image = docker.str('image');
    if (!image) docker.fail('image', 'error.path.missing', 'run.docker.image is required');
    return { type: 'DOCKER', image: image ?? '', network: 'HOST', volumes, forcePullImage: docker.bool('forcePullImage') ?? false, privileged: docker.bool('privileged') ?? false, parameters: readParameters(docker) };
  }
  if (ucr) {
    const image = ucr.obj('image');
    const name = image?.str('id');
    if (!name) (image ?? ucr).fail(image ? 'id' : 'image', 'error.path.missing', 'run.ucr.image.id is required');
    return { type: 'MESOS', image: name ?? '', network: 'HOST', volumes, forcePullImage: image?.bool('forcePull') ?? false, privileged: ucr.bool('privileged') ?? false, parameters: [] };
  }
  return undefined;
}

function readPlacement(r: Fields): JobConstraint[] {
  const placement = r.obj('placement');
  if (!placement) return [];
  return placement.objects('constraints').flatMap((c) => {
    const attribute = c.str('attribute');
    const op = c.str('operator');
    const value = c.str('value') ?? '';
    if (attribute === undefined || op === undefined) {
      if (!c.has('attribute')) c.fail('attribute', 'error.path.missing', `${c.path('attribute').slice(1)} is required`);
      if (!c.has('operator')) c.fail('operator', 'error.path.missing', `${c.path('operator').slice(1)} is required`);
      return [];
    }
    const operator = OPERATORS[op.toUpperCase()];
    if (!operator) {
      c.fail('operator', 'error.expected.enum', `unknown operator '${op}' (use IS, LIKE or UNLIKE)`);
      return [];
    }
    return [{ attribute, operator, value }];
  });
}

/** A JobSpec as Metronome returns it; `schedules` only when embedded (or echoed on create). */
export function renderJobSpec(job: Job, withSchedules: boolean): Record<string, unknown> {
  const run: Record<string, unknown> = { cpus: job.cpus, mem: job.mem, disk: job.disk, gpus: 0 };
  if (job.shell) run.cmd = job.command;
  else if (job.arguments.length > 0 || job.command) run.args = job.arguments.length > 0 ? job.arguments : [job.command];
  if (job.runAsUser) run.user = job.runAsUser;
  run.env = Object.fromEntries(job.env.map((e) => [e.name, e.value]));
  run.artifacts = job.fetch.map((u) => ({ uri: u.uri, executable: u.executable, extract: u.extract, cache: u.cache }));
  const c = job.container;
  if (c?.type === 'DOCKER') run.docker = { image: c.image, forcePullImage: c.forcePullImage, privileged: c.privileged, parameters: c.parameters };
  if (c?.type === 'MESOS') run.ucr = { image: { id: c.image, kind: 'docker', forcePull: c.forcePullImage }, privileged: c.privileged };
  run.volumes = c?.volumes ?? [];
  run.placement = { constraints: job.constraints.map((k) => ({ attribute: k.attribute, operator: k.operator === 'EQUALS' ? 'IS' : k.operator, value: k.value })) };
  run.maxLaunchDelay = job.maxLaunchDelaySeconds || METRONOME_DEFAULTS.maxLaunchDelay;
  run.restart = job.retry.max === 0 ? { policy: 'NEVER' } : { policy: 'ON_FAILURE', ...(job.retry.deadlineSeconds !== undefined ? { activeDeadlineSeconds: job.retry.deadlineSeconds } : {}) };
  if (job.taskKillGracePeriodSeconds !== undefined) run.taskKillGracePeriodSeconds = job.taskKillGracePeriodSeconds;
  run.secrets = {};
  const out: Record<string, unknown> = { id: job.name, description: job.description, labels: job.labels, run };
  if (job.parents.length > 0) out.dependencies = job.parents.map((id) => ({ id }));
  if (withSchedules) out.schedules = job.schedule ? [renderScheduleSpec(job.schedule, job.concurrencyPolicy)] : [];
  return out;
}
