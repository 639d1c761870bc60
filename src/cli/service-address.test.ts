import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfigFile } from './config/config-file.js';
import { UsageError, UserError } from './errors.js';
import { CHRONOS, MARATHON, parseServiceAddress, resolveChronosUrl, resolveMarathonUrl, resolveServiceAddress, unreachableHint } from './service-address.js';

const dir = mkdtempSync(join(tmpdir(), 'tsmesos-svc-addr-'));
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

const cfg = '[marathon]\naddress = "10.0.0.3:8081"\n\n[chronos]\naddress = "10.0.0.3:4401"\n';

describe('resolveServiceAddress precedence', () => {
  it('flag beats env and config, and never reads the config', () => {
    const ctx = ctxWith('not = [valid toml', { TSMESOS_MARATHON: '10.0.0.2:8080', MARATHON_URL: 'http://10.0.0.4:8080' });
    expect(resolveServiceAddress(MARATHON, ctx, '10.0.0.1:8080')).toEqual({ url: 'http://10.0.0.1:8080', source: '--marathon', kind: 'flag' });
    expect(ctx.reads()).toBe(0);
  });

  it('TSMESOS_* beats *_URL, and either beats the config', () => {
    const both = ctxWith(cfg, { TSMESOS_CHRONOS: '10.0.0.2:4400', CHRONOS_URL: 'http://10.0.0.4:4400' });
    expect(resolveServiceAddress(CHRONOS, both)).toMatchObject({ url: 'http://10.0.0.2:4400', source: 'TSMESOS_CHRONOS', kind: 'env' });
    const legacy = ctxWith(cfg, { MARATHON_URL: 'http://10.0.0.4:8080/' });
    expect(resolveServiceAddress(MARATHON, legacy)).toMatchObject({ url: 'http://10.0.0.4:8080', source: 'MARATHON_URL' });
    expect(legacy.reads()).toBe(0);
  });

  it('ignores empty env values', () => {
    expect(resolveServiceAddress(MARATHON, ctxWith(cfg, { TSMESOS_MARATHON: ' ', MARATHON_URL: '' })).kind).toBe('config');
  });

  it('config [marathon]/[chronos] address beats the default and names file and line', () => {
    const m = resolveServiceAddress(MARATHON, ctxWith(`# c\n${cfg}`));
    expect(m.url).toBe('http://10.0.0.3:8081');
    expect(m.source).toMatch(/^\[marathon\] address in .*\.toml:3$/);
    const c = resolveServiceAddress(CHRONOS, ctxWith(cfg));
    expect(c.url).toBe('http://10.0.0.3:4401');
    expect(c.source).toMatch(/^\[chronos\] address in .*\.toml:5$/);
  });

  it('falls back to 127.0.0.1:8080 / 127.0.0.1:4400 (no file, or a table with daemon flags only)', () => {
    expect(resolveMarathonUrl(ctxWith(undefined))).toBe('http://127.0.0.1:8080');
    expect(resolveChronosUrl(ctxWith('[chronos]\nhttp_port = 4400\n'))).toBe('http://127.0.0.1:4400');
    expect(resolveServiceAddress(CHRONOS, ctxWith(undefined)).source).toBe('the default 127.0.0.1:4400');
  });

  it('a non-string config address is an error naming the file', () => {
    expect(() => resolveServiceAddress(MARATHON, ctxWith('[marathon]\naddress = 8080\n'))).toThrow(/\[marathon\] address in .*:2: must be a string/);
  });

  it('bad values: usage error (exit 2) from the flag, ordinary error (exit 1) from env or config', () => {
    const flag = (() => {
      try {
        resolveServiceAddress(MARATHON, ctxWith(undefined), 'ftp://x');
      } catch (e) {
        return e;
      }
    })();
    expect(flag).toBeInstanceOf(UsageError);
    expect((flag as UsageError).exitCode).toBe(2);
    expect((flag as UsageError).message).toBe('--marathon: unsupported scheme ftp://: "ftp://x"');
    const env = (() => {
      try {
        resolveServiceAddress(CHRONOS, ctxWith(undefined, { CHRONOS_URL: 'a b' }));
      } catch (e) {
        return e;
      }
    })();
    expect(env).toBeInstanceOf(UserError);
    expect(env).not.toBeInstanceOf(UsageError);
    expect((env as UserError).message).toContain('CHRONOS_URL: not a HOST:PORT address');
  });
});

describe('parseServiceAddress', () => {
  const p = (raw: string, spec = MARATHON) => parseServiceAddress(raw, spec, '--x');
  it('fills in the default port for a bare host, the scheme port for a URL', () => {
    expect(p('marathon-1')).toBe('http://marathon-1:8080');
    expect(p('chronos-1', CHRONOS)).toBe('http://chronos-1:4400');
    expect(p('http://marathon-1')).toBe('http://marathon-1:80');
    expect(p('https://marathon-1')).toBe('https://marathon-1:443');
  });
  it('keeps a path prefix (reverse proxies) and drops a trailing slash, query or fragment', () => {
    expect(p('https://dcos.example.com/service/marathon/')).toBe('https://dcos.example.com:443/service/marathon');
    expect(p('http://h:9/x?y=1')).toBe('http://h:9/x');
  });
  it('takes IPv6 literals and refuses bad ports', () => {
    expect(p('[::1]:8081')).toBe('http://[::1]:8081');
    expect(() => p('h:0')).toThrow(/port must be 1-65535/);
    expect(() => p('h:99999')).toThrow(/port must be 1-65535/);
    expect(() => p('')).toThrow(/empty Marathon address/);
  });
});

describe('unreachableHint', () => {
  it('names the source unless it was the flag', () => {
    expect(unreachableHint(MARATHON, { url: 'http://h:1', source: '--marathon', kind: 'flag' })).toBe(
      'is `tsmesos marathon` running there? pass --marathon=HOST:PORT or set TSMESOS_MARATHON',
    );
    expect(unreachableHint(CHRONOS, { url: 'http://h:1', source: 'CHRONOS_URL', kind: 'env' })).toContain('(the address came from CHRONOS_URL)');
  });
});
