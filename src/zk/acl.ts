/**
 * ACLs (upstream `ZooKeeperServer.checkACL`, `PrepRequestProcessor.fixupACL` and the built-in `world`,
 * `ip`, `digest` and `auth` schemes). A connection's identities start with `ip:<client address>`;
 * `addauth digest user:password` adds `digest:user:<base64 sha1>`. Other schemes (sasl, x509) are not
 * configured here, so ACLs naming them are INVALIDACL and auth packets for them AUTHFAILED.
 * @module
 */
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { KeeperError } from './keeper-error.js';
import { Err } from './wire/protocol.js';
import type { ACL, Id } from './wire/records.js';

/** `digest` ids are `user:` + base64(sha1("user:password")). */
export function digestId(userPassword: string): string {
  const user = userPassword.split(':', 1)[0] ?? '';
  return `${user}:${createHash('sha1').update(userPassword, 'utf8').digest('base64')}`;
}

function validIpExpr(expr: string): boolean {
  const [addr, bits, ...rest] = expr.split('/');
  if (rest.length > 0 || !addr || !isIP(addr)) return false;
  if (bits === undefined) return true;
  const max = isIP(addr) === 4 ? 32 : 128;
  return /^\d+$/.test(bits) && Number(bits) <= max;
}

function ipToBits(addr: string): boolean[] | undefined {
  const v = isIP(addr);
  if (v === 4) return addr.split('.').flatMap((o) => [...Number(o).toString(2).padStart(8, '0')].map((b) => b === '1'));
  return undefined; // IPv6 ACLs match only by exact text below
}

function ipMatches(client: string, expr: string): boolean {
  const [addr, bitsText] = expr.split('/');
  if (!addr) return false;
  if (bitsText === undefined) return client === addr;
  const a = ipToBits(client);
  const b = ipToBits(addr);
  if (!a || !b) return client === addr;
  const bits = Number(bitsText);
  for (let i = 0; i < bits; i++) if (a[i] !== b[i]) return false;
  return true;
}

const VALID: Record<string, (id: string) => boolean> = {
  digest: (id) => id.split(':').length === 2,
  ip: validIpExpr,
};
/** Schemes whose identities count for the `auth` ACL scheme (ip is not an authenticated identity). */
const AUTHENTICATED = new Set(['digest']);

/** Turns the ACL list of a create/setACL into what is stored, or throws INVALIDACL. */
export function fixupAcl(path: string, authInfo: readonly Id[], acl: readonly ACL[]): ACL[] {
  const unique: ACL[] = [];
  for (const a of acl) {
    if (!unique.some((u) => u.perms === a.perms && u.id.scheme === a.id.scheme && u.id.id === a.id.id)) unique.push(a);
  }
  if (unique.length === 0) throw new KeeperError(Err.INVALIDACL, path);
  const out: ACL[] = [];
  for (const a of unique) {
    if (a.id.scheme === 'world' && a.id.id === 'anyone') out.push(a);
    else if (a.id.scheme === 'auth') {
      const ids = authInfo.filter((id) => AUTHENTICATED.has(id.scheme));
      if (ids.length === 0) throw new KeeperError(Err.INVALIDACL, path);
      for (const id of ids) out.push({ perms: a.perms, id: { ...id } });
    } else {
      const valid = VALID[a.id.scheme];
      if (!valid || !valid(a.id.id)) throw new KeeperError(Err.INVALIDACL, path);
      out.push(a);
    }
  }
  return out;
}

/** Throws NOAUTH unless some ACL entry grants one of `perm`'s bits to one of the caller's ids. */
export function checkAcl(acl: readonly ACL[], perm: number, authInfo: readonly Id[]): void {
  if (acl.length === 0) return;
  if (authInfo.some((id) => id.scheme === 'super')) return;
  for (const a of acl) {
    if ((a.perms & perm) === 0) continue;
    if (a.id.scheme === 'world' && a.id.id === 'anyone') return;
    for (const id of authInfo) {
      if (id.scheme !== a.id.scheme) continue;
      if (id.scheme === 'digest' && id.id === a.id.id) return;
      if (id.scheme === 'ip' && ipMatches(id.id, a.id.id)) return;
    }
  }
  throw new KeeperError(Err.NOAUTH);
}

/** Handles an auth packet: the identity to add, or undefined for AUTHFAILED. */
export function authenticate(scheme: string, auth: Buffer, clientIp: string): Id | undefined {
  if (scheme === 'digest') return { scheme: 'digest', id: digestId(auth.toString('utf8')) };
  if (scheme === 'ip') return { scheme: 'ip', id: clientIp };
  return undefined;
}
