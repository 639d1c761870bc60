/** The tsmesos version (from package.json) and the upstream Mesos version we speak on the wire. */
import { readFileSync } from 'node:fs';

function findPackageJson(): { version: string } {
  for (const rel of ['../../package.json', '../../../package.json']) {
    try {
      return JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { version: string };
    } catch {
      /* try the next layout (src/ under vitest, dist/src/ when built) */
    }
  }
  return { version: '0.0.0' };
}

export const TSMESOS_VERSION = findPackageJson().version;
/** The Mesos release whose wire formats we emulate; clients gate features on it. */
export const MESOS_VERSION = '1.11.0';
