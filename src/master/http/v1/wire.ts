/**
 * v1 protobuf-JSON helpers (upstream `include/mesos/v1/mesos.proto` `TimeInfo`, the `*ID` messages):
 * ids are wrapped as `{value}`, and times are `{nanoseconds}` int64 numbers.
 */
import type { IdV1 } from '../../../protocol/v1/types.js';

export function id(value: string): IdV1 {
  return { value };
}

/** Float seconds → v1 `TimeInfo`; rounded so the JSON number is an integer as int64 requires. */
export function timeInfo(seconds: number): { nanoseconds: number } {
  return { nanoseconds: Math.round(seconds * 1e9) };
}

/** The `ip` part of a libprocess pid `name@ip:port`, or `undefined` when it does not parse. */
export function pidAddress(pid: string): { ip: string; port: number } | undefined {
  const m = /@(.+):(\d+)$/.exec(pid);
  return m === null ? undefined : { ip: m[1]!, port: Number(m[2]) };
}
