import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Feed, type FeedHandle, startFeed } from './feed.js';

let handle: FeedHandle | undefined;
afterEach(() => {
  handle?.stop();
  vi.useRealTimers();
});

/** A feed over a counter "server"; `fail` makes the next fetches throw. */
function setup(opts: { pollMs?: number; minGapMs?: number; triggers?: (on: () => void, s: AbortSignal) => Promise<void> } = {}) {
  vi.useFakeTimers();
  const seen: Array<Feed<number>> = [];
  let n = 0;
  let failing: Error | undefined;
  const fetch = vi.fn(async () => {
    if (failing) throw failing;
    return ++n;
  });
  handle = startFeed<number>({ fetch, pollMs: opts.pollMs ?? 1000, minGapMs: opts.minGapMs ?? 100, onChange: (f) => seen.push(f), clock: () => Date.now(), ...(opts.triggers ? { triggers: opts.triggers, reattachMs: 500 } : {}) });
  return { seen, fetch, fail: (e?: Error) => (failing = e), last: () => seen.at(-1)! };
}

describe('startFeed', () => {
  it('fetches at once, then every pollMs', async () => {
    const t = setup();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.last()).toMatchObject({ state: 'ok', data: 1, live: false });
    await vi.advanceTimersByTimeAsync(999);
    expect(t.fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.last()).toMatchObject({ state: 'ok', data: 2 });
  });

  it('keeps the last data on failure, says why and when it retries, and backs off', async () => {
    const t = setup();
    await vi.advanceTimersByTimeAsync(0);
    t.fail(Object.assign(new Error('can not reach Marathon at http://m:8080'), { hint: 'is it running?' }));
    await vi.advanceTimersByTimeAsync(1000);
    const at = Date.now();
    expect(t.last()).toEqual({ state: 'error', error: 'can not reach Marathon at http://m:8080', hint: 'is it running?', data: 1, at: expect.any(Number), retryAt: at + 500, live: false });
    await vi.advanceTimersByTimeAsync(500);
    expect(t.last()).toMatchObject({ state: 'error', retryAt: Date.now() + 1000 });
    t.fail(undefined);
    await vi.advanceTimersByTimeAsync(1000);
    expect(t.last()).toMatchObject({ state: 'ok', data: 2 });
  });

  it('refetches on refresh(), but never more often than minGapMs', async () => {
    const t = setup({ pollMs: 10_000, minGapMs: 200 });
    await vi.advanceTimersByTimeAsync(0);
    handle!.refresh();
    handle!.refresh();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.fetch).toHaveBeenCalledTimes(1); // still inside the gap
    await vi.advanceTimersByTimeAsync(200);
    expect(t.fetch).toHaveBeenCalledTimes(2);
    expect(t.last()).toMatchObject({ data: 2 });
  });

  it('lets trigger events drive the refetch, polls slowly while live, and notices when the stream ends', async () => {
    let emit: (() => void) | undefined;
    let end: (() => void) | undefined;
    const triggers = (on: () => void, signal: AbortSignal) =>
      new Promise<void>((resolve) => {
        emit = on;
        end = resolve;
        signal.addEventListener('abort', () => resolve());
      });
    const t = setup({ pollMs: 1000, minGapMs: 50, triggers });
    await vi.advanceTimersByTimeAsync(0);
    emit!(); // event_stream_attached
    await vi.advanceTimersByTimeAsync(50);
    expect(t.last()).toMatchObject({ state: 'ok', live: true });
    const before = t.fetch.mock.calls.length;
    await vi.advanceTimersByTimeAsync(4000); // live: no poll before 5 × pollMs
    expect(t.fetch).toHaveBeenCalledTimes(before);
    emit!();
    emit!();
    await vi.advanceTimersByTimeAsync(50);
    expect(t.fetch).toHaveBeenCalledTimes(before + 1);
    end!();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.last()).toMatchObject({ state: 'ok', live: false });
    await vi.advanceTimersByTimeAsync(500); // re-attached after reattachMs
    emit!();
    await vi.advanceTimersByTimeAsync(50);
    expect(t.last()).toMatchObject({ live: true });
  });

  it('stops fetching and reporting once stopped', async () => {
    const t = setup({ pollMs: 100 });
    await vi.advanceTimersByTimeAsync(0);
    handle!.stop();
    const count = t.seen.length;
    await vi.advanceTimersByTimeAsync(1000);
    expect(t.seen).toHaveLength(count);
    expect(t.fetch).toHaveBeenCalledTimes(1);
  });
});
