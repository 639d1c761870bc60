/**
 * A failed operation with its upstream `KeeperException.Code`. Thrown by the pure layers (prep, reads,
 * ACL checks) and turned into a ReplyHeader.err (or a multi ErrorResult) by the request processor.
 * @module
 */
import type { ErrCode } from './wire/protocol.js';

export class KeeperError extends Error {
  constructor(
    readonly code: ErrCode,
    readonly path?: string,
  ) {
    super(`KeeperErrorCode ${code}${path ? ` for ${path}` : ''}`);
    this.name = 'KeeperError';
    Object.setPrototypeOf(this, KeeperError.prototype);
  }
}
