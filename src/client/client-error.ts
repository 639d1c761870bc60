/**
 * The one error type our HTTP clients throw. It always names the URL that failed and carries a hint
 * saying what to try next, because the operator usually only sees this message (the CLI prints
 * `message` + `hint` verbatim). The client layer must not depend on `cli/`, so this is not a
 * `UserError`; the CLI wraps it in one.
 */
export type ClientErrorKind =
  /** TCP connect failed: nothing listens there, or the host does not resolve. */
  | 'unreachable'
  /** No answer within the time limit. */
  | 'timeout'
  /** The server answered with a non-2xx status (after following redirects). */
  | 'status'
  /** Redirect loop, too many hops, or a 3xx without a usable Location. */
  | 'redirect'
  /** A 2xx whose body was not the JSON we expected. */
  | 'bad-response';

export class ClientError extends Error {
  constructor(
    readonly kind: ClientErrorKind,
    /** The URL whose request failed (the last hop when redirects were followed). */
    readonly url: string,
    message: string,
    readonly hint?: string,
    /** HTTP status for `kind === 'status'`. */
    readonly status?: number,
    /** The response body (trimmed) for `kind === 'status'`: Mesos puts its reason there as plain text. */
    readonly body?: string,
  ) {
    super(message);
    this.name = 'ClientError';
    Object.setPrototypeOf(this, ClientError.prototype);
  }
}
