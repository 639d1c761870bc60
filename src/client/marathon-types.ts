/**
 * Marathon /v2 JSON as the operator CLI and TUI read it (marathon-chronos-api.md §1.1–1.3, §2).
 * Wire names unchanged (camelCase). Only what clients read is typed; every field a server may omit
 * is optional and unknown keys pass through, so an older or newer Marathon never crashes a client.
 */

export interface MarathonTask {
  id: string;
  appId?: string;
  host?: string;
  ports?: number[];
  slaveId?: string;
  state?: string;
  stagedAt?: string;
  startedAt?: string;
  version?: string;
  healthCheckResults?: Array<{ alive?: boolean; consecutiveFailures?: number; lastFailureCause?: string }>;
  [key: string]: unknown;
}

export interface TaskFailure {
  appId?: string;
  host?: string;
  message?: string;
  state?: string;
  taskId?: string;
  timestamp?: string;
  version?: string;
  slaveId?: string;
  [key: string]: unknown;
}

export interface MarathonApp {
  id: string;
  cmd?: string | null;
  args?: string[] | null;
  instances?: number;
  cpus?: number;
  mem?: number;
  disk?: number;
  user?: string;
  env?: Record<string, unknown>;
  labels?: Record<string, string>;
  constraints?: string[][];
  container?: { type?: string; docker?: { image?: string } } & Record<string, unknown>;
  healthChecks?: Array<Record<string, unknown>>;
  version?: string;
  versionInfo?: { lastScalingAt?: string; lastConfigChangeAt?: string };
  tasksStaged?: number;
  tasksRunning?: number;
  tasksHealthy?: number;
  tasksUnhealthy?: number;
  deployments?: Array<{ id: string }>;
  tasks?: MarathonTask[];
  lastTaskFailure?: TaskFailure;
  [key: string]: unknown;
}

/** `{"deploymentId","version"}` answered by every state-changing call. */
export interface DeploymentResult {
  deploymentId: string;
  version?: string;
}

export interface DeploymentAction {
  action: string;
  app?: string;
  pod?: string;
  [key: string]: unknown;
}

export interface Deployment {
  id: string;
  version?: string;
  affectedApps?: string[];
  affectedPods?: string[];
  steps?: Array<{ actions?: DeploymentAction[] }>;
  currentActions?: DeploymentAction[];
  currentStep?: number;
  totalSteps?: number;
  [key: string]: unknown;
}

/** One rejection reason with counts, in `processedOffersSummary.rejectSummary*`. */
export interface RejectSummary {
  reason: string;
  declined?: number;
  processed?: number;
}

export interface UnusedOffer {
  offer?: { id?: string; hostname?: string; agentId?: string; [key: string]: unknown };
  reason?: string[];
  timestamp?: string;
}

/** One `/v2/queue` entry: an app waiting for offers, and why the recent ones did not fit. */
export interface QueueEntry {
  app?: MarathonApp;
  pod?: { id: string };
  count?: number;
  role?: string;
  since?: string;
  delay?: { timeLeftSeconds?: number; overdue?: boolean };
  processedOffersSummary?: {
    processedOffersCount?: number;
    unusedOffersCount?: number;
    lastUnusedOfferAt?: string;
    lastUsedOfferAt?: string;
    rejectSummaryLastOffers?: RejectSummary[];
    rejectSummaryLaunchAttempt?: RejectSummary[];
  };
  lastUnusedOffers?: UnusedOffer[];
  [key: string]: unknown;
}
