/** `tsmesos ps` end to end: the built binary against a fake master and agent on loopback. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeMaster, MASTER_ID, deadPort, runCli, startFakeMaster, startStandby, jsonOf } from './cli-harness.js';

let master: FakeMaster;
let standby: { address: string; close(): Promise<void> };

beforeAll(async () => {
  master = await startFakeMaster();
  standby = await startStandby(master.address);
});
afterAll(async () => {
  await standby?.close();
  await master?.close();
});

describe('tsmesos ps', () => {
  it('prints running tasks with agent statistics, blanking the unreachable agent', async () => {
    const r = await runCli(['ps', `--master=${master.address}`]);
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\s*TIME\s+STATE\s+RSS\s+CPU\s+%MEM\s+COMMAND\s+USER\s+FRAMEWORK\s+ID$/);
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^\s*1:13\s+R\s+45M\s+1\s+8\.3\s+web\s+www\s+marathon\s+web\.3f6c2a1e-a8b4-11ef-9c1a-0242ac110002$/);
    expect(lines[2]).toMatch(/^\s*-\s+R\s+-\s+0\.5\s+-\s+worker\s+root\s+marathon\s+worker\./);
    expect(lines[3]).toMatch(/^\s*0:00\s+S\s+1M\s+0\.1\s+1\.6\s+cache\s/);
    expect(lines[4]).toMatch(/^\s*1:02:05\s+K\s+20M\s+0\.1\s+31\.3\s+nightly-report\s+ops\s+chronos\s+nightly-report:/);
    expect(r.stderr).toMatch(/warning: no statistics from agent node-b\.example\.com: can not reach the agent/);
    // Both agents were asked; the master's state was read once.
    expect(master.requests.filter((q) => q === 'GET /master/state')).not.toHaveLength(0);
  });

  it('--all adds unreachable and completed tasks', async () => {
    const r = await runCli(['ps', '--all', `--master=${master.address}`]);
    expect(r.exitCode).toBe(0);
    const states = r.stdout
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.trim().split(/\s+/)[1]);
    expect(states).toEqual(['R', 'R', 'S', 'K', 'U', 'F', 'X']);
  });

  it('--json prints only a JSON array with stable keys', async () => {
    const r = await runCli(['ps', '--json', `--master=${master.address}`]);
    expect(r.exitCode).toBe(0);
    const rows = jsonOf(r) as Array<Record<string, unknown>>;
    expect(rows.map((x) => x.name)).toEqual(['web', 'worker', 'cache', 'nightly-report']);
    expect(Object.keys(rows[0]!)).toEqual([
      'id', 'name', 'command', 'state', 'state_letter', 'user', 'framework_id', 'framework',
      'agent_id', 'agent_hostname', 'cpus', 'mem_mb', 'time_secs', 'rss_bytes', 'mem_percent',
    ]);
    expect(rows[0]).toMatchObject({ framework_id: `${MASTER_ID}-0000`, time_secs: 73.75, rss_bytes: 47185920 });
    expect(rows[1]).toMatchObject({ name: 'worker', time_secs: null, rss_bytes: null });
  });

  it('fits the width by cutting the widest column (ids in the middle) with an ellipsis', async () => {
    const r = await runCli(['ps', `--master=${master.address}`], { COLUMNS: '80' });
    const lines = r.stdout.trimEnd().split('\n');
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
    expect(lines[0]).toMatch(/^\s*TIME\s+STATE\s+RSS\s+CPU\s+%MEM\s+COMMAND\s+USER\s+FRAMEWORK\s+ID$/);
    expect(lines[1]).toMatch(/\sweb\.3f6[^\s]*…[^\s]*110002$/);
    // --json is never truncated
    const json = await runCli(['ps', '--json', `--master=${master.address}`], { COLUMNS: '80' });
    expect(json.stdout).toContain('web.3f6c2a1e-a8b4-11ef-9c1a-0242ac110002');
  });

  it('follows a standby master’s protocol-relative 307 to the leader', async () => {
    const r = await runCli(['ps', '--json', `--master=${standby.address}`]);
    expect(r.exitCode).toBe(0);
    expect(jsonOf(r)).toHaveLength(4);
  });

  it('exits 1 with the URL and what to try when the master is down', async () => {
    const port = await deadPort();
    const r = await runCli(['ps', `--master=127.0.0.1:${port}`]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`tsmesos: error: can not reach the master at http://127.0.0.1:${port} (GET /master/state: connection refused)`);
    expect(r.stderr).toMatch(/hint: is `tsmesos master` running there\? pass --master=HOST:PORT/);
  });

  it('exits 2 on a bad flag or a bad --master', async () => {
    expect((await runCli(['ps', '--bogus'])).exitCode).toBe(2);
    const r = await runCli(['ps', '--master=host:99999']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('port must be 1-65535');
  });

  it('has help with examples', async () => {
    const r = await runCli(['ps', '--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('--master <addr>');
    expect(r.stdout).toContain('--json');
  });
});
