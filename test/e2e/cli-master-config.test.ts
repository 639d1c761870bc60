/** `tsmesos master` configuration as a user meets it: help, version, config file errors, precedence. */
import { execa } from 'execa';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, startDaemon } from '../helpers/daemon.js';
import { getJson } from '../helpers/http.js';

const dir = mkdtempSync(join(tmpdir(), 'tsmesos-master-cfg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], env: Record<string, string> = {}) =>
  execa('node', [BIN, ...args], { reject: false, env: { TSMESOS_CONFIG: join(dir, 'none.toml'), ...env }, timeout: 20_000 });

describe('tsmesos master configuration', () => {
  it('prints help with the upstream flag names and examples, and the version', async () => {
    const help = await run(['master', '--help']);
    expect(help.exitCode).toBe(0);
    for (const f of ['--work_dir', '--allocation_interval', '--offer_timeout', '--agent_ping_timeout', '--max_agent_ping_timeouts', '--weights', '--registry']) {
      expect(help.stdout).toContain(f);
    }
    expect(help.stdout).toMatch(/Examples:/);
    expect(help.stdout).toContain('MESOS_ALLOCATION_INTERVAL');
    const v = await run(['--version']);
    expect([v.exitCode, v.stdout.trim()]).toEqual([0, '0.1.0']);
  });

  it('fails with one line naming file, line and key for a malformed config file', async () => {
    const path = join(dir, 'bad.toml');
    writeFileSync(path, '[master]\naddress = "127.0.0.1:5050"\nallocation_interval = = "2secs"\n');
    const r = await run(['master', '--port=0', '--config', path]);
    expect(r.exitCode).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe(`tsmesos: error: ${path}:3: key 'allocation_interval': Unexpected character, expecting string, number, datetime, boolean, inline array or inline table`);
    expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
  });

  it('fails clearly for a wrongly typed key and for a bad flag value', async () => {
    const path = join(dir, 'typed.toml');
    writeFileSync(path, '[master]\nmax_agent_ping_timeouts = "many"\n');
    const r = await run(['master', '--port=0'], { TSMESOS_CONFIG: path });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`${path}:2: key 'master.max_agent_ping_timeouts': 'many' is not an integer`);
    const bad = await run(['master', '--port=0', '--allocation_interval=fast']);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toMatch(/--allocation_interval: 'fast' is not a duration/);
    const usage = await run(['master', '--no-such-flag']);
    expect(usage.exitCode).toBe(2);
  });

  it('takes flags from the command line over MESOS_ env over the config file', async () => {
    const path = join(dir, 'good.toml');
    writeFileSync(path, '[master]\ncluster = "from-file"\nallocation_interval = "3secs"\nmax_completed_frameworks = 7\n');
    const m = await startDaemon(['master', '--ip=127.0.0.1', '--port=0', '--quiet', '--allocation_interval=250ms', '--config', path], {
      MESOS_ALLOCATION_INTERVAL: '2secs',
      MESOS_MAX_COMPLETED_FRAMEWORKS: '9',
    });
    try {
      const flags = (await getJson(`${m.url}/master/flags`)).flags;
      expect(flags).toMatchObject({ allocation_interval: '250ms', max_completed_frameworks: '9', cluster: 'from-file', port: new URL(m.url).port });
    } finally {
      await m.stop();
    }
  });

  it('says what to do when the port is taken', async () => {
    const m = await startDaemon(['master', '--ip=127.0.0.1', '--port=0', '--quiet']);
    try {
      const r = await run(['master', '--ip=127.0.0.1', `--port=${new URL(m.url).port}`]);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toMatch(/already in use/);
      expect(r.stderr).toMatch(/hint: .*--port/);
    } finally {
      await m.stop();
    }
  });
});
