/** A Chronos without the tsmesos run-history extension (upstream Chronos keeps no run history). */
import { UserError } from './errors.js';

export class NoHistoryError extends UserError {
  constructor(base: string, job: string, status: number | undefined) {
    super(
      `${base} keeps no run history for ${job} (${status ?? '?'} on /v1/scheduler/job/${job}/history)`,
      'run history is a tsmesos chronos extension; upstream Chronos only counts successes and errors (see `tsmesos job show`)',
    );
    this.name = 'NoHistoryError';
    Object.setPrototypeOf(this, NoHistoryError.prototype);
  }
}
