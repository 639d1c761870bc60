/** The tsmesos version (from package.json) and the upstream Mesos version we speak on the wire. */
import { readFileSync } from 'node:fs';

/** package.json is two levels up from `src/lib/` (vitest) and three from `dist/src/lib/` (built). */
function findPackageJson(): { version: string } {
  for (const rel of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'tsmesos' && typeof pkg.version === 'string') return { version: pkg.version };
    } catch {
      /* not this layout; try the next */
    }
  }
  return { version: '0.0.0' };
}

export const TSMESOS_VERSION = findPackageJson().version;
/** The Mesos release whose wire formats we emulate; clients gate features on it. */
export const MESOS_VERSION = '1.11.0';
