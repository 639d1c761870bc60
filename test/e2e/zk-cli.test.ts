/**
 * `tsmesos zookeeper-lite` configuration as an operator meets it: an upstream zoo.cfg given as a
 * positional path, via --zoo_cfg, or via the global --config when it ends in .cfg; explicit flags win.
 */
import { execa } from 'execa';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, fourLetter } from '../../src/zk/testing/zk-daemon.test-helpers.js';
import { waitFor } from '../helpers/wait.js';

function zooCfg(extra = ''): { cfg: string; dataDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'zklite-cfg-'));
  const dataDir = join(dir, 'data');
  const cfg = join(dir, 'zoo.cfg');
  writeFileSync(cfg, `# upstream sample\ntickTime=500\ninitLimit=10\ndataDir=${dataDir}\nclientPort=0\nclientPortAddress=127.0.0.1\n${extra}`);
  return { cfg, dataDir };
}

async function run(args: string[]): Promise<{ port: number; conf: string }> {
  const proc = execa('node', [BIN, ...args], { env: { TSMESOS_CONFIG: '/nonexistent/x.toml' }, reject: false, buffer: false });
  let out = '';
  proc.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  try {
    const port = await waitFor(() => Number(/listening on zk:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1]) || undefined, 'listening', 15_000);
    return { port, conf: await fourLetter(port, 'conf') };
  } finally {
    proc.kill('SIGTERM');
    await proc;
  }
}

describe('zoo.cfg', () => {
  it.each([
    ['positional', (cfg: string) => ['zookeeper-lite', cfg]],
    ['--zoo_cfg', (cfg: string) => ['zookeeper-lite', `--zoo_cfg=${cfg}`]],
    ['global --config FILE.cfg', (cfg: string) => ['--config', cfg, 'zookeeper-lite']],
  ])('%s', async (_, argv) => {
    const { cfg, dataDir } = zooCfg();
    const { conf } = await run(argv(cfg));
    expect(conf).toContain(`dataDir=${dataDir}`);
    expect(conf).toContain('tickTime=500');
    expect(conf).toContain('minSessionTimeout=1000');
    expect(conf).toContain('maxSessionTimeout=10000');
  });

  it('an explicit flag beats the file', async () => {
    const { cfg } = zooCfg('maxSessionTimeout=7000\n');
    const { conf } = await run(['zookeeper-lite', cfg, '--tick_time=300', '--max_session_timeout=9000']);
    expect(conf).toContain('tickTime=300');
    expect(conf).toContain('maxSessionTimeout=9000');
  });

  it('a bad line is a clear error, exit 1', async () => {
    const { cfg } = zooCfg('this is not a property line with = ok\n=novalue\n');
    const r = await execa('node', [BIN, 'zookeeper-lite', cfg], { reject: false, env: { TSMESOS_CONFIG: '/nonexistent/x.toml' } });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/zoo\.cfg:\d+: expected key=value/);
  });
});
