/** The current time, re-read every `intervalMs`, so ages and countdowns tick without new events. */
import { useEffect, useState } from 'react';

export function useNow(intervalMs: number, clock: () => number = Date.now): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, clock]);
  return now;
}
