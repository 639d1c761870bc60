/**
 * Misuse of the allocator by its caller (adding an agent or framework twice, a non-positive
 * weight): upstream CHECK-fails on these; we throw so the master can report a bug, not crash.
 */

/** Thrown when the master drives the allocator inconsistently or passes invalid settings. */
export class AllocatorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AllocatorError';
    Object.setPrototypeOf(this, new.target.prototype);
  }
}
