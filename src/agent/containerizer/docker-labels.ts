/**
 * How a Docker container is recognised as this agent's (upstream names containers `mesos-<containerId>`,
 * `src/slave/containerizer/docker.cpp`): the name, plus labels carrying the agent, framework,
 * executor and task ids, the work_dir (one agent per work_dir, so it tells containers of two agents on
 * one engine apart) and the limits, which a restarted agent needs to report usage.
 */
import type { ContainerLimits } from './types.js';

export const NAME_PREFIX = 'mesos-';
/** Where the sandbox appears inside the container; MESOS_SANDBOX points here. */
export const SANDBOX_MOUNT = '/mnt/mesos/sandbox';

export const LABELS = {
  workDir: 'tsmesos.work_dir',
  agentId: 'tsmesos.agent_id',
  frameworkId: 'tsmesos.framework_id',
  executorId: 'tsmesos.executor_id',
  taskId: 'tsmesos.task_id',
  containerId: 'tsmesos.container_id',
  cpus: 'tsmesos.cpus',
  memMb: 'tsmesos.mem_mb',
} as const;

export function containerName(containerId: string): string {
  return `${NAME_PREFIX}${containerId}`;
}

export interface OwnerIds {
  workDir: string;
  agentId: string;
  frameworkId: string;
  executorId: string;
  taskId: string;
  containerId: string;
}

export function ownerLabels(ids: OwnerIds, limits: ContainerLimits): Record<string, string> {
  return {
    [LABELS.workDir]: ids.workDir,
    [LABELS.agentId]: ids.agentId,
    [LABELS.frameworkId]: ids.frameworkId,
    [LABELS.executorId]: ids.executorId,
    [LABELS.taskId]: ids.taskId,
    [LABELS.containerId]: ids.containerId,
    [LABELS.cpus]: String(limits.cpus),
    [LABELS.memMb]: String(limits.memMb),
  };
}

/** Limits recorded on a container we started; undefined on a foreign or damaged one. */
export function limitsFromLabels(labels: Record<string, string> | undefined): ContainerLimits | undefined {
  const cpus = Number(labels?.[LABELS.cpus]);
  const memMb = Number(labels?.[LABELS.memMb]);
  return Number.isFinite(cpus) && Number.isFinite(memMb) && labels?.[LABELS.cpus] ? { cpus, memMb } : undefined;
}

/** The Engine API list filter for every container of the agent using `workDir`. */
export function ownedFilter(workDir: string): string {
  return JSON.stringify({ label: [`${LABELS.workDir}=${workDir}`] });
}
