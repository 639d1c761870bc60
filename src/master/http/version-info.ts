/**
 * Body of `/version` and the build fields of `/master/state` (upstream `src/version/version.cpp`,
 * fields from `build.cpp`). Clients gate features on `version`, so we report the Mesos release whose
 * wire formats we emulate; our own version goes in `git_tag` where humans look for it.
 */
import { userInfo } from 'node:os';
import { MESOS_VERSION, TSMESOS_VERSION } from '../../lib/version.js';

/** The Mesos release tsmesos speaks on the wire. */
export const EMULATED_MESOS_VERSION = MESOS_VERSION;

export interface VersionInfo {
  version: string;
  build_date: string;
  /** Float seconds since the epoch, as upstream. */
  build_time: number;
  build_user: string;
  git_sha?: string;
  git_branch?: string;
  git_tag?: string;
}

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? '';
  }
}

/** `YYYY-MM-DD HH:MM:SS` in UTC, upstream's `build_date` text form. */
function formatDate(secs: number): string {
  return new Date(secs * 1000).toISOString().replace('T', ' ').slice(0, 19);
}

/**
 * There is no build stamp in a plain `tsc` build, so the build time is the moment this module loaded
 * (process start, near enough); it is captured once so every call reports the same values.
 */
const LOADED_AT = Date.now() / 1000;
const INFO: VersionInfo = {
  version: EMULATED_MESOS_VERSION,
  build_date: formatDate(LOADED_AT),
  build_time: LOADED_AT,
  build_user: currentUser(),
  git_tag: `tsmesos-${TSMESOS_VERSION}`,
};

/** A fresh copy of the version fields, safe for callers to extend (e.g. `/master/state`). */
export function versionInfo(): VersionInfo {
  return { ...INFO };
}
