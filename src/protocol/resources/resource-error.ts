/**
 * Error for malformed or impossible resource values (bad `--resources` tokens, invalid v1 JSON,
 * subtracting what is not there), the cases upstream reports as resource validation failures.
 */

/** Thrown for any invalid resource input or impossible arithmetic; callers map it to a 400. */
export class ResourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResourceError';
    Object.setPrototypeOf(this, new.target.prototype);
  }
}
