/**
 * Keeps one HTTP answer fresh for a view (Marathon's apps, Chronos's jobs): fetch, wait, fetch
 * again. Optionally an event stream triggers the refetch instead (Marathon's `/v2/events`: its
 * events are cache-invalidation signals, marathon-chronos-api.md §3.6), and then polling only
 * heals a missed event. Pokes are coalesced to at most one fetch per `minGapMs`; failures keep the
 * last good data and retry with a growing delay. No React here: the hook (hooks/use-feed.ts) only
 * turns `onChange` into state, so the timing is tested on its own.
 */

export type Feed<T> =
  | { state: 'loading' }
  | { state: 'ok'; data: T; at: number; live: boolean }
  | { state: 'error'; error: string; hint?: string; data?: T; at?: number; retryAt: number; live: boolean };

export interface FeedOptions<T> {
  fetch: (signal: AbortSignal) => Promise<T>;
  /** Refetch this often when nothing triggers it. */
  pollMs: number;
  /** While the trigger stream is attached, refetch this often anyway (default 5 × pollMs). */
  livePollMs?: number;
  /** An event stream whose events trigger a refetch; resolves when it ends, rejects on failure. */
  triggers?: (onEvent: () => void, signal: AbortSignal) => Promise<void>;
  /** At most one fetch per this many ms, however many events arrive. */
  minGapMs: number;
  /** Wait before re-opening a trigger stream that ended or failed. */
  reattachMs?: number;
  onChange: (feed: Feed<T>) => void;
  clock?: () => number;
}

export interface FeedHandle {
  /** Fetch again soon (after an action), without waiting for the poll. */
  refresh(): void;
  stop(): void;
}

export function startFeed<T>(o: FeedOptions<T>): FeedHandle {
  const clock = o.clock ?? Date.now;
  const ac = new AbortController();
  let current: Feed<T> = { state: 'loading' };
  let live = false;
  let poked = false;
  let wake: (() => void) | undefined;

  const emit = (f: Feed<T>) => {
    if (ac.signal.aborted) return;
    current = f;
    o.onChange(f);
  };
  /** Sleeps `ms`, or less when aborted or (if `wakeable`) poked. */
  const sleep = (ms: number, wakeable: boolean) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        ac.signal.removeEventListener('abort', done);
        if (wake === done) wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      ac.signal.addEventListener('abort', done);
      if (wakeable) wake = done;
    });
  const poke = () => {
    poked = true;
    wake?.();
  };
  const setLive = (value: boolean) => {
    if (live === value) return;
    live = value;
    if (current.state !== 'loading') emit({ ...current, live });
  };

  async function poll(): Promise<void> {
    let failures = 0;
    while (!ac.signal.aborted) {
      poked = false;
      const started = clock();
      try {
        const data = await o.fetch(ac.signal);
        failures = 0;
        emit({ state: 'ok', data, at: clock(), live });
      } catch (e) {
        if (ac.signal.aborted) return;
        failures++;
        const delay = Math.min(o.pollMs * 4, 500 * 2 ** (failures - 1));
        const err = e as Error & { hint?: string };
        const last = current.state === 'loading' ? {} : current.data === undefined ? {} : { data: current.data, at: current.at! };
        emit({ state: 'error', error: err.message, ...(err.hint ? { hint: err.hint } : {}), ...last, retryAt: clock() + delay, live });
        await sleep(delay, false);
        continue;
      }
      if (!poked) await sleep(live ? (o.livePollMs ?? o.pollMs * 5) : o.pollMs, true);
      const gap = o.minGapMs - (clock() - started);
      if (gap > 0) await sleep(gap, false);
    }
  }

  async function follow(triggers: NonNullable<FeedOptions<T>['triggers']>): Promise<void> {
    while (!ac.signal.aborted) {
      // The first event (`event_stream_attached`) says the stream is up; refetch then too, to catch
      // up with whatever changed while it was down.
      await triggers(() => {
        setLive(true);
        poke();
      }, ac.signal).catch(() => undefined);
      setLive(false);
      await sleep(o.reattachMs ?? 3000, false);
    }
  }

  void poll();
  if (o.triggers) void follow(o.triggers);
  return {
    refresh: poke,
    stop: () => ac.abort(),
  };
}
