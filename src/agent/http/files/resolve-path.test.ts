import { describe, expect, it } from 'vitest';
import {
  attachmentKey,
  attachmentTable,
  decodingChain,
  isInside,
  MAX_PATH_LENGTH,
  resolveRequestPath,
  splitRequestPath,
  type Attachment,
} from './resolve-path.js';

const SANDBOX = '/work/slaves/S0/frameworks/F0/executors/e1/runs/c1';
const VIRTUAL = '/frameworks/F0/executors/e1/runs/latest';
const table = attachmentTable([
  { name: SANDBOX, root: SANDBOX, kind: 'dir' },
  { name: '/work/slaves/S0/frameworks/F0/executors/e1/runs/latest', root: SANDBOX, kind: 'dir' },
  { name: VIRTUAL, root: SANDBOX, kind: 'dir' },
  { name: '/slave/log', root: '/var/log/agent.log', kind: 'file' },
]);

describe('decodingChain', () => {
  it('returns each decoding round until a fixed point', () => {
    expect(decodingChain('/a/%252e%252e')).toEqual(['/a/%252e%252e', '/a/%2e%2e', '/a/..']);
  });
  it('stops at text that is not valid percent-encoding', () => {
    expect(decodingChain('/a/50%done')).toEqual(['/a/50%done']);
  });
  it('gives up on encodings nested deeper than it follows', () => {
    expect(decodingChain('/%2525252525252e')).toBeUndefined();
  });
});

describe('splitRequestPath', () => {
  it('splits a clean absolute path', () => {
    expect(splitRequestPath('/a/b/c')).toEqual({ ok: true, segments: ['a', 'b', 'c'] });
  });
  it('allows one trailing slash', () => {
    expect(splitRequestPath('/a/b/')).toEqual({ ok: true, segments: ['a', 'b'] });
  });
  it.each([
    ['', 'empty'],
    ['a/b', 'not-absolute'],
    ['stdout', 'not-absolute'],
    ['/a//b', 'empty-segment'],
    ['//a', 'empty-segment'],
    ['/a/b//', 'empty-segment'],
    ['/a/../b', 'dot-segment'],
    ['/a/./b', 'dot-segment'],
    ['/a/..', 'dot-segment'],
    ['/a/...', 'dot-segment'],
    ['/a/%2e%2e/b', 'dot-segment'],
    ['/a/%2E%2E/b', 'dot-segment'],
    ['/a/%252e%252e/b', 'dot-segment'],
    ['/a/%25252e%25252e/b', 'dot-segment'],
    ['/a/.%2e/b', 'dot-segment'],
    ['/a%2f..%2fb', 'dot-segment'],
    ['/a/latest.', 'dot-segment'],
    ['/a/stdout ', 'dot-segment'],
    ['/a/b\u0000.txt', 'control-char'],
    ['/a/%00', 'control-char'],
    ['/a/b\nc', 'control-char'],
    ['/a\\..\\b', 'backslash'],
    ['/a/%5c..%5cb', 'backslash'],
    ['/a/%255c', 'backslash'],
  ])('refuses %j (%s)', (path, reason) => {
    expect(splitRequestPath(path)).toEqual({ ok: false, reason });
  });
  it('refuses over-long paths', () => {
    expect(splitRequestPath(`/${'a'.repeat(MAX_PATH_LENGTH)}`)).toEqual({ ok: false, reason: 'too-long' });
  });
  it('keeps names that merely contain dots or percent signs', () => {
    expect(splitRequestPath('/a/.hidden/file.tar.gz').ok).toBe(true);
    expect(splitRequestPath('/a/..foo').ok).toBe(true);
    expect(splitRequestPath('/a/50%done').ok).toBe(true);
  });
});

