import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isZkUrl, parseZkUrl, ZkUrlError, znodePath } from './zk-url.js';

const dir = mkdtempSync(join(tmpdir(), 'zk-url-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseZkUrl', () => {
  it.each([
    ['zk://127.0.0.1:2181/mesos', { servers: '127.0.0.1:2181', path: '/mesos' }],
    ['zk://h1:2181,h2:2182,h3:2183/mesos', { servers: 'h1:2181,h2:2182,h3:2183', path: '/mesos' }],
    ['zk://h1,h2/a/b/', { servers: 'h1:2181,h2:2181', path: '/a/b' }],
    ['zk://h1:2181', { servers: 'h1:2181', path: '/' }],
    ['  zk://[::1]:2181/mesos\n', { servers: '[::1]:2181', path: '/mesos' }],
  ])('%s', (raw, want) => {
    expect(parseZkUrl(raw)).toMatchObject(want);
  });

  it('takes digest credentials and masks the password in display', () => {
    const u = parseZkUrl('zk://alice:s3cr:et@h1:2181,h2:2181/mesos');
    expect(u).toMatchObject({ digest: 'alice:s3cr:et', servers: 'h1:2181,h2:2181', path: '/mesos' });
    expect(u.display).toBe('zk://alice:****@h1:2181,h2:2181/mesos');
    expect(u.display).not.toContain('s3cr');
  });

  it('reads file:// (trimmed) and refuses a file without a zk:// URL', () => {
    const f = join(dir, 'zk');
    writeFileSync(f, 'zk://10.0.0.1:2181/mesos\n');
    expect(parseZkUrl(`file://${f}`)).toMatchObject({ servers: '10.0.0.1:2181', path: '/mesos' });
    writeFileSync(f, 'file:///etc/passwd');
    expect(() => parseZkUrl(`file://${f}`)).toThrow(/must contain a zk:\/\/host:port\/path URL/);
    expect(() => parseZkUrl(`file://${join(dir, 'missing')}`)).toThrow(/can not read ZooKeeper URL file/);
  });

  it.each([
    ['127.0.0.1:2181', /is not a ZooKeeper URL/],
    ['zk:///mesos', /bad ZooKeeper server/],
    ['zk://h1:2181,/mesos', /bad ZooKeeper server ""/],
    ['zk://h1:99999/mesos', /bad ZooKeeper server "h1:99999"/],
    ['zk://h1:2181/a//b', /bad ZooKeeper path/],
    ['zk://alice@h1/mesos', /credentials must be user:password/],
  ])('refuses %s', (raw, why) => {
    expect(() => parseZkUrl(raw)).toThrow(ZkUrlError);
    expect(() => parseZkUrl(raw)).toThrow(why);
  });

  it('isZkUrl and znodePath', () => {
    expect(isZkUrl('zk://h/mesos')).toBe(true);
    expect(isZkUrl('file:///etc/zk')).toBe(true);
    expect(isZkUrl('127.0.0.1:5050')).toBe(false);
    expect(znodePath('/', 'json.info_')).toBe('/json.info_');
    expect(znodePath('/mesos', 'json.info_')).toBe('/mesos/json.info_');
  });
});
