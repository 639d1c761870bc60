/**
 * Keys that fall due at instants: a binary min-heap ordered by (dueAt, insertion order), a map from
 * key to heap slot for O(log n) re-set and delete, and ONE timer armed for the earliest entry.
 *
 * The timer is only re-armed when an earlier entry arrives; a timer left armed for an entry that
 * was since deleted or moved later simply wakes, finds nothing due and re-arms. Delays are capped
 * at 2^31-1 ms (setTimeout's limit, ~24.8 days): a far-future entry wakes the queue once per cap.
 */
import { systemClock, type Clock } from '../../../lib/clock.js';

interface Entry<K> {
  key: K;
  at: number;
  seq: number;
}

const MAX_DELAY = 2 ** 31 - 1;

/** Min-heap of (key, dueAt) with ONE timer armed for the earliest entry, driven by an injectable clock.
 *  Fires every due key in one batch callback (earliest first). */
export class DueQueue<K> {
  private readonly heap: Entry<K>[] = [];
  private readonly slot = new Map<K, number>();
  private seq = 0;
  private timer: { cancel(): void } | undefined;
  private armedAt = Infinity;
  private firing = false;
  private stopped = false;

  constructor(
    private readonly onDue: (due: Array<{ key: K; at: number }>) => void,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Adds `key`, or moves it, to fire at `at` (epoch ms). A time in the past fires on the next turn. */
  set(key: K, at: number): void {
    if (!Number.isFinite(at)) throw new RangeError(`DueQueue.set: due time must be a finite number, got ${at}`);
    const i = this.slot.get(key);
    if (i === undefined) {
      this.heap.push({ key, at, seq: this.seq++ });
      this.slot.set(key, this.heap.length - 1);
      this.up(this.heap.length - 1);
    } else {
      const e = this.heap[i]!;
      const earlier = at < e.at;
      e.at = at;
      e.seq = this.seq++;
      if (earlier) this.up(i);
      else this.down(i);
    }
    this.arm();
  }

  delete(key: K): void {
    const i = this.slot.get(key);
    if (i === undefined) return;
    this.removeAt(i);
  }

  has(key: K): boolean {
    return this.slot.has(key);
  }

  get size(): number {
    return this.heap.length;
  }

  /** The earliest due time, or undefined when empty. */
  nextAt(): number | undefined {
    return this.heap[0]?.at;
  }

  /** Cancels the timer; nothing fires afterwards (entries are kept and can still be inspected). */
  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
    this.timer = undefined;
    this.armedAt = Infinity;
  }

  private arm(): void {
    if (this.stopped || this.firing) return;
    const top = this.heap[0];
    if (!top) return;
    if (this.timer && this.armedAt <= top.at) return; // wakes early at worst, then re-arms
    this.timer?.cancel();
    const delay = Math.min(MAX_DELAY, Math.max(0, top.at - this.clock.now()));
    this.armedAt = this.clock.now() + delay;
    this.timer = this.clock.setTimeout(() => this.fire(), delay);
  }

  private fire(): void {
    this.timer = undefined;
    this.armedAt = Infinity;
    if (this.stopped) return;
    const now = this.clock.now();
    const due: Array<{ key: K; at: number }> = [];
    while (this.heap.length > 0 && this.heap[0]!.at <= now) {
      const top = this.heap[0]!;
      due.push({ key: top.key, at: top.at });
      this.removeAt(0);
    }
    this.firing = true;
    try {
      if (due.length > 0) this.onDue(due);
    } finally {
      this.firing = false;
      this.arm();
    }
  }

  private removeAt(i: number): void {
    const last = this.heap.pop()!;
    this.slot.delete(this.heap.length === i ? last.key : this.heap[i]!.key);
    if (i === this.heap.length) return;
    this.heap[i] = last;
    this.slot.set(last.key, i);
    this.down(i);
    this.up(i);
  }

  private less(a: Entry<K>, b: Entry<K>): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      this.swap(i, p);
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }

  private swap(a: number, b: number): void {
    const h = this.heap;
    [h[a], h[b]] = [h[b]!, h[a]!];
    this.slot.set(h[a]!.key, a);
    this.slot.set(h[b]!.key, b);
  }
}