describe('attachmentTable', () => {
  it('keys names without a trailing slash', () => {
    const t = attachmentTable([{ name: '/x/y/', root: '/x/y', kind: 'dir' }]);
    expect([...t.keys()]).toEqual(['/x/y']);
  });
  it('drops names that are not clean, and roots that would expose everything', () => {
    const bad: Attachment[] = [
      { name: '/x/../y', root: '/y', kind: 'dir' },
      { name: 'relative', root: '/y', kind: 'dir' },
      { name: '/', root: '/y', kind: 'dir' },
      { name: '/all', root: '/', kind: 'dir' },
      { name: '/rel', root: 'y', kind: 'dir' },
    ];
    expect(attachmentTable(bad).size).toBe(0);
    expect(attachmentKey('/')).toBeUndefined();
  });
  it('lets a later attachment with the same name win', () => {
    const t = attachmentTable([
      { name: '/v', root: '/old', kind: 'dir' },
      { name: '/v', root: '/new', kind: 'dir' },
    ]);
    expect(t.get('/v')?.root).toBe('/new');
  });
});

describe('resolveRequestPath', () => {
  it('maps the sandbox itself and files below it', () => {
    expect(resolveRequestPath(SANDBOX, table)).toMatchObject({ ok: true, candidate: SANDBOX, rest: [] });
    expect(resolveRequestPath(`${SANDBOX}/stdout`, table)).toMatchObject({ ok: true, candidate: `${SANDBOX}/stdout` });
    expect(resolveRequestPath(`${SANDBOX}/`, table)).toMatchObject({ ok: true, candidate: SANDBOX });
  });
  it('maps the virtual and runs/latest names onto the run directory', () => {
    expect(resolveRequestPath(`${VIRTUAL}/logs/app.log`, table)).toMatchObject({ ok: true, candidate: `${SANDBOX}/logs/app.log` });
    expect(resolveRequestPath('/work/slaves/S0/frameworks/F0/executors/e1/runs/latest/stdout', table)).toMatchObject({
      ok: true,
      candidate: `${SANDBOX}/stdout`,
    });
  });
  it('serves a file attachment only under its exact name', () => {
    expect(resolveRequestPath('/slave/log', table)).toMatchObject({ ok: true, candidate: '/var/log/agent.log' });
    expect(resolveRequestPath('/slave/log/', table)).toMatchObject({ ok: true, candidate: '/var/log/agent.log' });
    expect(resolveRequestPath('/slave/log/x', table)).toEqual({ ok: false, reason: 'file-with-suffix' });
    expect(resolveRequestPath('/slave', table)).toEqual({ ok: false, reason: 'not-attached' });
  });
  it.each([
    '/etc/passwd',
    '/',
    '/work',
    '/work/slaves/S0',
    `${SANDBOX}-evil/stdout`,
    `${SANDBOX}x`,
    '/frameworks/F0/executors/e1/runs',
    '/frameworks/F0/executors/e2/runs/latest/stdout',
    '/FRAMEWORKS/F0/executors/e1/runs/latest',
  ])('refuses unattached %s', (path) => {
    expect(resolveRequestPath(path, table)).toEqual({ ok: false, reason: 'not-attached' });
  });
  it.each([
    `${SANDBOX}/../../../../etc/passwd`,
    `${VIRTUAL}/../../e2/runs/latest`,
    `${VIRTUAL}/%2e%2e/%2e%2e/etc/passwd`,
    `${VIRTUAL}/%252e%252e/secret`,
    `${SANDBOX}/./stdout`,
    `${SANDBOX}//stdout`,
    `${SANDBOX}/stdout\u0000.png`,
    `${SANDBOX}\\..\\..\\etc`,
    `${SANDBOX}/stdout.`,
  ])('refuses hostile %j before any lookup', (path) => {
    expect(resolveRequestPath(path, table).ok).toBe(false);
  });
});

describe('isInside', () => {
  it('compares whole segments', () => {
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/b/c', '/a/b')).toBe(true);
    expect(isInside('/a/b/c', '/a/b/')).toBe(true);
    expect(isInside('/a/bc', '/a/b')).toBe(false);
    expect(isInside('/a/b-evil/c', '/a/b')).toBe(false);
    expect(isInside('/a', '/a/b')).toBe(false);
  });
  it('never treats the filesystem root as a sandbox', () => {
    expect(isInside('/etc/passwd', '/')).toBe(false);
    expect(isInside('/etc/passwd', '')).toBe(false);
  });
});
