/** Identifier helpers. Upstream master ids are random UUIDs; stream ids too (mesos `newFrameworkId` & co). */
import { randomBytes, randomUUID } from 'node:crypto';

export function uuid(): string {
  return randomUUID();
}

/** 16 random bytes, base64 — the wire form of TaskStatus.uuid in v1 JSON. */
export function statusUuid(): string {
  return randomBytes(16).toString('base64');
}

/** `<prefix>-<n>` with the counter zero-padded to `width` digits, e.g. framework ids `<masterId>-0000`. */
export function padded(prefix: string, n: number, width: number): string {
  return `${prefix}-${String(n).padStart(width, '0')}`;
}
