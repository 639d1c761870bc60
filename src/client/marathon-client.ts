/**
 * Typed client for Marathon's REST API v2 (`tsmesos marathon`, or a real Marathon 1.x):
 * `/v2/apps` (GET, POST), `/v2/apps/{id}` (GET, PUT, DELETE), `/v2/apps/{id}/restart`,
 * `/v2/apps/{id}/tasks` (GET), `/v2/apps/{id}/tasks/{taskId}` (DELETE), `/v2/tasks`,
 * `/v2/deployments` (GET, DELETE = rollback), `/v2/queue`, `/v2/info`, `/ping`
 * (marathon-chronos-api.md §1). Used by `tsmesos app`, the TUI and tests; never imports server code.
 * Failures are `ClientError`s whose message renders Marathon's own error body (422 details as
 * `  /path: error` lines) and whose hint says what to try.
 */
import type { RawResponse } from './http-request.js';
import { wordMarathonError } from './marathon-errors.js';
import type { Deployment, DeploymentResult, MarathonApp, MarathonTask, QueueEntry } from './marathon-types.js';
import { ServiceHttp, type ServiceHttpOptions, encodePath, parseJsonBody } from './service-http.js';

export type MarathonClientOptions = ServiceHttpOptions;

export const DEFAULT_MARATHON_UNREACHABLE_HINT = 'is `tsmesos marathon` running there? pass --marathon=HOST:PORT or set TSMESOS_MARATHON';

/** What creating an app answers: the app (zero counts) and the deployment that starts it. */
export interface CreatedApp {
  app: MarathonApp;
  deploymentId?: string;
}

export interface KillOptions {
  /** Lower `instances` too, so the task is not replaced. */
  scale?: boolean;
  /** Also forget the task's reservation (resident tasks). */
  wipe?: boolean;
  force?: boolean;
}

