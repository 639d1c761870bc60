/**
 * Typed client for a Mesos (or tsmesos) master: the legacy read endpoints `/master/state`,
 * `/master/state-summary`, `/master/frameworks`, `/master/slaves`, `/master/tasks`, the form-encoded
 * `POST /master/teardown`, `/metrics/snapshot`, and operator API calls on `POST /api/v1`
 * (mesos-api.md §1, §3). Used by the CLI, the TUI and tests, so it never imports server code.
 * A standby master's 307 to the leader is followed transparently (see http-request.ts). With
 * `locate` (a ZooKeeper leader lookup, supplied by the CLI so this layer stays server-free) the
 * leader's address is found before the first request.
 */
import { type RequestOptions, request, requestJson } from './http-request.js';
import type {
  MasterFrameworks,
  MasterSlaves,
  MasterState,
  MasterStateSummary,
  MasterTasks,
  MetricsSnapshot,
} from './legacy-types.js';

export interface MasterClientOptions {
  /** Per request, connect to last byte. */
  timeoutMs?: number;
  maxRedirects?: number;
  /** Extra headers on every request (e.g. `Authorization`). */
  headers?: Record<string, string>;
  /** What to tell the operator when the master can not be reached. */
  unreachableHint?: string;
  /**
   * Finds the leading master's `http://host:port` once, before the first request (e.g. through
   * ZooKeeper); should reject with a `ClientError` saying what went wrong.
   */
  locate?: () => Promise<string>;
}

export interface TasksQuery {
  framework_id?: string;
  task_id?: string;
  /** Upstream default 100; `-1` returns every task. */
  limit?: number;
  offset?: number;
  order?: 'asc' | 'desc';
}

/** An operator API call body: `{"type":"GET_HEALTH"}` plus its snake_case payload. */
export interface OperatorCall {
  type: string;
  [payload: string]: unknown;
}

export const DEFAULT_UNREACHABLE_HINT =
  'is `tsmesos master` running there? pass --master=HOST:PORT or set MESOS_MASTER';

export class MasterClient {
  /** `http://host:port`, no trailing slash (until `locate` has run: whatever it was built with). */
  baseUrl: string;
  private located?: Promise<string>;

  constructor(
    baseUrl: string,
    private readonly opts: MasterClientOptions = {},
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  state(): Promise<MasterState> {
    return this.get('/master/state');
  }

  stateSummary(): Promise<MasterStateSummary> {
    return this.get('/master/state-summary');
  }

  frameworks(query: { framework_id?: string } = {}): Promise<MasterFrameworks> {
    return this.get('/master/frameworks', query);
  }

  slaves(query: { slave_id?: string } = {}): Promise<MasterSlaves> {
    return this.get('/master/slaves', query);
  }

  tasks(query: TasksQuery = {}): Promise<MasterTasks> {
    return this.get('/master/tasks', query);
  }

  metricsSnapshot(): Promise<MetricsSnapshot> {
    return this.get('/metrics/snapshot');
  }

  /**
   * Tears a framework down: every task is killed and the framework can never re-register with the
   * same id. Upstream takes a form body, not JSON; a 400 means the id is unknown or missing.
   */
  async teardown(frameworkId: string): Promise<void> {
    await request(await this.url('/master/teardown'), {
      ...this.base(),
      method: 'POST',
      body: new URLSearchParams({ frameworkId }).toString(),
      contentType: 'application/x-www-form-urlencoded',
    });
  }

  /** One operator API v1 call; mutating calls answer 200/202 with no body, giving `undefined`. */
  async call<T = unknown>(body: OperatorCall): Promise<T | undefined> {
    return requestJson<T | undefined>(await this.url('/api/v1'), {
      ...this.base(),
      method: 'POST',
      body: JSON.stringify(body),
      contentType: 'application/json',
    });
  }

  private async get<T>(path: string, query: object = {}): Promise<T> {
    return requestJson<T>(await this.url(path, query), this.base());
  }

  private async url(path: string, query: object = {}): Promise<string> {
    if (this.opts.locate) {
      this.located ??= this.opts.locate().then((u) => (this.baseUrl = u.replace(/\/+$/, '')));
      await this.located;
    }
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
    const qs = params.toString();
    return `${this.baseUrl}${path}${qs ? `?${qs}` : ''}`;
  }

  private base(): RequestOptions {
    return {
      role: 'master',
      timeoutMs: this.opts.timeoutMs,
      maxRedirects: this.opts.maxRedirects,
      headers: this.opts.headers,
      unreachableHint: this.opts.unreachableHint ?? DEFAULT_UNREACHABLE_HINT,
    };
  }
}
