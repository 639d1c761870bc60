/**
 * A run attempt as a v1 TaskInfo (upstream `mesos/MesosTaskBuilder.scala`): name
 * `ChronosTask:<job>`, the Chronos environment (CHRONOS_JOB_NAME, CHRONOS_JOB_OWNER,
 * CHRONOS_JOB_RUN_TIME, CHRONOS_JOB_RUN_ATTEMPT, CHRONOS_RESOURCE_CPU|MEM|DISK, HOST, mesos_task_id;
 * job variables never override these), fetch URIs, the run-as user, and the container passed
 * through as the agent's containerizers read ContainerInfo (DOCKER → docker containerizer, MESOS →
 * mesos containerizer with a Docker image).
 * @module
 */
import type { TaskInfoV1 } from '../../../protocol/v1/types.js';
import type { Job, JobContainer } from '../job-model/types.js';
import type { OfferResource, OfferV1 } from './offer-match.js';
import type { Attempt, JobRun } from './run.js';

/** Scala prints doubles with a fraction (`128.0`); Chronos jobs read these variables. */
function scalaDouble(n: number): string {
  return Number.isInteger(n) ? `${n}.0` : String(n);
}

/** A scalar resource for the task, carrying the offer entry's role/allocation metadata. */
function scalar(offer: OfferV1, name: string, value: number): OfferResource {
  const from = offer.resources.find((r) => r.name === name && (r.scalar?.value ?? 0) >= value) ?? offer.resources.find((r) => r.name === name);
  const { scalar: _s, ranges: _r, set: _set, ...meta } = (from ?? { name }) as OfferResource & { ranges?: unknown; set?: unknown };
  return { ...meta, name, type: 'SCALAR', scalar: { value } };
}

export function containerInfo(c: JobContainer): Record<string, unknown> {
  const volumes = c.volumes.map((v) => ({ container_path: v.containerPath, ...(v.hostPath ? { host_path: v.hostPath } : {}), mode: v.mode }));
  if (c.type === 'MESOS') {
    return { type: 'MESOS', mesos: { image: { type: 'DOCKER', docker: { name: c.image }, cached: !c.forcePullImage } }, volumes };
  }
  return {
    type: 'DOCKER',
    docker: { image: c.image, network: c.network, force_pull_image: c.forcePullImage, privileged: c.privileged, parameters: c.parameters },
    volumes,
    ...(c.network === 'USER' && c.networkName ? { network_infos: [{ name: c.networkName }] } : {}),
  };
}

export function buildTask(job: Job, run: JobRun, attempt: Attempt, taskId: string, offer: OfferV1): TaskInfoV1 {
  const builtin: Array<[string, string]> = [
    ['mesos_task_id', taskId],
    ['CHRONOS_JOB_OWNER', job.owner],
    ['CHRONOS_JOB_NAME', job.name],
    ['CHRONOS_JOB_RUN_TIME', new Date(run.scheduledAt).toISOString()],
    ['CHRONOS_JOB_RUN_ATTEMPT', String(attempt.attempt)],
    ['HOST', offer.hostname],
    ['CHRONOS_RESOURCE_MEM', scalaDouble(job.mem)],
    ['CHRONOS_RESOURCE_CPU', scalaDouble(job.cpus)],
    ['CHRONOS_RESOURCE_DISK', scalaDouble(job.disk)],
  ];
  const names = new Set(builtin.map(([n]) => n));
  const variables = [...builtin.map(([name, value]) => ({ name, value })), ...job.env.filter((e) => !names.has(e.name))];
  const args = run.arguments ?? '';
  const command: Record<string, unknown> = {
    shell: job.shell,
    environment: { variables },
    uris: job.fetch.map((u) => ({ value: u.uri, executable: u.executable, extract: u.extract, cache: u.cache, ...(u.outputFile ? { output_file: u.outputFile } : {}) })),
  };
  if (job.shell) command.value = args ? `${job.command} ${args}` : job.command;
  else {
    if (job.command) command.value = job.command;
    command.arguments = args ? [...job.arguments, ...args.split(/\s+/).filter(Boolean)] : job.arguments;
  }
  if (job.runAsUser) command.user = job.runAsUser;
  const resources = [scalar(offer, 'cpus', job.cpus), scalar(offer, 'mem', job.mem)];
  if (job.disk > 0) resources.push(scalar(offer, 'disk', job.disk));
  const task: TaskInfoV1 = {
    name: `ChronosTask:${job.name}`,
    task_id: { value: taskId },
    agent_id: offer.agent_id,
    resources,
    command,
    labels: { labels: [{ key: 'chronos_run_id', value: run.runId }] },
  };
  if (job.container) task.container = containerInfo(job.container);
  if (job.taskKillGracePeriodSeconds !== undefined) task.kill_policy = { grace_period: { nanoseconds: Math.round(job.taskKillGracePeriodSeconds * 1e9) } };
  return task;
}
