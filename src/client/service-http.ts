/**
 * The JSON-over-HTTP exchange the Marathon and Chronos/Metronome clients share, on top of
 * `request()` (http-request.ts: fetch, manual redirects, transport failures worded as
 * `ClientError`s). What this adds: query strings, JSON bodies, and turning a non-2xx answer into a
 * `ClientError` worded by the API's own error shape (Marathon `{message, details}`, Chronos
 * `ApiResult`), so the operator reads "/instances: must be ≥ 0", not a raw body.
 */
import { ClientError } from './client-error.js';
import { type RawResponse, request } from './http-request.js';
import { pathOf, snippet } from './url-text.js';

export type Query = Record<string, string | number | boolean | string[] | undefined>;

export interface ServiceHttpOptions {
  /** Per request, connect to last byte. */
  timeoutMs?: number;
  /** Told to the operator when the service can not be reached. */
  unreachableHint?: string;
  headers?: Record<string, string>;
}

/** How an API words a non-2xx answer: the message and what to try. */
export type ErrorWording = (e: { status: number; body: string; method: string; path: string; origin: string }) => { message: string; hint?: string };

export interface SendOptions {
  query?: Query;
  /** Sent as `application/json`. */
  json?: unknown;
  accept?: string;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export class ServiceHttp {
  readonly baseUrl: string;

  constructor(
    baseUrl: string,
    /** For messages: "Marathon API", "Chronos API". */
    readonly role: string,
    private readonly opts: ServiceHttpOptions,
    private readonly wording: ErrorWording,
    /** Hint for a 2xx body that is not JSON: "is that address really Marathon?". */
    private readonly notJsonHint: string,
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  url(path: string, query: Query = {}): string {
    const qs: string[] = [];
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined) continue;
      for (const one of Array.isArray(v) ? v : [v]) qs.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(one))}`);
    }
    return `${this.baseUrl}${path}${qs.length ? `?${qs.join('&')}` : ''}`;
  }

  /** One exchange; resolves for 2xx, else throws a `ClientError` worded by the API. */
  async send(method: Method, path: string, o: SendOptions = {}): Promise<RawResponse> {
    const url = this.url(path, o.query);
    try {
      return await request(url, {
        method,
        role: this.role,
        timeoutMs: this.opts.timeoutMs,
        unreachableHint: this.opts.unreachableHint,
        headers: { Accept: o.accept ?? 'application/json', ...this.opts.headers },
        ...(o.json !== undefined ? { body: JSON.stringify(o.json), contentType: 'application/json' } : {}),
      });
    } catch (e) {
      if (!(e instanceof ClientError) || e.kind !== 'status' || e.status === undefined) throw e;
      const { message, hint } = this.wording({ status: e.status, body: e.body ?? '', method, path: pathOf(url), origin: new URL(url).origin });
      throw new ClientError('status', e.url, message, hint, e.status, e.body);
    }
  }

  /** `send`, then the body as JSON (`undefined` for an empty body). */
  async json<T>(method: Method, path: string, o: SendOptions = {}): Promise<T> {
    return parseJsonBody<T>(await this.send(method, path, o), this.role, method, this.notJsonHint);
  }
}

export function parseJsonBody<T>(res: RawResponse, role: string, method: string, hint: string): T {
  if (res.text.trim() === '') return undefined as T;
  try {
    return JSON.parse(res.text) as T;
  } catch {
    const origin = new URL(res.url).origin;
    throw new ClientError('bad-response', res.url, `the ${role} at ${origin} sent a body that is not JSON (${method} ${pathOf(res.url)}: ${snippet(res.text)})`, hint);
  }
}

/** The body as a JSON object, or `undefined` when it is not one (plain text, HTML, empty). */
export function jsonObjectOf(body: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(body) as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `/a b` → `/a%20b`, keeping the slashes of a Marathon path id. */
export function encodePath(id: string): string {
  return id
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}
