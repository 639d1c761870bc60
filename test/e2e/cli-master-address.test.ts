/** Where the operator commands find the master: --master > MESOS_MASTER > config file > default. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeMaster, deadPort, runCli, startFakeMaster, jsonOf } from './cli-harness.js';

let master: FakeMaster;
const dir = mkdtempSync(join(tmpdir(), 'tsmesos-cli-cfg-'));
beforeAll(async () => {
  master = await startFakeMaster();
});
afterAll(async () => {
  await master?.close();
  rmSync(dir, { recursive: true, force: true });
});

function config(name: string, toml: string): string {
  const path = join(dir, name);
  writeFileSync(path, toml);
  return path;
}

describe('master address resolution', () => {
  it('takes MESOS_MASTER when there is no --master', async () => {
    const r = await runCli(['agent', 'list', '--json'], { MESOS_MASTER: master.address });
    expect(r.exitCode).toBe(0);
    expect(jsonOf(r)).toHaveLength(2);
  });

  it('--master beats MESOS_MASTER', async () => {
    const dead = await deadPort();
    const r = await runCli(['agent', 'list', '--json', `--master=${master.address}`], { MESOS_MASTER: `127.0.0.1:${dead}` });
    expect(r.exitCode).toBe(0);
  });

  it('reads [master] address from --config and from TSMESOS_CONFIG', async () => {
    const path = config('ok.toml', `[master]\naddress = "http://${master.address}"\n`);
    const viaFlag = await runCli(['--config', path, 'framework', 'list', '--json']);
    expect(viaFlag.exitCode).toBe(0);
    expect(JSON.parse(viaFlag.stdout)).toHaveLength(2);
    const viaEnv = await runCli(['framework', 'list', '--json'], { TSMESOS_CONFIG: path });
    expect(viaEnv.exitCode).toBe(0);
  });

  it('MESOS_MASTER beats the config file, and the hint says where the address came from', async () => {
    const dead = await deadPort();
    const path = config('dead.toml', `[master]\naddress = "127.0.0.1:${dead}"\n`);
    const r = await runCli(['ps'], { TSMESOS_CONFIG: path });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`can not reach the master at http://127.0.0.1:${dead}`);
    expect(r.stderr).toContain('the address came from [master] address in');
    const ok = await runCli(['ps', '--json'], { TSMESOS_CONFIG: path, MESOS_MASTER: master.address });
    expect(ok.exitCode).toBe(0);
  });

  it('[master.zookeeper] and zk:// are looked up in ZooKeeper, with clear errors', async () => {
    const badPath = config('zk-bad.toml', '[master.zookeeper]\naddresses = ["127.0.0.1:2181"]\npath = "/"\n');
    const fromConfig = await runCli(['ps'], { TSMESOS_CONFIG: badPath });
    expect(fromConfig.exitCode).toBe(1);
    expect(fromConfig.stderr).toContain("path must start with '/' and not be '/'");
    const dead = await deadPort();
    const fromEnv = await runCli(['agent', 'list'], { MESOS_MASTER: `zk://127.0.0.1:${dead}/mesos` });
    expect(fromEnv.exitCode).toBe(1);
    expect(fromEnv.stderr).toContain(`no ZooKeeper server of zk://127.0.0.1:${dead}/mesos answered`);
    expect(fromEnv.stderr).toContain('is ZooKeeper running there (the address came from MESOS_MASTER)?');
  });

  it('a broken config file is reported with file and line', async () => {
    const path = config('bad.toml', '[master]\naddress = \n');
    const r = await runCli(['ps'], { TSMESOS_CONFIG: path });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`${path}:2`);
  });
});
