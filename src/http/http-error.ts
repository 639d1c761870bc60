/**
 * The one error type servers throw to answer with a status. Each server's `wrap` renders it in its
 * API's own shape (Mesos plain text, Marathon `{"message"}`, Chronos …).
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Extra headers, e.g. `Location` for a 307 or `Allow` for a 405. */
    readonly headers: Record<string, string> = {},
    /** Structured detail for APIs whose error body carries more than a message (Marathon 422). */
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
    Object.setPrototypeOf(this, HttpError.prototype);
  }
}
