/**
 * One HTTP exchange with a Mesos-style server, on Node's global fetch. Two things upstream clients
 * get wrong and we must not:
 *  - a non-leading master answers `307` with a PROTOCOL-RELATIVE `Location: //leader:5050/path`,
 *    which fetch's automatic redirect handling mangles for POSTs and for some URL parsers, so we use
 *    `redirect: 'manual'` and resolve the Location against the current URL ourselves, keeping the
 *    method and body (307/308 semantics), for at most a few hops;
 *  - failures must say which URL failed and what to try, so every failure becomes a `ClientError`.
 */
import { originOf, pathOf, reasonOf, snippet } from './url-text.js';
import { ClientError } from './client-error.js';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Already-encoded body (form or JSON); `contentType` says which. */
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Whole-exchange limit, connect to last body byte. */
  timeoutMs?: number;
  /** Redirect hops to follow before giving up (Mesos needs one: standby → leader). */
  maxRedirects?: number;
  /** What the server is, for messages: "master", "agent". */
  role?: string;
  /** Appended to "can not reach …" errors: what the operator should try. */
  unreachableHint?: string;
}

export interface RawResponse {
  /** The URL that finally answered (after redirects). */
  url: string;
  status: number;
  headers: Headers;
  text: string;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_REDIRECTS = 3;

/** Performs the request, following redirects by hand; resolves only for 2xx answers. */
export async function request(url: string, opts: RequestOptions = {}): Promise<RawResponse> {
  const method = opts.method ?? 'GET';
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const seen = new Set<string>();
  let current = url;
  for (let hop = 0; ; hop++) {
    seen.add(current);
    const res = await exchange(current, method, opts);
    if (res.status >= 300 && res.status < 400) {
      const next = redirectTarget(current, res, opts.role);
      if (hop >= maxRedirects || seen.has(next)) {
        throw new ClientError(
          'redirect',
          current,
          `${describe(opts.role, current)} kept redirecting (${method} ${pathOf(url)}: ${hop + 1} hops, last to ${next})`,
          'the masters disagree about who leads; wait for leader election to settle, or pass --master=HOST:PORT of the leader',
        );
      }
      current = next;
      continue;
    }
    if (res.status < 200 || res.status >= 300) throw statusError(current, method, res, opts.role);
    return res;
  }
}

/** Like `request`, then parses the body as JSON (an empty body gives `undefined`). */
export async function requestJson<T>(url: string, opts: RequestOptions = {}): Promise<T> {
  const res = await request(url, { ...opts, headers: { Accept: 'application/json', ...opts.headers } });
  if (res.text.trim() === '') return undefined as T;
  try {
    return JSON.parse(res.text) as T;
  } catch {
    throw new ClientError(
      'bad-response',
      res.url,
      `${describe(opts.role, res.url)} sent a body that is not JSON (GET ${pathOf(res.url)}: ${snippet(res.text)})`,
      'is that address really a tsmesos or Mesos master? check --master',
    );
  }
}

async function exchange(url: string, method: string, opts: RequestOptions): Promise<RawResponse> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.body !== undefined && opts.contentType) headers['Content-Type'] = opts.contentType;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  try {
    const res = await fetch(url, {
      method,
      headers,
      body: opts.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { url, status: res.status, headers: res.headers, text: await res.text() };
  } catch (e) {
    throw transportError(url, method, e, timeoutMs, opts);
  }
}

function redirectTarget(current: string, res: RawResponse, role?: string): string {
  const location = res.headers.get('location');
  if (!location) {
    throw new ClientError(
      'redirect',
      current,
      `${describe(role, current)} answered ${res.status} without a Location header`,
      'pass --master=HOST:PORT of the leading master',
    );
  }
  // `new URL('//leader:5050/master/state', 'http://standby:5050/…')` keeps the scheme: exactly the
  // protocol-relative resolution Mesos's Location expects.
  return new URL(location, current).toString();
}

function statusError(url: string, method: string, res: RawResponse, role?: string): ClientError {
  const body = res.text.trim();
  const what = `${describe(role, url)} answered ${res.status} to ${method} ${pathOf(url)}${body ? `: ${snippet(body)}` : ''}`;
  let hint: string | undefined;
  if (res.status === 503) hint = 'no leading master is elected yet; wait a moment, or pass --master=HOST:PORT of the leader';
  else if (res.status === 401 || res.status === 403) hint = 'the master requires credentials; check principal/secret in the config file';
  else if (res.status === 404) hint = 'that address may not be a Mesos master (or it is an older version); check --master';
  return new ClientError('status', url, what, hint, res.status, body);
}

function transportError(url: string, method: string, e: unknown, timeoutMs: number, opts: RequestOptions): ClientError {
  const err = e as { name?: string; message?: string; cause?: unknown };
  const where = `${pathOf(url)}`;
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') {
    return new ClientError(
      'timeout',
      url,
      `${describe(opts.role, url)} did not answer within ${timeoutMs / 1000}s (${method} ${where})`,
      opts.unreachableHint,
    );
  }
  const reason = causeReason(err?.cause) ?? err?.message ?? String(e);
  return new ClientError(
    'unreachable',
    url,
    `can not reach the ${opts.role ?? 'server'} at ${originOf(url)} (${method} ${where}: ${reason})`,
    opts.unreachableHint,
  );
}


/** undici hides the socket error in `cause` (an AggregateError when several addresses were tried). */
function causeReason(cause: unknown): string | undefined {
  const c = cause as { code?: string; message?: string; errors?: Array<{ code?: string }> } | undefined;
  if (!c) return undefined;
  const code = c.code ?? c.errors?.find((x) => x.code)?.code;
  if (code) return reasonOf(code);
  return c.message;
}

function describe(role: string | undefined, url: string): string {
  return `the ${role ?? 'server'} at ${originOf(url)}`;
}



