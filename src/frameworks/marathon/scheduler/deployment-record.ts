/**
 * A running deployment as stored (`deployments/<id>`): the plan's steps plus both sides of the
 * change for the affected apps, so a new leader resumes it at `currentStep` and a rollback can go
 * back to `original`. Apps absent from `target` are being removed; absent from `original`, created.
 * @module
 */
import type { AppDefinition } from '../app-model/types.js';

export type ActionName = 'StartApplication' | 'StopApplication' | 'ScaleApplication' | 'RestartApplication';

export interface DeploymentRecord {
  id: string;
  version: string;
  affectedApps: string[];
  steps: Array<{ actions: Array<{ action: ActionName; app: string }> }>;
  /** Index of the step being run (0-based; steps.length when all done). */
  currentStep: number;
  original: AppDefinition[];
  target: AppDefinition[];
  startedAt: string;
  /** Epoch ms after which the deployment is rolled back (tsmesos `deploymentDeadlineSeconds`). */
  deadlineAt?: number;
  /** Set on the automatic or requested rollback of another deployment. */
  rollbackOf?: string;
}

export function targetOf(d: DeploymentRecord, appId: string): AppDefinition | undefined {
  return d.target.find((a) => a.id === appId);
}

export function originalOf(d: DeploymentRecord, appId: string): AppDefinition | undefined {
  return d.original.find((a) => a.id === appId);
}
