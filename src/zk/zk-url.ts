/**
 * ZooKeeper URLs as the Mesos flags take them (`--zk`, agent `--master`; upstream
 * `src/zookeeper/url.cpp` and `MasterDetector::create`): `zk://host1:2181,host2:2181/path`,
 * `zk://user:pass@host1:2181/path` (digest credentials), or `file:///some/file` whose content is
 * one of those. The path is where masters meet (`/mesos`); without one it is `/`.
 * @module
 */
import { readFileSync } from 'node:fs';

export interface ZkUrl {
  /** Comma-separated `host:port` list, as ZooKeeper clients take it. */
  servers: string;
  /** Absolute znode path, no trailing slash (except the root `/`). */
  path: string;
  /** `user:password` for the `digest` scheme, when the URL carried credentials. */
  digest?: string;
  /** The URL for logs and messages, with any password masked. */
  display: string;
}

/** A URL that is not a usable ZooKeeper URL; the message says what is wrong with it. */
export class ZkUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZkUrlError';
  }
}

/** Whether a `--master`/`--zk` value means ZooKeeper (rather than `host:port`). */
export function isZkUrl(value: string): boolean {
  return /^(zk|file):\/\//i.test(value.trim());
}

/**
 * Parses a ZooKeeper URL. `file://` is read once (upstream re-reads nothing either) and must
 * hold a `zk://` URL; a file that points to another file is refused rather than followed.
 */
export function parseZkUrl(raw: string, readFile: (path: string) => string = (p) => readFileSync(p, 'utf8')): ZkUrl {
  let text = raw.trim();
  if (/^file:\/\//i.test(text)) {
    const path = text.slice('file://'.length);
    try {
      text = readFile(path).trim();
    } catch (e) {
      throw new ZkUrlError(`can not read ZooKeeper URL file ${path}: ${(e as Error).message}`);
    }
    if (!/^zk:\/\//i.test(text)) throw new ZkUrlError(`${path} must contain a zk://host:port/path URL, not ${JSON.stringify(text.slice(0, 80))}`);
  }
  if (!/^zk:\/\//i.test(text)) throw new ZkUrlError(`${JSON.stringify(raw)} is not a ZooKeeper URL (zk://host:port[,host:port]/path)`);
  let rest = text.slice('zk://'.length);
  const slash = rest.indexOf('/');
  let path = slash < 0 ? '/' : rest.slice(slash);
  rest = slash < 0 ? rest : rest.slice(0, slash);
  let digest: string | undefined;
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    digest = rest.slice(0, at);
    rest = rest.slice(at + 1);
    if (!/^[^:]+:.*$/.test(digest)) throw new ZkUrlError(`ZooKeeper credentials must be user:password in ${maskPassword(text)}`);
  }
  const servers = rest.split(',').map((h) => {
    const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._-]+)(?::(\d{1,5}))?$/.exec(h.trim());
    if (!m || (m[2] !== undefined && !(Number(m[2]) >= 1 && Number(m[2]) <= 65535))) {
      throw new ZkUrlError(`bad ZooKeeper server ${JSON.stringify(h)} in ${maskPassword(text)} (want host:port[,host:port])`);
    }
    return `${m[1]}:${m[2] ?? 2181}`;
  }).join(',');
  path = path.replace(/\/+$/, '') || '/';
  if (/\/\//.test(path) || path.split('/').some((p) => p === '.' || p === '..')) throw new ZkUrlError(`bad ZooKeeper path ${JSON.stringify(path)}`);
  return { servers, path, ...(digest !== undefined ? { digest } : {}), display: maskPassword(`zk://${digest !== undefined ? `${digest}@` : ''}${servers}${path}`) };
}

function maskPassword(url: string): string {
  return url.replace(/^(zk:\/\/[^:@/]+:)[^@/]*@/i, '$1****@');
}

/** `parent` + `/` + `child`, without doubling the slash under the root. */
export function znodePath(parent: string, child: string): string {
  return parent === '/' ? `/${child}` : `${parent}/${child}`;
}
