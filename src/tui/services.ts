/**
 * What the TUI needs from the outside world, behind one interface so the App can be rendered in
 * tests with a scripted fake (style-guide convention 5): the operator event stream, the operator
 * `TEARDOWN` call and the `X_TSMESOS_KILL_TASK` extension, following a sandbox file of a task, and,
 * when configured, Marathon's apps and Chronos's jobs.
 */
import type { OperatorEvent } from '../client/operator-types.js';
import type { WatchStatus } from '../client/operator-watch.js';
import type { ChronosJobs, MarathonApp } from './state/service-types.js';
import type { SandboxFile } from './state/ui.js';

export interface OutputTarget {
  frameworkId: string;
  taskId: string;
  file: SandboxFile;
}

export interface OutputSink {
  data(chunk: Buffer): void;
  /** Progress or trouble to show under the pane ("waiting for the sandbox…"). */
  note(text: string, error?: boolean): void;
  /** The file was truncated or replaced: drop what was shown. */
  reset(): void;
}

export interface KillTarget {
  taskId: string;
  frameworkId: string;
  agentId: string;
}

/** Marathon mode, as the Apps view uses it. Failures reject with an Error (and `hint`) saying why. */
export interface MarathonSource {
  /** `http://host:8080`, for the view's header. */
  url: string;
  /** `GET /v2/apps?embed=apps.counts&embed=apps.deployments`. */
  apps(signal: AbortSignal): Promise<MarathonApp[]>;
  /**
   * Follows `GET /v2/events` (SSE), calling `onEvent` with each event's type (the first is
   * `event_stream_attached`); resolves when the stream ends, rejects when it can not be opened.
   */
  events(onEvent: (eventType: string) => void, signal: AbortSignal): Promise<void>;
  /** `PUT /v2/apps/{id}` `{"instances":n}`. */
  scale(appId: string, instances: number): Promise<{ deploymentId?: string }>;
  /** `POST /v2/apps/{id}/restart`. */
  restart(appId: string): Promise<{ deploymentId?: string }>;
}

/** Chronos mode, as the Jobs view uses it. */
export interface ChronosSource {
  url: string;
  /** `GET /v1/scheduler/jobs/summary` and `GET /v1/scheduler/jobs`. */
  jobs(signal: AbortSignal): Promise<ChronosJobs>;
  /** `PUT /v1/scheduler/job/{name}`: run now. */
  runNow(name: string): Promise<void>;
}

export interface TopServices {
  /** Starts following the operator stream; returns a function that stops it. */
  watch(handlers: { onEvent: (e: OperatorEvent) => void; onStatus: (s: WatchStatus) => void }): () => void;
  /** Operator `TEARDOWN` of one framework; rejects with an error whose message says why. */
  teardown(frameworkId: string): Promise<void>;
  /** Operator `X_TSMESOS_KILL_TASK` of one task; resolves once the master has sent the kill. */
  killTask(target: KillTarget): Promise<void>;
  /** Streams a sandbox file into `sink` until `signal` aborts or the task ends. */
  followOutput(target: OutputTarget, sink: OutputSink, signal: AbortSignal): Promise<void>;
  /** Absent when top was not told where Marathon is: the Apps view says how to configure it. */
  marathon?: MarathonSource;
  chronos?: ChronosSource;
}
