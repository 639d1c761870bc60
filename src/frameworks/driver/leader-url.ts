/** Resolving where the leading master is: a fixed URL, a 307's protocol-relative Location, or a detector. */

/** Supplies the base URL (`http://host:port`) of the master to talk to now. */
export type MasterResolver = () => Promise<string>;

export function fixedMaster(url: string): MasterResolver {
  const base = new URL(/^https?:\/\//.test(url) ? url : `http://${url}`);
  return async () => `${base.protocol}//${base.host}`;
}

/**
 * The base URL a 307 points at. Masters send a protocol-relative `Location: //host:port/path`
 * (mesos-api.md §0 "Leadership"), which resolves against the URL we called.
 */
export function redirectBase(location: string, from: string): string | undefined {
  try {
    const u = new URL(location, from);
    return `${u.protocol}//${u.host}`;
  } catch {
    return undefined;
  }
}
