import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authenticate, checkAcl, digestId, fixupAcl } from './acl.js';
import { KeeperError } from './keeper-error.js';
import { Err } from './wire/protocol.js';

const ip = { scheme: 'ip', id: '10.1.2.3' };

describe('ACLs', () => {
  it('digest ids are user:base64(sha1(user:password))', () => {
    // The example id from the ZooKeeper programmer's guide.
    expect(digestId('bob:secret')).toBe(`bob:${createHash('sha1').update('bob:secret').digest('base64')}`);
    expect(authenticate('digest', Buffer.from('bob:secret'), '1.2.3.4')).toEqual({ scheme: 'digest', id: digestId('bob:secret') });
    expect(authenticate('kerberos', Buffer.from('x'), '1.2.3.4')).toBeUndefined();
  });

  it('auth expands to the authenticated identities, never to ip', () => {
    const bob = { scheme: 'digest', id: digestId('bob:pw') };
    expect(fixupAcl('/x', [ip, bob], [{ perms: 31, id: { scheme: 'auth', id: '' } }])).toEqual([{ perms: 31, id: bob }]);
    expect(() => fixupAcl('/x', [ip], [{ perms: 31, id: { scheme: 'auth', id: '' } }])).toThrow(KeeperError);
  });

  it.each([
    [{ scheme: 'digest', id: 'nocolon' }],
    [{ scheme: 'ip', id: '10.0.0.1/33' }],
    [{ scheme: 'ip', id: 'not-an-ip' }],
    [{ scheme: 'sasl', id: 'x' }],
  ])('rejects %j as INVALIDACL', (id) => {
    let err: unknown;
    try {
      fixupAcl('/x', [ip], [{ perms: 31, id }]);
    } catch (e) {
      err = e;
    }
    expect((err as KeeperError).code).toBe(Err.INVALIDACL);
  });

  it('checks permission bits against ip ranges and digests', () => {
    const acl = [
      { perms: 1, id: { scheme: 'ip', id: '10.1.0.0/16' } },
      { perms: 2, id: { scheme: 'digest', id: digestId('bob:pw') } },
    ];
    expect(() => checkAcl(acl, 1, [ip])).not.toThrow();
    expect(() => checkAcl(acl, 2, [ip])).toThrow(KeeperError);
    expect(() => checkAcl(acl, 2, [ip, { scheme: 'digest', id: digestId('bob:pw') }])).not.toThrow();
    expect(() => checkAcl(acl, 1, [{ scheme: 'ip', id: '10.2.0.1' }])).toThrow(KeeperError);
    expect(() => checkAcl([], 31, [])).not.toThrow();
  });
});
