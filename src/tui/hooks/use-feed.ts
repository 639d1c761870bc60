/**
 * A view's polled data as React state (see feed.ts for the timing). `undefined` when the source
 * is not configured; `refresh` asks for a fetch now, e.g. right after an action succeeded.
 */
import { useEffect, useRef, useState } from 'react';
import { type Feed, type FeedOptions, startFeed } from '../feed.js';

export type FeedSpec<T> = Omit<FeedOptions<T>, 'onChange' | 'clock'>;

export function useFeed<T>(spec: FeedSpec<T> | undefined, clock: () => number = Date.now): { feed?: Feed<T>; refresh: () => void } {
  const [feed, setFeed] = useState<Feed<T> | undefined>(spec ? { state: 'loading' } : undefined);
  const handle = useRef<{ refresh(): void }>(undefined);
  useEffect(() => {
    if (!spec) return;
    const h = startFeed({ ...spec, onChange: setFeed, clock });
    handle.current = h;
    return () => h.stop();
  }, [spec, clock]);
  return { feed, refresh: () => handle.current?.refresh() };
}
