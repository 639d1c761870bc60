import { systemClock, type Clock } from '../../../lib/clock.js';

/** Min-heap of (key, dueAt) with ONE timer armed for the earliest entry. */
export class DueQueue<K> {
  constructor(private readonly onDue: (due: Array<{ key: K; at: number }>) => void, private readonly clock: Clock = systemClock) {}
  set(key: K, at: number): void { void key; void at; }
  delete(key: K): void { void key; }
  get size(): number { return 0; }
  nextAt(): number | undefined { return undefined; }
  stop(): void {}
}
