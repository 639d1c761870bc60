/** `tsmesos config show|set|path` against the built binary: human and --json output, exit codes 0/1/2. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { jsonOf, runCli } from './cli-harness.js';

const root = mkdtempSync(join(tmpdir(), 'tsmesos-cli-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let home: string;
let n = 0;
beforeEach(() => {
  home = join(root, `home-${n++}`);
  mkdirSync(home);
});
const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { HOME: home, ...env });
const defaultPath = () => join(home, '.mesos', 'config.toml');

describe('tsmesos config path', () => {
  it('prints the default path, or the one from TSMESOS_CONFIG or --config', async () => {
    expect(await cli(['config', 'path'])).toMatchObject({ exitCode: 0, stdout: `${defaultPath()}\n`, stderr: '' });
    expect((await cli(['config', 'path'], { TSMESOS_CONFIG: '/etc/t.toml' })).stdout).toBe('/etc/t.toml\n');
    expect((await cli(['--config', '/x/c.toml', 'config', 'path'], { TSMESOS_CONFIG: '/etc/t.toml' })).stdout).toBe('/x/c.toml\n');
    expect(jsonOf(await cli(['config', 'path', '--json']))).toEqual({ path: defaultPath(), exists: false, source: 'default' });
    expect(jsonOf(await cli(['config', 'path', '--json', '--config', '/x/c.toml']))).toEqual({ path: '/x/c.toml', exists: false, source: '--config' });
  });
});

describe('tsmesos config set and show', () => {
  it('show explains a missing file and the master it falls back to', async () => {
    const r = await cli(['config', 'show']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      `# ${defaultPath()} (the default path; --config or TSMESOS_CONFIG choose another)\n` +
        '# the file does not exist yet; `tsmesos config set master.address HOST:PORT` creates it\n' +
        '# master: http://127.0.0.1:5050 (from the default 127.0.0.1:5050)\n',
    );
    expect(jsonOf(await cli(['config', 'show', '--json']))).toEqual({
      path: defaultPath(), exists: false, source: 'default', config: {}, master: { url: 'http://127.0.0.1:5050', source: 'the default 127.0.0.1:5050' },
    });
  });

  it('set creates ~/.mesos/config.toml (directory too, private), and show reads it back', async () => {
    const r = await cli(['config', 'set', 'master.address', '10.0.0.1:5050']);
    expect(r).toMatchObject({ exitCode: 0, stdout: `created ${defaultPath()}: master.address = "10.0.0.1:5050"\n`, stderr: '' });
    expect(readFileSync(defaultPath(), 'utf8')).toBe('[master]\naddress = "10.0.0.1:5050"\n');
    expect(statSync(defaultPath()).mode & 0o777).toBe(0o600);
    expect(jsonOf(await cli(['config', 'set', 'agent.timeout', '10', '--json']))).toEqual({ path: defaultPath(), key: 'agent.timeout', value: 10, created: false });
    const show = await cli(['config', 'show']);
    expect(show.stdout).toContain(`# master: http://10.0.0.1:5050 (from [master] address in ${defaultPath()}:2)\n`);
    expect(show.stdout).toMatch(/\[master\]\naddress = "10\.0\.0\.1:5050"\n\n\[agent\]\ntimeout = 10\n$/);
    const env = jsonOf(await cli(['config', 'show', '--json'], { MESOS_MASTER: '10.9.9.9:5050' }));
    expect(env.master).toEqual({ url: 'http://10.9.9.9:5050', source: 'MESOS_MASTER' });
    expect(env.config).toEqual({ master: { address: '10.0.0.1:5050' }, agent: { timeout: 10 } });
  });

  it('set keeps comments, writes to --config / TSMESOS_CONFIG, and --string keeps a number a string', async () => {
    const path = join(home, 'lab.toml');
    writeFileSync(path, '# lab cluster\n[master]\n# the old leader\naddress = "1.2.3.4:5050"\n');
    expect((await cli(['config', 'set', 'master.address', '10.0.0.2:5050'], { TSMESOS_CONFIG: path })).exitCode).toBe(0);
    expect((await cli(['--config', path, 'config', 'set', 'master.cluster', '2024', '--string'])).exitCode).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe('# lab cluster\n[master]\n# the old leader\naddress = "10.0.0.2:5050"\ncluster = "2024"\n');
  });

  it('usage errors exit 2: a bad key, a bad value for a known key, missing arguments', async () => {
    const key = await cli(['config', 'set', 'master address', 'x']);
    expect([key.exitCode, key.stderr]).toEqual([2, expect.stringContaining('is not a config key\n  hint: use dotted names')]);
    const value = await cli(['config', 'set', 'agent.timeout', 'soon']);
    expect([value.exitCode, value.stderr]).toEqual([2, 'tsmesos: error: agent.timeout: must be a whole number of seconds, not "soon"\n  hint: e.g. tsmesos config set agent.timeout 5\n']);
    expect((await cli(['config', 'set', 'master.address'])).exitCode).toBe(2);
    expect((await cli(['config', 'nope'])).exitCode).toBe(2);
  });

  it('failures exit 1 and say what to do: address and zookeeper together, a broken file, an unwritable path', async () => {
    expect((await cli(['config', 'set', 'master.zookeeper.path', '/mesos'])).exitCode).toBe(0);
    const both = await cli(['config', 'set', 'master.address', '10.0.0.1:5050']);
    expect([both.exitCode, both.stderr]).toEqual([1, expect.stringMatching(/already sets master\.zookeeper.*\n  hint: remove master\.zookeeper from the file first/)]);
    writeFileSync(defaultPath(), '[master]\naddress = = "x"\n');
    for (const args of [['config', 'show'], ['config', 'set', 'agent.timeout', '3']]) {
      const broken = await cli(args);
      expect([broken.exitCode, broken.stderr]).toEqual([1, expect.stringContaining(`${defaultPath()}:2: key 'address'`)]);
    }
    const blocker = join(home, 'a-file');
    writeFileSync(blocker, '');
    const r = await cli(['config', 'set', 'master.address', 'm:5050', '--config', join(blocker, 'sub', 'config.toml')]);
    expect([r.exitCode, r.stderr]).toEqual([1, expect.stringMatching(/can not write .*a-file\/sub\/config\.toml.*\n  hint: .*--config or TSMESOS_CONFIG/)]);
  });
});
