/**
 * Reconnect backoff for schedulers (mesos-api.md §2.1 rule 3): exponential, capped at 15 s, with
 * jitter so many frameworks do not stampede a newly elected master.
 */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly minMs = 500,
    private readonly maxMs = 15_000,
    private readonly random: () => number = Math.random,
  ) {}

  next(): number {
    const ceiling = Math.min(this.maxMs, this.minMs * 2 ** this.attempt++);
    return ceiling / 2 + (this.random() * ceiling) / 2;
  }

  reset(): void {
    this.attempt = 0;
  }
}
