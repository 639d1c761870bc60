/**
 * Upstream stout `Duration` syntax: a decimal number followed by a unit
 * (`ns`, `us`, `ms`, `secs`, `mins`, `hrs`, `days`, `weeks`), e.g. `5secs`, `10mins`, `1.5hrs`.
 * Flags such as `--allocation_interval` and `--offer_timeout` use it, so we parse exactly that.
 */
const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  ms: 1,
  secs: 1000,
  mins: 60_000,
  hrs: 3_600_000,
  days: 86_400_000,
  weeks: 604_800_000,
};

export class DurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DurationError';
    Object.setPrototypeOf(this, DurationError.prototype);
  }
}

/** Parses an upstream duration string into milliseconds. */
export function parseDuration(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-z]+)\s*$/.exec(text);
  if (!m) throw new DurationError(`'${text}' is not a duration (expected e.g. 5secs, 10mins, 100ms)`);
  const unit = UNIT_MS[m[2]!];
  if (unit === undefined) {
    throw new DurationError(`'${text}' has an unknown unit '${m[2]}' (use ns, us, ms, secs, mins, hrs, days or weeks)`);
  }
  return Number(m[1]) * unit;
}

/** Formats milliseconds the way upstream prints durations in `/flags` (largest exact unit). */
export function formatDuration(ms: number): string {
  for (const unit of ['weeks', 'days', 'hrs', 'mins', 'secs', 'ms'] as const) {
    const size = UNIT_MS[unit]!;
    if (ms >= size && Number.isInteger(ms / size)) return `${ms / size}${unit}`;
  }
  if (ms === 0) return '0ns';
  const secs = ms / 1000;
  return `${Number(secs.toFixed(6))}secs`;
}
