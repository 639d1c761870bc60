/**
 * A long-lived watch on the master's operator event stream (`POST /api/v1` SUBSCRIBE, mesos-api.md
 * §3) that survives the master: when the stream breaks, is refused, or goes silent for several
 * heartbeat intervals (a half-open TCP connection never "ends"), it subscribes again after an
 * exponential backoff. Each attempt asks `resolve()` for the address first, so a new leader found
 * by ZooKeeper or a changed config is used; a standby's 307 is followed by `openOperatorStream`.
 * Every new connection starts with a fresh `SUBSCRIBED` snapshot, so no delta is lost across a gap.
 */
import { ClientError } from './client-error.js';
import { type OperatorStream, openOperatorStream } from './operator-stream.js';
import type { OperatorEvent } from './operator-types.js';

export type WatchStatus =
  | { state: 'connecting'; url: string; attempt: number }
  | { state: 'connected'; url: string }
  | { state: 'retrying'; error: string; hint?: string; retryInMs: number; attempt: number };

export interface WatchOptions {
  /** The master base URL to try next; called before every attempt. */
  resolve: () => string | Promise<string>;
  onEvent: (event: OperatorEvent) => void;
  onStatus?: (status: WatchStatus) => void;
  offers?: boolean;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** Reconnect after this many heartbeat intervals without any event (upstream sends one each 15 s). */
  heartbeatGrace?: number;
  /** Injected in tests. */
  open?: typeof openOperatorStream;
  random?: () => number;
}

export interface Watch {
  stop(): void;
}

export const MIN_BACKOFF_MS = 250;
export const MAX_BACKOFF_MS = 8_000;
const DEFAULT_HEARTBEAT_SECONDS = 15;
/** How often silence is checked; cheap, and fine-grained enough for sub-second test heartbeats. */
const WATCHDOG_TICK_MS = 250;

/** Exponential backoff with ±20% jitter, so a fleet of watchers does not reconnect in lockstep. */
export function backoffMs(attempt: number, min = MIN_BACKOFF_MS, max = MAX_BACKOFF_MS, random = Math.random): number {
  const base = Math.min(max, min * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export function watchOperatorEvents(opts: WatchOptions): Watch {
  const open = opts.open ?? openOperatorStream;
  const grace = opts.heartbeatGrace ?? 3;
  let stopped = false;
  let current: OperatorStream | undefined;
  let wake: (() => void) | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => ((wake = undefined), resolve()), ms);
      wake = () => (clearTimeout(timer), (wake = undefined), resolve());
    });

  const once = async (base: string): Promise<{ error: string; hint?: string; subscribed: boolean }> => {
    let last = Date.now();
    let silenceMs = DEFAULT_HEARTBEAT_SECONDS * 1000 * grace;
    let subscribed = false;
    let silent = false;
    const stream = await open(
      base,
      (e) => {
        last = Date.now();
        if (e.type === 'SUBSCRIBED') {
          subscribed = true;
          silenceMs = (e.subscribed.heartbeat_interval_seconds ?? DEFAULT_HEARTBEAT_SECONDS) * 1000 * grace;
        }
        if (!stopped) opts.onEvent(e);
      },
      { offers: opts.offers },
    );
    current = stream;
    if (stopped) stream.close();
    else opts.onStatus?.({ state: 'connected', url: stream.url });
    const dog = setInterval(() => {
      if (Date.now() - last > silenceMs) {
        silent = true;
        stream.close();
      }
    }, WATCHDOG_TICK_MS);
    dog.unref();
    await stream.ended;
    clearInterval(dog);
    current = undefined;
    const error = silent
      ? `no event from ${new URL(stream.url).origin} for ${Math.round(silenceMs / 1000)}s`
      : `the master at ${new URL(stream.url).origin} closed the event stream`;
    return { error, subscribed };
  };

  const loop = async () => {
    let attempt = 0;
    while (!stopped) {
      let outcome: { error: string; hint?: string; subscribed?: boolean };
      try {
        const base = await opts.resolve();
        opts.onStatus?.({ state: 'connecting', url: base, attempt });
        outcome = await once(base);
      } catch (e) {
        outcome = { error: (e as Error).message, hint: e instanceof ClientError ? e.hint : (e as { hint?: string }).hint };
      }
      if (stopped) break;
      attempt = outcome.subscribed ? 1 : attempt + 1;
      const retryInMs = backoffMs(attempt, opts.minBackoffMs, opts.maxBackoffMs, opts.random);
      opts.onStatus?.({ state: 'retrying', error: outcome.error, hint: outcome.hint, retryInMs, attempt });
      await sleep(retryInMs);
    }
  };
  void loop();

  return {
    stop() {
      stopped = true;
      current?.close();
      wake?.();
    },
  };
}
