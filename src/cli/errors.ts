/**
 * CLI error types. A `UserError` is something the user can fix (bad flag, unreachable master): we
 * print its message and hint, no stack trace, exit 1. A `UsageError` exits 2. Anything else is a bug.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'UserError';
    Object.setPrototypeOf(this, UserError.prototype);
  }
}

export class UsageError extends UserError {
  constructor(message: string, hint?: string) {
    super(message, hint, 2);
    this.name = 'UsageError';
    Object.setPrototypeOf(this, UsageError.prototype);
  }
}
