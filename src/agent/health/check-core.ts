/**
 * The pure core of a generalized check, reproducing upstream's `Checker` (`src/checks/checker.cpp`):
 * a result becomes a `CheckStatusInfo`, an attempt that could not run becomes the empty status of
 * its type, and only a *different* status is passed on. The comparison starts from the empty status
 * the task already reported, so an early failure is not news but the first real result is.
 */
import type { CheckStatusInfoV1, ProbeResult } from './types.js';

/** `{type, command: {}}` and friends: "no result yet" or "the check could not run". */
export function emptyCheckStatus(type: CheckStatusInfoV1['type']): CheckStatusInfoV1 {
  switch (type) {
    case 'COMMAND':
      return { type, command: {} };
    case 'HTTP':
      return { type, http: {} };
    case 'TCP':
      return { type, tcp: {} };
  }
}

export function checkStatusOf(type: CheckStatusInfoV1['type'], result: ProbeResult): CheckStatusInfoV1 {
  return result.ok ? result.status : emptyCheckStatus(type);
}

export function sameCheckStatus(a: CheckStatusInfoV1, b: CheckStatusInfoV1): boolean {
  return (
    a.type === b.type &&
    a.command?.exit_code === b.command?.exit_code &&
    a.http?.status_code === b.http?.status_code &&
    a.tcp?.succeeded === b.tcp?.succeeded
  );
}

export interface CheckStep {
  status: CheckStatusInfoV1;
  /** True when the executor must send a TASK_RUNNING update with this `check_status`. */
  changed: boolean;
}

export function stepCheck(previous: CheckStatusInfoV1, result: ProbeResult): CheckStep {
  const status = checkStatusOf(previous.type, result);
  return { status, changed: !sameCheckStatus(previous, status) };
}
