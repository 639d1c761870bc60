import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../config/config-file.js';
import { UserError } from '../errors.js';
import type { FlagSpec } from './flag-spec.js';
import { resolveFlags } from './resolve-flags.js';

const specs: FlagSpec[] = [
  { name: 'port', type: 'int', default: '5050', help: '' },
  { name: 'allocation_interval', type: 'duration', default: '1secs', help: '' },
  { name: 'quiet', type: 'bool', default: 'false', help: '' },
  { name: 'cluster', type: 'string', help: '' },
  { name: 'registry', type: 'string', default: 'in_memory', choices: ['in_memory'], help: '' },
];

function config(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'tsmesos-cfg-'));
  const path = join(dir, 'config.toml');
  writeFileSync(path, text);
  return loadConfigFile(path);
}

const resolve = (cli: Record<string, string | boolean | undefined>, env: NodeJS.ProcessEnv, cfgText = '') =>
  resolveFlags({ specs, cli, env, envPrefix: 'MESOS_', config: config(cfgText), table: 'master', ignoreKeys: ['address', 'zookeeper'] });

describe('resolveFlags precedence', () => {
  it('flag > MESOS_ env > config table > default', () => {
    const cfg = '[master]\naddress = "10.0.0.1:5050"\nport = 7000\ncluster = "from-config"\nallocation_interval = "3secs"\n';
    const f = resolve({ port: '9000' }, { MESOS_PORT: '8000', MESOS_ALLOCATION_INTERVAL: '2secs' }, cfg);
    expect(f.int('port')).toBe(9000);
    expect(f.duration('allocation_interval')).toBe(2000);
    expect(f.str('cluster')).toBe('from-config');
    expect(f.bool('quiet')).toBe(false);
    expect(f.str('registry')).toBe('in_memory');
    expect(f.all()).toEqual({ port: '9000', allocation_interval: '2secs', quiet: 'false', cluster: 'from-config', registry: 'in_memory' });
  });

  it('reads file:// values from the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsmesos-flag-'));
    writeFileSync(join(dir, 'name'), 'prod-cluster\n');
    expect(resolve({ cluster: `file://${join(dir, 'name')}` }, {}).str('cluster')).toBe('prod-cluster');
  });

  it('treats a bare boolean flag as true', () => {
    expect(resolve({ quiet: true }, {}).bool('quiet')).toBe(true);
    expect(resolve({}, { MESOS_QUIET: '1' }).bool('quiet')).toBe(true);
  });

  it.each([
    [{ port: 'abc' }, {}, '', /--port: 'abc' is not an integer/],
    [{}, { MESOS_PORT: '5.5' }, '', /MESOS_PORT: '5.5' is not an integer/],
    [{}, { MESOS_ALLOCATION_INTERVAL: '5' }, '', /MESOS_ALLOCATION_INTERVAL: '5' is not a duration/],
    [{ quiet: 'maybe' }, {}, '', /not true or false/],
    [{ registry: 'replicated_log' }, {}, '', /one of in_memory/],
    [{}, {}, '[master]\nport = "x"\n', /config\.toml:2: key 'master\.port': 'x' is not an integer/],
    [{}, {}, '[master]\nbogus = 1\n', /config\.toml:2: key 'master\.bogus': unknown flag/],
    [{}, {}, '[master]\nport = [1, 2]\n', /config\.toml:2: key 'master\.port': expected an integer, got an array/],
  ])('rejects %j %j %j', (cli, env, cfg, message) => {
    let err: unknown;
    try {
      resolve(cli as Record<string, string>, env as NodeJS.ProcessEnv, cfg);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain('\n');
  });
});

describe('loadConfigFile', () => {
  it('names file, line and key for a TOML syntax error', () => {
    expect(() => config('[master]\naddress = "x"\nport = = 3\n')).toThrow(/config\.toml:3: key 'port': Unexpected character/);
  });

  it('is empty when the file does not exist', () => {
    const c = loadConfigFile('/nonexistent/tsmesos/config.toml');
    expect(c.exists).toBe(false);
    expect(c.data).toEqual({});
  });
});
