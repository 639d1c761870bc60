import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfigFile } from './config/config-file.js';
import { UsageError, UserError } from './errors.js';
import { parseMasterAddress, resolveMasterAddress } from './master-address.js';

const dir = mkdtempSync(join(tmpdir(), 'tsmesos-addr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ctxWith(toml: string | undefined, env: NodeJS.ProcessEnv = {}) {
  const path = join(dir, `c${Math.random().toString(36).slice(2)}.toml`);
  if (toml !== undefined) writeFileSync(path, toml);
  let reads = 0;
  return {
    env,
    config: () => {
      reads++;
      return loadConfigFile(path);
    },
    reads: () => reads,
  };
}

describe('resolveMasterAddress precedence', () => {
  const cfg = '[master]\naddress = "10.0.0.3:5050"\n';

  it('flag beats env and config, and never reads the config', () => {
    const ctx = ctxWith('not = [valid toml', { MESOS_MASTER: '10.0.0.2:5050' });
    expect(resolveMasterAddress('10.0.0.1:5050', ctx)).toMatchObject({ url: 'http://10.0.0.1:5050', kind: 'flag' });
    expect(ctx.reads()).toBe(0);
  });

  it('env beats config', () => {
    const ctx = ctxWith(cfg, { MESOS_MASTER: '10.0.0.2:5051' });
    expect(resolveMasterAddress(undefined, ctx)).toMatchObject({ url: 'http://10.0.0.2:5051', kind: 'env' });
  });

  it('config beats the default and names file and line', () => {
    const got = resolveMasterAddress(undefined, ctxWith(`# c\n${cfg}`));
    expect(got.url).toBe('http://10.0.0.3:5050');
    expect(got.source).toMatch(/^\[master\] address in .*\.toml:3$/);
  });

  it('falls back to 127.0.0.1:5050 (no file, or [master] holding only daemon flags)', () => {
    expect(resolveMasterAddress(undefined, ctxWith(undefined)).url).toBe('http://127.0.0.1:5050');
    expect(resolveMasterAddress(undefined, ctxWith('[master]\nport = 5050\n')).kind).toBe('default');
  });

  it('ignores an empty MESOS_MASTER', () => {
    expect(resolveMasterAddress(undefined, ctxWith(cfg, { MESOS_MASTER: ' ' })).kind).toBe('config');
  });

  it('takes ZooKeeper from zk:// (flag, env) and from [master.zookeeper], checking the table', () => {
    const zk = '[master.zookeeper]\naddresses = ["10.0.0.9:2181", "10.0.0.10:2181"]\npath = "/mesos"\n';
    expect(resolveMasterAddress(undefined, ctxWith(`[master]\n${zk}`))).toMatchObject({
      kind: 'config',
      zk: { servers: '10.0.0.9:2181,10.0.0.10:2181', path: '/mesos' },
    });
    expect(resolveMasterAddress(undefined, ctxWith(undefined, { MESOS_MASTER: 'zk://h:2181/mesos' }))).toMatchObject({ kind: 'env', url: 'zk://h:2181/mesos' });
    expect(resolveMasterAddress('zk://u:p@h/mesos', ctxWith(undefined)).zk).toMatchObject({ digest: 'u:p', servers: 'h:2181' });
    expect(() => resolveMasterAddress('zk://h:2181,/mesos', ctxWith(undefined))).toThrow(UsageError);
    expect(() => resolveMasterAddress(undefined, ctxWith('[master]\naddress = "h:5050"\n[master.zookeeper]\naddresses = ["h:2181"]\npath = "/m"\n'))).toThrow(/not both/);
    expect(() => resolveMasterAddress(undefined, ctxWith('[master.zookeeper]\naddresses = []\npath = "/m"\n'))).toThrow(/non-empty list/);
    expect(() => resolveMasterAddress(undefined, ctxWith('[master.zookeeper]\naddresses = ["h:2181"]\npath = "mesos"\n'))).toThrow(/must start with/);
  });

  it('rejects a non-string config address', () => {
    expect(() => resolveMasterAddress(undefined, ctxWith('[master]\naddress = 5050\n'))).toThrow(UserError);
  });
});

describe('parseMasterAddress', () => {
  it.each([
    ['127.0.0.1:5050', 'http://127.0.0.1:5050'],
    ['master.example.com', 'http://master.example.com:5050'],
    ['http://10.0.0.1:5050/', 'http://10.0.0.1:5050'],
    ['https://m:443', 'https://m:443'],
    ['[::1]:5050', 'http://[::1]:5050'],
    ['master@10.0.0.1:5050', 'http://10.0.0.1:5050'],
  ])('%s → %s', (raw, url) => {
    expect(parseMasterAddress(raw, '--master')).toBe(url);
  });

  it('bad flag input is a usage error (exit 2); bad env input an ordinary one', () => {
    expect(() => parseMasterAddress('h:99999', '--master')).toThrow(UsageError);
    expect(() => parseMasterAddress('ftp://h:1', '--master')).toThrow(/unsupported scheme/);
    const e = (() => {
      try {
        parseMasterAddress('a b', 'MESOS_MASTER', 'env');
      } catch (err) {
        return err as UserError;
      }
    })();
    expect(e).toBeInstanceOf(UserError);
    expect(e?.exitCode).toBe(1);
    expect(e?.message).toContain('MESOS_MASTER');
  });
});
