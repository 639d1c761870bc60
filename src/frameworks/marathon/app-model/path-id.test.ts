import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ancestorsOf, canonicalPath, fromSafePath, parentOf, pathIdErrors, resolvePath, safePath, toHostname } from './path-id.js';
import { AppValidationError } from './types.js';

describe('path ids', () => {
  it('canonicalises relative and dotted ids', () => {
    expect(canonicalPath('a/b')).toBe('/a/b');
    expect(canonicalPath('/a/./b/../c')).toBe('/a/c');
    expect(canonicalPath('../db', '/prod/web')).toBe('/prod/db');
    expect(canonicalPath('//a//b/')).toBe('/a/b');
    expect(canonicalPath('/x', '/ignored')).toBe('/x');
  });

  it('accepts dotted and dashed segments, rejects bad ones with upstream texts', () => {
    expect(pathIdErrors('/my-app.v1/x0')).toEqual([]);
    expect(pathIdErrors('/a-')).toHaveLength(1);
    expect(pathIdErrors('/a b')[0]).toMatch(/^must fully match regular expression/);
    expect(pathIdErrors('/a/versions')).toEqual(['must not end with any of the following reserved keywords: restart, tasks, versions']);
    expect(pathIdErrors('/')).toEqual(['Path must contain at least one path element']);
  });

  it('canonicalPath throws an AppValidationError at /id', () => {
    try {
      canonicalPath('/Bad');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppValidationError);
      expect((e as AppValidationError).details[0].path).toBe('/id');
    }
  });

  it('parents, ancestors, safe paths and host names', () => {
    expect(parentOf('/a/b/c')).toBe('/a/b');
    expect(parentOf('/a')).toBe('/');
    expect(ancestorsOf('/a/b/c')).toEqual(['/a/b', '/a', '/']);
    expect(safePath('/a/b.c')).toBe('a_b.c');
    expect(fromSafePath('a_b.c')).toBe('/a/b.c');
    expect(toHostname('/prod/web')).toBe('web.prod');
  });

  it('resolution is idempotent and safePath round-trips (property)', () => {
    const seg = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,6}[a-z0-9])?$/);
    fc.assert(
      fc.property(fc.array(fc.oneof(seg, fc.constant('..'), fc.constant('.')), { maxLength: 6 }), fc.boolean(), (segs, abs) => {
        const id = (abs ? '/' : '') + segs.join('/');
        const once = resolvePath(id, '/base/dir');
        expect(resolvePath(once)).toBe(once);
        expect(fromSafePath(safePath(once))).toBe(once);
      }),
    );
  });
});
