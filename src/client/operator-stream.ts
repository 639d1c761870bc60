/**
 * One operator `SUBSCRIBE` connection to a master (`POST /api/v1`, mesos-api.md §3), optionally with
 * the tsmesos offer events (`?x_tsmesos_offers=true`). A standby master answers `307` with a
 * protocol-relative `Location: //leader:5050/api/v1`; we resolve it against the URL we asked and
 * subscribe there, like `request()` does for plain calls. Reconnecting is `operator-watch.ts`'s job.
 */
import { openRecordIOCall } from '../lib/recordio-call.js';
import { ClientError } from './client-error.js';
import { DEFAULT_MAX_REDIRECTS } from './http-request.js';
import type { OperatorEvent } from './operator-types.js';

export interface OperatorStreamOptions {
  /** Ask for `TSMESOS_OFFER` events too (a stock Mesos master ignores the parameter). */
  offers?: boolean;
  maxRedirects?: number;
  headers?: Record<string, string>;
}

export interface OperatorStream {
  /** The URL that finally answered 200 (after redirects): the leader's. */
  readonly url: string;
  /** Resolves when the stream ends for any reason (master gone, network, `close()`). */
  readonly ended: Promise<void>;
  close(): void;
}

/** The subscribe URL for a master base URL (`http://host:port`). */
export function subscribeUrl(baseUrl: string, offers: boolean): string {
  const url = new URL('/api/v1', baseUrl.replace(/\/+$/, '') + '/');
  if (offers) url.searchParams.set('x_tsmesos_offers', 'true');
  return url.toString();
}

/**
 * Opens the stream and resolves once the master answered 200; events then flow to `onEvent` in
 * order. Rejects with a `ClientError` (unreachable, status, redirect) that names the URL.
 */
export async function openOperatorStream(
  baseUrl: string,
  onEvent: (event: OperatorEvent) => void,
  opts: OperatorStreamOptions = {},
): Promise<OperatorStream> {
  const offers = opts.offers ?? false;
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  let url = subscribeUrl(baseUrl, offers);
  for (let hop = 0; ; hop++) {
    const call = openRecordIOCall(url, { type: 'SUBSCRIBE' }, (r) => onEvent(r as OperatorEvent), opts.headers);
    let started: Awaited<typeof call.started>;
    try {
      started = await call.started;
    } catch (e) {
      throw unreachable(url, e);
    }
    if (started.status === 200) return { url, ended: call.ended, close: call.close };
    if (started.status >= 300 && started.status < 400) {
      const location = headerOf(started.headers.location);
      if (!location || hop >= maxRedirects) {
        throw new ClientError(
          'redirect',
          url,
          `the master at ${new URL(url).origin} answered ${started.status} to SUBSCRIBE ${location ? `too often (last to ${location})` : 'without a Location'}`,
          'the masters disagree about who leads; wait for the election to settle, or pass --master=HOST:PORT of the leader',
        );
      }
      url = followLocation(url, location, offers);
      continue;
    }
    const body = (started.body ?? '').trim();
    throw new ClientError(
      'status',
      url,
      `the master at ${new URL(url).origin} answered ${started.status} to SUBSCRIBE${body ? `: ${body.slice(0, 200)}` : ''}`,
      started.status === 503 ? 'no leading master is elected yet; tsmesos top keeps retrying' : 'is that address a Mesos or tsmesos master? check --master',
      started.status,
      body,
    );
  }
}

/**
 * Resolves a (possibly protocol-relative) Location against the URL that answered it. The offers
 * parameter is put back if the master dropped the query string, so the leader still streams offers.
 */
export function followLocation(current: string, location: string, offers: boolean): string {
  const next = new URL(location, current);
  if (offers && !next.searchParams.has('x_tsmesos_offers')) next.searchParams.set('x_tsmesos_offers', 'true');
  return next.toString();
}

function headerOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function unreachable(url: string, e: unknown): ClientError {
  const err = e as { code?: string; message?: string };
  const reason = err.code === 'ECONNREFUSED' ? 'connection refused' : (err.code ?? err.message ?? String(e)).toLowerCase();
  return new ClientError(
    'unreachable',
    url,
    `can not reach the master at ${new URL(url).origin} (SUBSCRIBE: ${reason})`,
    'is `tsmesos master` running there? pass --master=HOST:PORT or set MESOS_MASTER',
  );
}