/** A Marathon path id in canonical form: `test` → `/test`, `a/b/` → `/a/b`. */
export function canonicalAppId(id: string): string {
  const trimmed = id.trim().replace(/\/+$/, '');
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

export class MarathonClient {
  private readonly http: ServiceHttp;

  constructor(baseUrl: string, opts: MarathonClientOptions = {}) {
    this.http = new ServiceHttp(
      baseUrl,
      'Marathon API',
      { unreachableHint: DEFAULT_MARATHON_UNREACHABLE_HINT, ...opts },
      (e) => wordMarathonError(e, 'Marathon', 'app'),
      'is that address really Marathon (or `tsmesos marathon`)? check --marathon',
    );
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  /** `GET /v2/apps` with `embed` (e.g. `apps.tasks`, `apps.lastTaskFailure`) and filters. */
  async apps(query: { embed?: string[]; id?: string; cmd?: string; label?: string } = {}): Promise<MarathonApp[]> {
    return (await this.http.json<{ apps?: MarathonApp[] }>('GET', '/v2/apps', { query }))?.apps ?? [];
  }

  /** `GET /v2/apps/{id}`: tasks, counts, deployments and lastTaskFailure are always embedded. */
  async app(id: string, embed: string[] = []): Promise<MarathonApp> {
    const body = await this.http.json<{ app: MarathonApp }>('GET', `/v2/apps${encodePath(canonicalAppId(id))}`, { query: { embed } });
    return body.app;
  }

  /** `POST /v2/apps`: 201 with the app and the `Marathon-Deployment-Id` header. */
  async createApp(definition: unknown, force = false): Promise<CreatedApp> {
    const res = await this.http.send('POST', '/v2/apps', { json: definition, query: { force: force || undefined } });
    const app = this.parse<MarathonApp>(res, 'POST');
    return { app, deploymentId: deploymentIdOf(res, app) };
  }

  /**
   * `PUT /v2/apps/{id}` (upsert; with `partialUpdate` left at Marathon's default, absent fields keep
   * their values). `{"instances":N}` scales; `{"version":ts}` rolls back to a stored version.
   */
  async updateApp(id: string, body: unknown, opts: { force?: boolean; partialUpdate?: boolean } = {}): Promise<DeploymentResult> {
    const res = await this.http.send('PUT', `/v2/apps${encodePath(canonicalAppId(id))}`, {
      json: body,
      query: { force: opts.force || undefined, partialUpdate: opts.partialUpdate },
    });
    return this.deployment(res, 'PUT');
  }

  /** `POST /v2/apps/{id}/restart`: a rolling restart (same definition, new version). */
  async restartApp(id: string, force = false): Promise<DeploymentResult> {
    const res = await this.http.send('POST', `/v2/apps${encodePath(canonicalAppId(id))}/restart`, { query: { force: force || undefined } });
    return this.deployment(res, 'POST');
  }

  /** `DELETE /v2/apps/{id}`: stopping and removing the app is itself a deployment. */
  async deleteApp(id: string, force = false): Promise<DeploymentResult> {
    const res = await this.http.send('DELETE', `/v2/apps${encodePath(canonicalAppId(id))}`, { query: { force: force || undefined } });
    return this.deployment(res, 'DELETE');
  }

  async appTasks(id: string): Promise<MarathonTask[]> {
    return (await this.http.json<{ tasks?: MarathonTask[] }>('GET', `/v2/apps${encodePath(canonicalAppId(id))}/tasks`))?.tasks ?? [];
  }

  /** `GET /v2/tasks`: every task of every app. */
  async tasks(): Promise<MarathonTask[]> {
    return (await this.http.json<{ tasks?: MarathonTask[] }>('GET', '/v2/tasks'))?.tasks ?? [];
  }

  /**
   * `DELETE /v2/apps/{appId}/tasks/{taskId}`: without `scale` Marathon replaces the task; with it,
   * the answer is a deployment result instead of `{"task"}`.
   */
  async killTask(appId: string, taskId: string, opts: KillOptions = {}): Promise<{ task?: MarathonTask; deployment?: DeploymentResult }> {
    const res = await this.http.send('DELETE', `/v2/apps${encodePath(canonicalAppId(appId))}/tasks/${encodeURIComponent(taskId)}`, {
      query: { scale: opts.scale || undefined, wipe: opts.wipe || undefined, force: opts.force || undefined },
    });
    const body = this.parse<{ task?: MarathonTask; deploymentId?: string; version?: string }>(res, 'DELETE');
    if (body?.deploymentId) return { deployment: { deploymentId: body.deploymentId, version: body.version } };
    return { task: body?.task };
  }

  /** `GET /v2/deployments`: only running deployments; a finished one disappears. */
  async deployments(): Promise<Deployment[]> {
    return (await this.http.json<Deployment[]>('GET', '/v2/deployments')) ?? [];
  }

  /**
   * `DELETE /v2/deployments/{id}`: rolls the deployment back (a new deployment, returned); with
   * `force`, Marathon only cancels it (202, no body) and this returns `undefined`.
   */
  async rollback(deploymentId: string, force = false): Promise<DeploymentResult | undefined> {
    const res = await this.http.send('DELETE', `/v2/deployments/${encodeURIComponent(deploymentId)}`, { query: { force: force || undefined } });
    if (res.text.trim() === '') return undefined;
    return this.deployment(res, 'DELETE');
  }

  /** `GET /v2/queue?embed=lastUnusedOffers`: what waits for offers, and why recent offers did not fit. */
  async queue(): Promise<QueueEntry[]> {
    return (await this.http.json<{ queue?: QueueEntry[] }>('GET', '/v2/queue', { query: { embed: 'lastUnusedOffers' } }))?.queue ?? [];
  }

  async info(): Promise<Record<string, unknown>> {
    return this.http.json('GET', '/v2/info');
  }

  private parse<T>(res: RawResponse, method: string): T {
    return parseJsonBody<T>(res, 'Marathon API', method, 'is that address really Marathon? check --marathon');
  }

  private deployment(res: RawResponse, method: string): DeploymentResult {
    const body = this.parse<Partial<DeploymentResult> | undefined>(res, method);
    return { deploymentId: body?.deploymentId ?? res.headers.get('marathon-deployment-id') ?? '', version: body?.version };
  }
}

function deploymentIdOf(res: RawResponse, app: MarathonApp | undefined): string | undefined {
  return res.headers.get('marathon-deployment-id') ?? app?.deployments?.[0]?.id ?? undefined;
}
